// renderer/: checking a report folder someone was given: is every file there and unchanged, and
// was it signed by the installation whose fingerprint the agency published.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { VerifyReportOutput } from '../../../../shared/schemas/reports';
import { call } from '../../api/client';
import { errorAt } from '../../components/forms';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';
import { reportText } from './reportWords';

type Verdict = z.infer<typeof VerifyReportOutput>;

export function VerifySection() {
  const i18n = useT();
  const { t, formatDay, formatTimestamp } = i18n;
  const headingId = useId();
  const [folder, setFolder] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const submit = useSubmit();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setVerdict(null);
    const result = await submit.run({ folder: folder.trim() ? undefined : t('verify.folderRequired') }, () => call('reports.verify', { folder: folder.trim() }));
    if (result) setVerdict(result);
  }

  return (
    <section aria-labelledby={headingId} className="panel report-tool">
      <h2 id={headingId}>{t('verify.title')}</h2>
      <p>{t('verify.intro')}</p>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <TextField
          label={t('verify.folder')}
          hint={t('verify.folderHint')}
          value={folder}
          onChange={setFolder}
          autoComplete="off"
          maxLength={1000}
          error={errorAt(submit.errors, 'folder')}
          required
        />
        <StatusMessage>{submit.busy ? t('verify.checking') : verdict?.ok ? t('verify.ok') : null}</StatusMessage>
        {verdict && !verdict.ok ? (
          <ErrorMessage>
            <p>{t('verify.notOk')}</p>
            <ul>
              {verdict.problems.map((problem, i) => (
                <li key={i}>{reportText(i18n, problem)}</li>
              ))}
            </ul>
          </ErrorMessage>
        ) : null}
        {verdict && (verdict.period || verdict.generatedAt || verdict.signerFingerprint) ? (
          <dl className="facts verify-facts">
            {verdict.period ? (
              <div>
                <dt>{t('verify.period')}</dt>
                <dd>{t('verify.periodValue', { from: formatDay(verdict.period.from, 'medium'), to: formatDay(verdict.period.to, 'medium') })}</dd>
              </div>
            ) : null}
            {verdict.generatedAt ? (
              <div>
                <dt>{t('verify.madeAt')}</dt>
                <dd>{formatTimestamp(verdict.generatedAt, true)}</dd>
              </div>
            ) : null}
            {verdict.signerFingerprint ? (
              <div className="case-fact-wide">
                <dt>{t('verify.signer')}</dt>
                <dd>
                  <code className="fingerprint">{verdict.signerFingerprint}</code>
                </dd>
              </div>
            ) : null}
          </dl>
        ) : null}
        {verdict?.signerFingerprint ? <p>{t('verify.compare')}</p> : null}
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('verify.check')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** This installation's signing fingerprint, for the agency to publish (administrators, supervisors). */
export function SigningKeySection() {
  const { t, errorMessage } = useT();
  const headingId = useId();
  const [key, setKey] = useState<{ fingerprint: string; publicKey: string } | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    void call('reports.signingKey', {}).then((result) => {
      if (!live) return;
      if (result.ok) setKey(result.value);
      else setError(errorMessage(result.error));
    });
    return () => {
      live = false;
    };
  }, [errorMessage]);
  return (
    <section aria-labelledby={headingId} className="panel report-tool">
      <h2 id={headingId}>{t('signingKey.title')}</h2>
      <p>{t('signingKey.intro')}</p>
      <ErrorMessage>{error}</ErrorMessage>
      {key ? (
        <>
          <dl className="facts">
            <div className="case-fact-wide">
              <dt>{t('signingKey.fingerprint')}</dt>
              <dd>
                <code className="fingerprint">{key.fingerprint}</code>
              </dd>
            </div>
          </dl>
          <details>
            <summary>{t('signingKey.showPublicKey')}</summary>
            <pre className="public-key">{key.publicKey}</pre>
          </details>
        </>
      ) : null}
    </section>
  );
}
