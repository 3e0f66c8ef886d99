// renderer/: the forms that add an assessment instrument, or a domain to one: every name and level
// in English and Spanish. Each is the shared/ schema main checks, its fields and one call.
import type { ReactNode } from 'react';
import { AddDomainInput, AddInstrumentInput } from '../../../../shared/schemas/outcomes';
import { call } from '../../api/client';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import type { FieldState } from '../../components/SignInFields';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT, type Translate } from '../../i18n/i18n';
import type { InstrumentEntry } from '../outcomes/scores';

interface Label {
  en: string;
  es: string;
}
interface Domain {
  label: Label;
  levels: Label[];
}
type Field = (path: string) => FieldState;

const LABEL_MAX = 200;
const DOMAINS_MAX = 30;
const emptyDomain = (): Domain => ({ label: { en: '', es: '' }, levels: Array.from({ length: 5 }, () => ({ en: '', es: '' })) });
const trim = (l: Label): Label => ({ en: l.en.trim(), es: l.es.trim() });
const trimmed = (d: Domain): Domain => ({ label: trim(d.label), levels: d.levels.map(trim) });

/** Courtesy checks in the form's words: every label and level in both languages. Paths match the server's. */
function missing(t: Translate, labels: Record<string, Label>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [path, l] of Object.entries(labels)) for (const lang of ['en', 'es'] as const) if (!l[lang].trim()) out[`${path}.${lang}`] = t('field.required');
  return out;
}
const domainLabels = (d: Domain, prefix: string): Record<string, Label> => Object.fromEntries([[`${prefix}label`, d.label], ...d.levels.map((l, i) => [`${prefix}levels.${i}`, l] as const)]);

/** One text in English and in Spanish, side by side. */
function Bilingual(props: { field: Field; path: string; en: string; es: string }) {
  return (
    <div className="form-row">
      <TextField label={props.en} {...props.field(`${props.path}.en`)} autoComplete="off" maxLength={LABEL_MAX} required />
      <TextField label={props.es} {...props.field(`${props.path}.es`)} autoComplete="off" maxLength={LABEL_MAX} required />
    </div>
  );
}

/** The fields of one domain: its name and its five levels, each in English and Spanish. */
function DomainFields(props: { legend: string; field: Field; prefix: string; levels: number; children?: ReactNode }) {
  const { t } = useT();
  return (
    <fieldset className="group domain-fields">
      <legend>{props.legend}</legend>
      <Bilingual field={props.field} path={`${props.prefix}label`} en={t('instruments.domainEn')} es={t('instruments.domainEs')} />
      <p className="hint">{t('instruments.levelsHint')}</p>
      {Array.from({ length: props.levels }, (_, i) => (
        <fieldset className="group level-fields" key={i}>
          <legend>{t('instruments.levelN', { n: i + 1 })}</legend>
          <Bilingual field={props.field} path={`${props.prefix}levels.${i}`} en={t('instruments.levelEn', { n: i + 1 })} es={t('instruments.levelEs', { n: i + 1 })} />
        </fieldset>
      ))}
    </fieldset>
  );
}

export function AddInstrumentForm(props: { onDone: (name: string | null) => Promise<void> }) {
  const { t, language } = useT();
  const sf = useSchemaForm({
    schema: AddInstrumentInput,
    defaults: { name: { en: '', es: '' }, domains: [emptyDomain()] },
    toInput: (v) => ({ name: trim(v.name), domains: v.domains.map(trimmed) }),
    extraChecks: (v) => missing(t, Object.fromEntries([['name', v.name], ...v.domains.flatMap((d, i) => Object.entries(domainLabels(d, `domains.${i}.`)))])),
    send: (input) => call('outcomes.addInstrument', input),
    onSaved: (): Promise<void> => props.onDone(sf.form.getValues().name[language].trim()),
  });
  const field: Field = (path) => sf.field(path as never) as unknown as FieldState;
  const domains = sf.form.watch('domains');
  const setDomains = (next: Domain[]) => sf.form.setValue('domains', next);

  return (
    <FormPanel title={t('instruments.addTitle')} level={4}>
      <FormFrame form={sf} submitLabel={t('instruments.save')} onCancel={() => void props.onDone(null)}>
        <Bilingual field={field} path="name" en={t('instruments.nameEn')} es={t('instruments.nameEs')} />
        {domains.map((d, i) => (
          <div key={i} className="list-item domain-item">
            <DomainFields legend={t('instruments.domainN', { n: i + 1 })} field={field} prefix={`domains.${i}.`} levels={d.levels.length} />
            {domains.length > 1 ? (
              <button type="button" className="remove-button" onClick={() => setDomains(domains.filter((_, j) => j !== i))}>
                {t('instruments.removeDomainN', { n: i + 1 })}
              </button>
            ) : null}
          </div>
        ))}
        {domains.length < DOMAINS_MAX ? (
          <div className="actions">
            <button type="button" onClick={() => setDomains([...domains, emptyDomain()])}>
              {t('instruments.anotherDomain')}
            </button>
          </div>
        ) : null}
      </FormFrame>
    </FormPanel>
  );
}

export function AddDomainForm(props: { instrument: InstrumentEntry; onDone: (label: string | null) => Promise<void> }) {
  const { t, language } = useT();
  const sf = useSchemaForm({
    schema: AddDomainInput,
    defaults: { domain: emptyDomain() },
    toInput: (v) => ({ instrumentId: props.instrument.id, domain: trimmed(v.domain) }),
    extraChecks: (v) => missing(t, domainLabels(v.domain, 'domain.')),
    send: (input) => call('outcomes.addDomain', input),
    onSaved: (): Promise<void> => props.onDone(sf.form.getValues().domain.label[language].trim()),
  });
  const field: Field = (path) => sf.field(path as never) as unknown as FieldState;
  return (
    <FormPanel title={t('instruments.addDomainTitle', { name: props.instrument.name[language] })} level={4}>
      <FormFrame form={sf} submitLabel={t('instruments.saveDomain')} onCancel={() => void props.onDone(null)}>
        <DomainFields legend={t('instruments.newDomain')} field={field} prefix="domain." levels={5} />
      </FormFrame>
    </FormPanel>
  );
}
