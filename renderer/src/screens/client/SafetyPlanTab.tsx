// renderer/: the safety plan, made with the survivor: warning signs, safe contacts, safe places,
// code words, documents and phones. Every save is a new version. The printed copy shows only the
// lists they chose to include: no name, no case number, nothing else from the case.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { RpcError } from '../../../../shared/errors';
import { SaveSafetyPlanInput } from '../../../../shared/schemas/planning';
import { call } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { CheckboxField } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { ErrorMessage } from '../../components/Messages';
import { printOnly } from '../../components/print';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import { ContactsPart, PrintedPlan, TextListPart, emptyPlan, hasContent, partTitle, parts, tidy, type Part, type Plan, type Versions } from './SafetyPlanParts';

export function SafetyPlanTab({ clientId, visible }: { clientId: string; visible: boolean }) {
  const { t, errorMessage, formatTimestamp } = useT();
  const historyId = useId();
  const [ready, setReady] = useState(false);
  const [baseVersion, setBaseVersion] = useState(0);
  const [versions, setVersions] = useState<Versions>([]);
  const [loadError, setLoadError] = useState<RpcError | null>(null);
  // After a conflict: the newest saved version, kept apart so the typing here is not lost.
  const [latest, setLatest] = useState<{ version: number; plan: Plan } | null>(null);
  const [nothingToPrint, setNothingToPrint] = useState(false);
  // "Keep mine" after a conflict saves over the newest version instead of the one this draft began from.
  const saveOver = useRef<number | null>(null);
  const printArea = useRef<HTMLDivElement>(null);
  const loaded = useRef(false);

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

  // The values are the plan itself, so main's field problems ("plan.safeContacts.0.name") land on its fields.
  const sf = useSchemaForm({
    schema: SaveSafetyPlanInput,
    defaults: { plan: emptyPlan() },
    toInput: (v) => ({ clientId, baseVersion: saveOver.current ?? baseVersion, plan: tidy(v.plan) }),
    extraChecks: (v) =>
      Object.fromEntries(tidy(v.plan).safeContacts.map((c, i) => [`plan.safeContacts.${i}.name`, c.name ? undefined : t('safetyPlan.contactNameRequired')])),
    onSubmitStart: () => setNothingToPrint(false),
    send: (input) => call('safetyPlan.save', input),
    special: (error) => {
      if (error.code !== 'CONFLICT') return false;
      void read().then((current) => setLatest(current ? { version: current.version, plan: current.plan } : { version: 0, plan: emptyPlan() }));
      return true;
    },
    onSaved: async (saved) => {
      setLatest(null);
      sf.form.reset({ plan: tidy(sf.form.getValues('plan')) });
      setBaseVersion(saved.version);
      await read();
    },
  });
  const { reset } = sf.form;

  useEffect(() => {
    if (!visible || loaded.current) return;
    loaded.current = true;
    void read().then((current) => {
      if (current) reset({ plan: current.plan });
      setBaseVersion(current?.version ?? 0);
      setReady(true);
    });
  }, [visible, read, reset]);

  if (!ready) {
    return (
      <div className="safety-plan">
        <ErrorMessage>{loadError ? errorMessage(loadError) : null}</ErrorMessage>
        {loadError ? null : <p role="status">{t('common.working')}</p>}
      </div>
    );
  }

  const draft = sf.field('plan').value;
  const set = <K extends keyof Plan>(key: K, value: Plan[K]) => {
    sf.field('plan').onChange({ ...draft, [key]: value });
    setNothingToPrint(false);
  };
  const setPrint = (part: Part, include: boolean) => set('print', { ...draft.print, [part]: include });
  const errorAt = (path: string) => sf.errorAt(`plan.${path}`);
  const part = { plan: draft, set, setPrint, errorAt };

  const printed = tidy(draft);
  const included = parts.filter((p) => printed.print[p] && hasContent(printed, p));
  function print() {
    if (included.length === 0) setNothingToPrint(true);
    else printOnly(printArea.current, { alone: true });
  }

  return (
    <div className="safety-plan">
      <h2>{t('safetyPlan.title')}</h2>
      <p className="hint">{t('safetyPlan.intro')}</p>
      <FormFrame
        form={sf}
        submitLabel={t('safetyPlan.save')}
        savedText={nothingToPrint ? null : t('safetyPlan.saved', { version: baseVersion })}
        statusText={nothingToPrint ? t('safetyPlan.nothingToPrint') : null}
        beforeActions={
          <>
            {latest ? (
              <div role="alert" className="message message-info">
                <p>{t('safetyPlan.conflict')}</p>
                <div className="actions">
                  <button
                    type="button"
                    onClick={() => {
                      saveOver.current = latest.version;
                      void sf.onSubmit().finally(() => (saveOver.current = null));
                    }}
                  >
                    {t('safetyPlan.conflictKeepMine')}
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      reset({ plan: latest.plan });
                      setBaseVersion(latest.version);
                      setLatest(null);
                    }}
                  >
                    {t('safetyPlan.conflictUseTheirs')}
                  </button>
                </div>
              </div>
            ) : null}
            <p className="hint">
              {included.length > 0 ? t('safetyPlan.willPrint', { parts: included.map((p) => partTitle(t, p)).join(', ') }) : t('safetyPlan.printsNothing')}
            </p>
          </>
        }
        extraActions={
          <button type="button" onClick={print}>
            {t('safetyPlan.print')}
          </button>
        }
      >
        <TextListPart part="warningSigns" {...part} />
        <ContactsPart {...part} />
        <TextListPart part="safePlaces" {...part} />
        <TextListPart part="codeWords" {...part} />
        <TextListPart part="documentsAndPhones" {...part} />
        <fieldset className="group safety-part">
          <legend>{partTitle(t, 'other')}</legend>
          <TextField
            label={t('safetyPlan.otherText')}
            value={draft.other ?? ''}
            onChange={(x) => set('other', x === '' ? null : x)}
            autoComplete="off"
            maxLength={2000}
            error={errorAt('other')}
          />
          <CheckboxField label={t('safetyPlan.include')} checked={draft.print.other} onChange={(x) => setPrint('other', x)} />
        </fieldset>
      </FormFrame>

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
      <PrintedPlan plan={printed} included={included} printRef={printArea} />
    </div>
  );
}
