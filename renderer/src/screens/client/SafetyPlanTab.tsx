// renderer/: the safety plan, made with the survivor: warning signs, safe contacts, safe places,
// code words, documents and phones. Every save is a new version. The printed copy shows only the
// lists they chose to include: no name, no case number, nothing else from the case.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { RpcError } from '../../../../shared/errors';
import { SafetyPlanData } from '../../../../shared/schemas/planning';
import { call } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { CheckboxField } from '../../components/fields';
import { errorAt, type PathErrors } from '../../components/forms';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { printOnly } from '../../components/print';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
import { useT, type Translate } from '../../i18n/i18n';

type Plan = SafetyPlanData;
type Part = keyof Plan['print'];
type TextListKey = 'warningSigns' | 'safePlaces' | 'codeWords' | 'documentsAndPhones';
type Versions = { version: number; savedAt: string; savedBy: string | null }[];

const emptyPlan = (): Plan => SafetyPlanData.parse({});

/** The order the parts appear in, on screen and on paper. */
const parts: readonly Part[] = ['warningSigns', 'safeContacts', 'safePlaces', 'codeWords', 'documentsAndPhones', 'other'];

const listLimits: Record<TextListKey, number> = { warningSigns: 20, safePlaces: 20, codeWords: 10, documentsAndPhones: 20 };

/** Empty rows are dropped before saving or printing, so a half-added line never fails the save. */
function tidy(plan: Plan): Plan {
  const clean = (values: string[]) => values.map((v) => v.trim()).filter(Boolean);
  return {
    ...plan,
    warningSigns: clean(plan.warningSigns),
    safePlaces: clean(plan.safePlaces),
    codeWords: clean(plan.codeWords),
    documentsAndPhones: clean(plan.documentsAndPhones),
    safeContacts: plan.safeContacts
      .map((c) => ({ name: c.name.trim(), phone: c.phone?.trim() || null }))
      .filter((c) => c.name || c.phone),
    other: plan.other?.trim() || null,
  };
}

function hasContent(plan: Plan, part: Part): boolean {
  if (part === 'other') return Boolean(plan.other);
  return plan[part].length > 0;
}

function partTitle(t: Translate, part: Part): string {
  return t(`safetyPlan.${part}`);
}

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

interface PartProps {
  plan: Plan;
  set: <K extends keyof Plan>(key: K, value: Plan[K]) => void;
  setPrint: (part: Part, include: boolean) => void;
  errors: PathErrors;
}

function TextListPart({ part, plan, set, setPrint, errors }: PartProps & { part: TextListKey }) {
  const { t } = useT();
  const values = plan[part];
  return (
    <fieldset className="group safety-part">
      <legend>{partTitle(t, part)}</legend>
      <p className="hint">{t(`safetyPlan.${part}Hint`)}</p>
      {values.map((value, i) => (
        <div className="list-item" key={i}>
          <TextField
            label={t(`safetyPlan.${part}Item`, { n: i + 1 })}
            value={value}
            onChange={(x) => set(part, values.map((old, j) => (j === i ? x : old)))}
            autoComplete="off"
            maxLength={300}
            error={errorAt(errors, `${part}.${i}`)}
          />
          <button type="button" className="remove-button" onClick={() => set(part, values.filter((_, j) => j !== i))}>
            {t('safetyPlan.remove', { item: t(`safetyPlan.${part}Item`, { n: i + 1 }) })}
          </button>
        </div>
      ))}
      {values.length < listLimits[part] ? (
        <div className="actions">
          <button type="button" onClick={() => set(part, [...values, ''])}>
            {t(`safetyPlan.${part}Add`)}
          </button>
        </div>
      ) : null}
      <CheckboxField label={t('safetyPlan.include')} checked={plan.print[part]} onChange={(x) => setPrint(part, x)} />
    </fieldset>
  );
}

function ContactsPart({ plan, set, setPrint, errors }: PartProps) {
  const { t } = useT();
  const contacts = plan.safeContacts;
  const update = (i: number, patch: Partial<Plan['safeContacts'][number]>) =>
    set(
      'safeContacts',
      contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    );
  return (
    <fieldset className="group safety-part">
      <legend>{partTitle(t, 'safeContacts')}</legend>
      <p className="hint">{t('safetyPlan.safeContactsHint')}</p>
      {contacts.map((c, i) => (
        <div className="list-item" key={i}>
          <TextField
            label={t('safetyPlan.contactName', { n: i + 1 })}
            value={c.name}
            onChange={(x) => update(i, { name: x })}
            autoComplete="off"
            maxLength={120}
            error={errorAt(errors, `safeContacts.${i}.name`)}
          />
          <TextField
            label={t('safetyPlan.contactPhone', { n: i + 1 })}
            value={c.phone ?? ''}
            onChange={(x) => update(i, { phone: x === '' ? null : x })}
            autoComplete="off"
            maxLength={60}
            error={errorAt(errors, `safeContacts.${i}.phone`)}
          />
          <button type="button" className="remove-button" onClick={() => set('safeContacts', contacts.filter((_, j) => j !== i))}>
            {t('safetyPlan.removeContact', { n: i + 1 })}
          </button>
        </div>
      ))}
      {contacts.length < 20 ? (
        <div className="actions">
          <button type="button" onClick={() => set('safeContacts', [...contacts, { name: '', phone: null }])}>
            {t('safetyPlan.safeContactsAdd')}
          </button>
        </div>
      ) : null}
      <CheckboxField label={t('safetyPlan.include')} checked={plan.print.safeContacts} onChange={(x) => setPrint('safeContacts', x)} />
    </fieldset>
  );
}
