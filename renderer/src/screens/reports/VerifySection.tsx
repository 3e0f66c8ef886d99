// renderer/: checking a report folder someone was given: is every file there and unchanged, and
// was it signed by the installation whose fingerprint the agency published.
import { useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import type { Result } from '../../../../shared/errors';
import { VerifyReportInput, type VerifyReportOutput } from '../../../../shared/schemas/reports';
import { normalizeFingerprint } from '../../../../shared/fingerprint';
import { call } from '../../api/client';
import { CheckboxField } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { ErrorMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import { reportText } from './reportWords';

type Verdict = z.infer<typeof VerifyReportOutput>;

/** The fingerprint as typed, in its usual form; null when left empty (or not a fingerprint). */
const typedFingerprint = (text: string) => (text.trim() ? normalizeFingerprint(text) : null);

export function VerifySection() {
  const i18n = useT();
  const { t } = i18n;
  const headingId = useId();
  const [own, setOwn] = useState<string | null>(null);
  const [rememberedValue, setRememberedValue] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  // The fingerprint the agency published: remembered on this installation once asked to.
  const sf = useSchemaForm({
    onlyReads: true,
    schema: VerifyReportInput,
    defaults: { folder: '', expectedFingerprint: '', remember: false },
    toInput: (v) => ({ folder: v.folder.trim(), expectedFingerprint: typedFingerprint(v.expectedFingerprint) }),
    extraChecks: (v) => ({
      folder: v.folder.trim() ? undefined : t('verify.folderRequired'),
      expectedFingerprint: v.expectedFingerprint.trim() && !typedFingerprint(v.expectedFingerprint) ? t('verify.expectedInvalid') : undefined,
    }),
    onSubmitStart: () => setVerdict(null),
    send: async (input): Promise<Result<Verdict>> => {
      const toRemember: string | null = sf.form.getValues('remember') ? input.expectedFingerprint ?? null : null;
      if (toRemember !== rememberedValue) {
        const saved = await call('reports.rememberFingerprint', { fingerprint: toRemember });
        if (!saved.ok) return saved;
        setRememberedValue(toRemember);
      }
      return call('reports.verify', input);
    },
    onSaved: setVerdict,
  });
  const { setValue } = sf.form;

  useEffect(() => {
    let live = true;
    void call('reports.signingKey', {}).then((result) => {
      if (!live || !result.ok) return;
      setOwn(result.value.fingerprint);
      setRememberedValue(result.value.rememberedFingerprint);
      if (result.value.rememberedFingerprint) {
        setValue('expectedFingerprint', result.value.rememberedFingerprint);
        setValue('remember', true);
      }
    });
    return () => {
      live = false;
    };
  }, [setValue]);

  return (
    <section aria-labelledby={headingId} className="panel report-tool">
      <h2 id={headingId}>{t('verify.title')}</h2>
      <p>{t('verify.intro')}</p>
      <FormFrame
        form={sf}
        submitLabel={t('verify.check')}
        busyText={t('verify.checking')}
        savedText={verdict?.ok ? t('verify.ok') : null}
        beforeActions={verdict ? <VerdictFacts verdict={verdict} /> : null}
      >
        <TextField label={t('verify.folder')} hint={t('verify.folderHint')} {...sf.field('folder')} autoComplete="off" maxLength={1000} required />
        <TextField
          label={t('verify.expected')}
          hint={own ? t('verify.expectedHint', { fingerprint: own }) : t('verify.expectedHintPlain')}
          {...sf.field('expectedFingerprint')}
          autoComplete="off"
          maxLength={200}
        />
        <CheckboxField label={t('verify.remember')} hint={t('verify.rememberHint')} checked={sf.field('remember').value} onChange={sf.field('remember').onChange} />
      </FormFrame>
    </section>
  );
}

/** What the check found: whose key signed it, the problems, the period and the fingerprints. */
function VerdictFacts({ verdict }: { verdict: Verdict }) {
  const i18n = useT();
  const { t, formatDay, formatTimestamp } = i18n;
  return (
    <>
      {verdict.signerIsExpected === false ? (
        <p className="verify-not-agency">
          <strong>{t('verify.notAgency')}</strong>
        </p>
      ) : null}
      {!verdict.ok ? (
        <ErrorMessage>
          <p>{t('verify.notOk')}</p>
          <ul>
            {verdict.problems.map((problem, i) => (
              <li key={i}>{reportText(i18n, problem)}</li>
            ))}
          </ul>
        </ErrorMessage>
      ) : null}
      {verdict.ok ? <p>{t(`verify.signedBy.${verdict.expectedFrom}`)}</p> : null}
      {verdict.exact ? <p>{t('verify.exact')}</p> : null}
      {verdict.signerFingerprint && verdict.expectedFrom === 'this-installation' ? <p>{t('verify.compare')}</p> : null}
      {verdict.period || verdict.generatedAt || verdict.signerFingerprint ? (
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
          {verdict.signerFingerprint
            ? ([
                ['verify.signer', verdict.signerFingerprint],
                ['verify.expectedFact', verdict.expectedFingerprint],
              ] as const).map(([term, fingerprint]) => (
                <div className="case-fact-wide" key={term}>
                  <dt>{t(term)}</dt>
                  <dd>
                    <code className="fingerprint">{fingerprint}</code>
                  </dd>
                </div>
              ))
            : null}
        </dl>
      ) : null}
    </>
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
