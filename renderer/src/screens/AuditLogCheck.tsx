// renderer/: verifies the access log's HMAC chain and says plainly whether it is intact.
import { useId, useState } from 'react';
import type { RpcError } from '../../../shared/errors';
import type { AuditVerifyOutput } from '../../../shared/schemas/audit';
import { call } from '../api/client';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { useT } from '../i18n/i18n';

type Check = { at: Date; result: AuditVerifyOutput };

export function AuditLogCheck() {
  const { t, errorMessage, formatDate } = useT();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<Check | null>(null);
  const [error, setError] = useState<RpcError | null>(null);

  async function verify() {
    if (busy) return;
    setBusy(true);
    setError(null);
    setCheck(null);
    const result = await call('audit.verify', {});
    setBusy(false);
    if (result.ok) setCheck({ at: new Date(), result: result.value });
    else setError(result.error);
  }

  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t('accessLog.checkTitle')}</h2>
      <p>{t('admin.auditIntro')}</p>
      <div className="actions">
        <button type="button" onClick={() => void verify()} aria-disabled={busy || undefined}>
          {t('admin.auditCheck')}
        </button>
      </div>
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      <StatusMessage tone={check?.result.intact ? 'success' : 'info'}>
        {busy ? t('admin.auditChecking') : check ? (
          <div className={check.result.intact ? 'audit-result' : 'audit-result audit-broken'}>
            <p className="audit-verdict">{check.result.intact ? t('admin.auditIntact') : t('admin.auditBroken')}</p>
            <p>{t('admin.auditEntries', { count: check.result.entries })}</p>
            {!check.result.intact && check.result.firstBadSeq !== null ? <p>{t('admin.auditFirstBad', { seq: check.result.firstBadSeq })}</p> : null}
            {!check.result.intact && ((check.result.anchor ?? 'matches') !== 'matches' || !['matches', 'first-use'].includes(check.result.outsideAnchor ?? 'matches')) ? (
              <p>{t('admin.auditAnchorProblem')}</p>
            ) : null}
            {!check.result.intact ? <p>{t('admin.auditBrokenAdvice')}</p> : null}
            <p className="hint">
              {t('admin.auditCheckedAt', { time: formatDate(check.at, { dateStyle: 'long', timeStyle: 'short' }) })}
            </p>
            {check.result.head ? (
              <p className="hint">
                {t('admin.auditHead')}: <code className="mono break">{check.result.head}</code>
              </p>
            ) : null}
          </div>
        ) : null}
      </StatusMessage>
    </section>
  );
}
