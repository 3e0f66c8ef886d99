// renderer/: the safety plan, made with the survivor: warning signs, safe contacts, safe places,
// code words, documents and phones. Every save is a new version. The printed copy shows only the
// lists they chose to include: no name, no case number, nothing else from the case.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { RpcError } from '../../../../shared/errors';
import { call } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { CheckboxField } from '../../components/fields';
import { errorAt, type PathErrors } from '../../components/forms';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { printOnly } from '../../components/print';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';
import { ContactsPart, TextListPart, emptyPlan, hasContent, partTitle, parts, tidy, type Part, type Plan, type Versions } from './SafetyPlanParts';

export function SafetyPlanTab({ clientId, visible }: { clientId: string; visible: boolean }) {
  const { t, errorMessage, formatTimestamp } = useT();
  const historyId = useId();
  const [draft, setDraft] = useState<Plan | null>(null);
  const [baseVersion, setBaseVersion] = useState(0);
  const [versions, setVersions] = useState<Versions>([]);
  const [loadError, setLoadError] = useState<RpcError | null>(null);
  // After a conflict: the newest saved version, kept apart so the typing here is not lost.
  const [latest, setLatest] = useState<{ version: number; plan: Plan } | null>(null);
  const [message, setMessage] = useState<'saved' | 'nothingToPrint' | null>(null);
  const printArea = useRef<HTMLDivElement>(null);
  const loaded = useRef(false);
  const submit = useSubmit();

  const read = useCallback(async () => {
    const result = await call('safetyPlan.get', { id: clientId });
    if (!result.ok) {
      setLoadError(result.error);
      return null;
    }
    setLoadError(null);
    setVersions(result.value.versions);
    return result.value.current;
  }, [clientId]);

  useEffect(() => {
    if (!visible || loaded.current) return;
    loaded.current = true;
    void read().then((current) => {
      setDraft(current ? current.plan : emptyPlan());
      setBaseVersion(current?.version ?? 0);
    });
  }, [visible, read]);

  if (!draft) {
    return (
      <div className="safety-plan">
        <ErrorMessage>{loadError ? errorMessage(loadError) : null}</ErrorMessage>
        {loadError ? null : <p role="status">{t('common.working')}</p>}
      </div>
    );
  }

  const set = <K extends keyof Plan>(key: K, value: Plan[K]) => {
    setDraft({ ...draft, [key]: value });
    if (message) setMessage(null);
  };
  const setPrint = (part: Part, include: boolean) => set('print', { ...draft.print, [part]: include });

  async function save(version: number) {
    if (!draft) return;
    const plan = tidy(draft);
    const found: Record<string, string> = {};
    plan.safeContacts.forEach((c, i) => {
      if (!c.name) found[`safeContacts.${i}.name`] = t('safetyPlan.contactNameRequired');
    });
    setMessage(null);
    const saved = await submit.run(
      found,
      () => call('safetyPlan.save', { clientId, baseVersion: version, plan }),
      (error) => {
        if (error.code !== 'CONFLICT') return false;
        void read().then((current) => setLatest(current ? { version: current.version, plan: current.plan } : { version: 0, plan: emptyPlan() }));
        return true;
      },
    );
    if (!saved) return;
    setLatest(null);
    setDraft(plan);
    setBaseVersion(saved.version);
    setMessage('saved');
    await read();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save(baseVersion);
  }

  const printed = tidy(draft);
  const included = parts.filter((p) => printed.print[p] && hasContent(printed, p));
  function print() {
    if (included.length === 0) {
      setMessage('nothingToPrint');
      return;
    }
    printOnly(printArea.current, { alone: true });
  }

  // Field problems from main arrive with paths such as "plan.safeContacts.0.name".
  const errors: PathErrors = Object.fromEntries(Object.entries(submit.errors).map(([k, v]) => [k.replace(/^plan\./u, ''), v]));
  return (
    <div className="safety-plan">
      <h2>{t('safetyPlan.title')}</h2>
      <p className="hint">{t('safetyPlan.intro')}</p>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <TextListPart part="warningSigns" plan={draft} set={set} setPrint={setPrint} errors={errors} />
        <ContactsPart plan={draft} set={set} setPrint={setPrint} errors={errors} />
        <TextListPart part="safePlaces" plan={draft} set={set} setPrint={setPrint} errors={errors} />
        <TextListPart part="codeWords" plan={draft} set={set} setPrint={setPrint} errors={errors} />
        <TextListPart part="documentsAndPhones" plan={draft} set={set} setPrint={setPrint} errors={errors} />
        <fieldset className="group safety-part">
          <legend>{partTitle(t, 'other')}</legend>
          <TextField
            label={t('safetyPlan.otherText')}
            value={draft.other ?? ''}
            onChange={(x) => set('other', x === '' ? null : x)}
            autoComplete="off"
            maxLength={2000}
            error={errorAt(errors, 'other')}
          />
          <CheckboxField label={t('safetyPlan.include')} checked={draft.print.other} onChange={(x) => setPrint('other', x)} />
        </fieldset>

        <ErrorMessage>{submit.formError}</ErrorMessage>
        {latest ? (
          <div role="alert" className="message message-info">
            <p>{t('safetyPlan.conflict')}</p>
            <div className="actions">
              <button type="button" onClick={() => void save(latest.version)}>
                {t('safetyPlan.conflictKeepMine')}
              </button>
              <button
                type="button"
                onClick={() => {
                  setDraft(latest.plan);
                  setBaseVersion(latest.version);
                  setLatest(null);
                }}
              >
                {t('safetyPlan.conflictUseTheirs')}
              </button>
            </div>
          </div>
        ) : null}
        <StatusMessage tone={message === 'saved' ? 'success' : 'info'}>
          {submit.busy
            ? t('common.working')
            : message === 'saved'
              ? t('safetyPlan.saved', { version: baseVersion })
              : message === 'nothingToPrint'
                ? t('safetyPlan.nothingToPrint')
                : null}
        </StatusMessage>
        <p className="hint">
          {included.length > 0
            ? t('safetyPlan.willPrint', { parts: included.map((p) => partTitle(t, p)).join(', ') })
            : t('safetyPlan.printsNothing')}
        </p>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('safetyPlan.save')}
          </button>
          <button type="button" onClick={print}>
            {t('safetyPlan.print')}
          </button>
        </div>
      </form>

      <h3 id={historyId}>{t('safetyPlan.versions')}</h3>
      {versions.length === 0 ? (
        <p>{t('safetyPlan.noVersions')}</p>
      ) : (
        <DataTable
          labelledBy={historyId}
          rows={versions}
          rowKey={(v) => v.version}
          columns={[
            { header: t('safetyPlan.version'), cell: (v) => v.version },
            { header: t('safetyPlan.savedAt'), cell: (v) => formatTimestamp(v.savedAt, true) },
            { header: t('safetyPlan.savedBy'), cell: (v) => v.savedBy ?? t('history.someone') },
          ]}
        />
      )}

      {/* Only on paper. Holds nothing but the parts they chose: no name, case number or agency. */}
      <div ref={printArea} className="print-area print-only safety-print">
        <p className="print-title">{t('safetyPlan.printTitle')}</p>
        {included.map((part) => (
          <section key={part}>
            <h2>{partTitle(t, part)}</h2>
            {part === 'other' ? (
              <p>{printed.other}</p>
            ) : part === 'safeContacts' ? (
              <ul>
                {printed.safeContacts.map((c, i) => (
                  <li key={i}>{c.phone ? `${c.name}: ${c.phone}` : c.name}</li>
                ))}
              </ul>
            ) : (
              <ul>
                {printed[part].map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
