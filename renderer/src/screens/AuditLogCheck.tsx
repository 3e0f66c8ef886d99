// renderer/: verifies the access log's HMAC chain and says plainly whether it is intact.
import { useId, useState } from 'react';
import type { AuditVerifyOutput } from '../../../shared/schemas/audit';
import { Empty } from '../../../shared/schemas/session';
import { call } from '../api/client';
import { FormFrame } from '../components/FormFrame';
import { useSchemaForm } from '../components/useSchemaForm';
import { useT } from '../i18n/i18n';

type Check = { at: Date; result: AuditVerifyOutput };

export function AuditLogCheck() {
  const { t, errorMessage } = useT();
  const headingId = useId();
  const [check, setCheck] = useState<Check | null>(null);
  const sf = useSchemaForm({
    onlyReads: true,
    schema: Empty,
    defaults: {},
    toInput: () => ({}),
    onSubmitStart: () => setCheck(null),
    send: (input) => call('audit.verify', input),
    onSaved: (result) => setCheck({ at: new Date(), result }),
    errorText: errorMessage,
  });

  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t('accessLog.checkTitle')}</h2>
      <p>{t('admin.auditIntro')}</p>
      <FormFrame
        form={sf}
        submitLabel={t('admin.auditCheck')}
        primary={false}
        busyText={t('admin.auditChecking')}
        savedText={check ? <CheckResult check={check} /> : null}
        savedTone={check?.result.intact ? 'success' : 'info'}
      />
    </section>
  );
}

/** What the check found: intact or not, how many entries, where it first breaks, and when it ran. */
function CheckResult({ check }: { check: Check }) {
  const { t, formatDate } = useT();
  return (
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
  );
}
