// renderer/: checking a report folder someone was given: is every file there and unchanged, and
// was it signed by the installation whose fingerprint the agency published.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { VerifyReportOutput } from '../../../../shared/schemas/reports';
import { normalizeFingerprint } from '../../../../shared/fingerprint';
import { call } from '../../api/client';
import { CheckboxField } from '../../components/fields';
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
  // The fingerprint the agency published: remembered on this installation once asked to.
  const [expected, setExpected] = useState('');
  const [remember, setRemember] = useState(false);
  const [own, setOwn] = useState<string | null>(null);
  const [rememberedValue, setRememberedValue] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const submit = useSubmit();

  useEffect(() => {
    let live = true;
    void call('reports.signingKey', {}).then((result) => {
      if (!live || !result.ok) return;
      setOwn(result.value.fingerprint);
      setRememberedValue(result.value.rememberedFingerprint);
      if (result.value.rememberedFingerprint) {
        setExpected(result.value.rememberedFingerprint);
        setRemember(true);
      }
    });
    return () => {
      live = false;
    };
  }, []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setVerdict(null);
    const typed = expected.trim() ? normalizeFingerprint(expected) : null;
    const found = { folder: folder.trim() ? undefined : t('verify.folderRequired'), expectedFingerprint: expected.trim() && !typed ? t('verify.expectedInvalid') : undefined };
    const toRemember = remember ? typed : null;
    const result = await submit.run(found, async () => {
      if (toRemember !== rememberedValue) {
        const saved = await call('reports.rememberFingerprint', { fingerprint: toRemember });
        if (!saved.ok) return saved;
        setRememberedValue(toRemember);
      }
      return call('reports.verify', { folder: folder.trim(), expectedFingerprint: typed });
    });
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
        <TextField
          label={t('verify.expected')}
          hint={own ? t('verify.expectedHint', { fingerprint: own }) : t('verify.expectedHintPlain')}
          value={expected}
          onChange={setExpected}
          autoComplete="off"
          maxLength={200}
          error={errorAt(submit.errors, 'expectedFingerprint')}
        />
        <CheckboxField label={t('verify.remember')} hint={t('verify.rememberHint')} checked={remember} onChange={setRemember} />
        <StatusMessage>{submit.busy ? t('verify.checking') : verdict?.ok ? t('verify.ok') : null}</StatusMessage>
        {verdict?.signerIsExpected === false ? (
          <p className="verify-not-agency">
            <strong>{t('verify.notAgency')}</strong>
          </p>
        ) : null}
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
        {verdict?.ok ? <p>{t(`verify.signedBy.${verdict.expectedFrom}`)}</p> : null}
        {verdict?.exact ? <p>{t('verify.exact')}</p> : null}
        {verdict?.signerFingerprint && verdict.expectedFrom === 'this-installation' ? <p>{t('verify.compare')}</p> : null}
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
            {verdict.signerFingerprint ? (
              <div className="case-fact-wide">
                <dt>{t('verify.expectedFact')}</dt>
                <dd>
                  <code className="fingerprint">{verdict.expectedFingerprint}</code>
                </dd>
              </div>
            ) : null}
          </dl>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('verify.check')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** This installation's signing fingerprint, for the agency to publish (Reports for administrators and supervisors, and Admin). */
export function SigningKeySection({ level = 2 }: { level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
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
      <Heading id={headingId}>{t('signingKey.title')}</Heading>
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
