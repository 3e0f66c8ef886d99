// renderer/: the safety plan's parts and their rules: the lists, in the order they appear on screen
// and on paper, tidying before a save, and the fieldsets for a list of lines and for safe contacts.
import type { Ref } from 'react';
import { SafetyPlanData } from '../../../../shared/schemas/planning';
import { CheckboxField } from '../../components/fields';
import { TextField } from '../../components/TextField';
import { useT, type Translate } from '../../i18n/i18n';

export type Plan = SafetyPlanData;
export type Part = keyof Plan['print'];
export type TextListKey = 'warningSigns' | 'safePlaces' | 'codeWords' | 'documentsAndPhones';
export type Versions = { version: number; savedAt: string; savedBy: string | null }[];

export const emptyPlan = (): Plan => SafetyPlanData.parse({});

/** The order the parts appear in, on screen and on paper. */
export const parts: readonly Part[] = ['warningSigns', 'safeContacts', 'safePlaces', 'codeWords', 'documentsAndPhones', 'other'];

const listLimits: Record<TextListKey, number> = { warningSigns: 20, safePlaces: 20, codeWords: 10, documentsAndPhones: 20 };

/** Empty rows are dropped before saving or printing, so a half-added line never fails the save. */
export function tidy(plan: Plan): Plan {
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

export function hasContent(plan: Plan, part: Part): boolean {
  if (part === 'other') return Boolean(plan.other);
  return plan[part].length > 0;
}

export function partTitle(t: Translate, part: Part): string {
  return t(`safetyPlan.${part}`);
}

interface PartProps {
  plan: Plan;
  set: <K extends keyof Plan>(key: K, value: Plan[K]) => void;
  setPrint: (part: Part, include: boolean) => void;
  /** The problem shown at a path of the plan (e.g. "safeContacts.0.name"). */
  errorAt: (path: string) => string | undefined;
}

export function TextListPart({ part, plan, set, setPrint, errorAt }: PartProps & { part: TextListKey }) {
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
            error={errorAt(`${part}.${i}`)}
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

export function ContactsPart({ plan, set, setPrint, errorAt }: PartProps) {
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
            error={errorAt(`safeContacts.${i}.name`)}
          />
          <TextField
            label={t('safetyPlan.contactPhone', { n: i + 1 })}
            value={c.phone ?? ''}
            onChange={(x) => update(i, { phone: x === '' ? null : x })}
            autoComplete="off"
            maxLength={60}
            error={errorAt(`safeContacts.${i}.phone`)}
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

/** Only on paper. Holds nothing but the parts they chose: no name, case number or agency. */
export function PrintedPlan({ plan, included, printRef }: { plan: Plan; included: readonly Part[]; printRef: Ref<HTMLDivElement> }) {
  const { t } = useT();
  return (
    <div ref={printRef} className="print-area print-only safety-print">
      <p className="print-title">{t('safetyPlan.printTitle')}</p>
      {included.map((part) => (
        <section key={part}>
          <h2>{partTitle(t, part)}</h2>
          {part === 'other' ? (
            <p>{plan.other}</p>
          ) : part === 'safeContacts' ? (
            <ul>
              {plan.safeContacts.map((c, i) => (
                <li key={i}>{c.phone ? `${c.name}: ${c.phone}` : c.name}</li>
              ))}
            </ul>
          ) : (
            <ul>
              {plan[part].map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
