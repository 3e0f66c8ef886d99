// renderer/: the outcome assessment instruments: each with its domains and their five anchored
// levels, in English and Spanish. An administrator adds an instrument, or a domain to one, without
// code; nothing is ever removed, so past assessments keep their meaning.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { RpcError } from '../../../../shared/errors';
import { call } from '../../api/client';
import { errorAt, type PathErrors } from '../../components/forms';
import { FormPanel } from '../../components/FormPanel';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
import { useT, type Translate } from '../../i18n/i18n';
import type { InstrumentEntry } from '../outcomes/scores';

interface DraftLabel {
  en: string;
  es: string;
}
interface DraftDomain {
  label: DraftLabel;
  levels: DraftLabel[];
}

const emptyDomain = (): DraftDomain => ({ label: { en: '', es: '' }, levels: Array.from({ length: 5 }, () => ({ en: '', es: '' })) });
const LABEL_MAX = 200;
const DOMAINS_MAX = 30;

function trimmed(d: DraftDomain): DraftDomain {
  return { label: { en: d.label.en.trim(), es: d.label.es.trim() }, levels: d.levels.map((l) => ({ en: l.en.trim(), es: l.es.trim() })) };
}

/** Courtesy checks: every label and level in both languages. Paths match the server's. */
function domainProblems(t: Translate, d: DraftDomain, prefix: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const lang of ['en', 'es'] as const) {
    if (!d.label[lang].trim()) out[`${prefix}label.${lang}`] = t('field.required');
    d.levels.forEach((l, i) => {
      if (!l[lang].trim()) out[`${prefix}levels.${i}.${lang}`] = t('field.required');
    });
  }
  return out;
}

/** Focus goes back to the button that opened a form, once the form has closed and the button is back. */
function useFocusWhenClosed(button: RefObject<HTMLButtonElement | null>): () => void {
  const [closings, setClosings] = useState(0);
  useEffect(() => {
    if (closings > 0) button.current?.focus();
  }, [closings, button]);
  return () => setClosings((n) => n + 1);
}

export function InstrumentsSection() {
  const { t, language, errorMessage } = useT();
  const headingId = useId();
  const [instruments, setInstruments] = useState<InstrumentEntry[] | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);
  const closed = useFocusWhenClosed(addButton);

  const reload = useCallback(async () => {
    const result = await call('outcomes.instruments', {});
    if (result.ok) setInstruments(result.value.instruments);
    else setError(result.error);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section aria-labelledby={headingId} className="panel instruments">
      <h3 id={headingId}>{t('instruments.title')}</h3>
      <p>{t('instruments.intro')}</p>
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      {instruments === null && !error ? <p role="status">{t('common.working')}</p> : null}
      <StatusMessage tone="success">{saved || null}</StatusMessage>
      {instruments?.map((instrument) => (
        <InstrumentItem
          key={instrument.id}
          instrument={instrument}
          onAdded={async (label) => {
            await reload();
            setSaved(t('instruments.domainSaved', { domain: label, instrument: instrument.name[language] }));
          }}
        />
      ))}
      {adding ? (
        <AddInstrumentForm
          onDone={async (name) => {
            if (name) {
              await reload();
              setSaved(t('instruments.saved', { name }));
            }
            setAdding(false);
            closed();
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" ref={addButton} onClick={() => {
              setSaved('');
              setAdding(true);
            }}>
            {t('instruments.add')}
          </button>
        </div>
      )}
    </section>
  );
}

function InstrumentItem(props: { instrument: InstrumentEntry; onAdded: (label: string) => Promise<void> }) {
  const { t, language } = useT();
  const titleId = useId();
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const closed = useFocusWhenClosed(addButton);
  const name = props.instrument.name[language];
  return (
    <section aria-labelledby={titleId} className="instrument">
      <h4 id={titleId}>{name}</h4>
      <ol className="domain-list" aria-label={t('instruments.domainsOf', { name })}>
        {props.instrument.domains.map((d) => (
          <li key={d.id}>
            <details>
              <summary>{d.label[language]}</summary>
              <ol className="level-descriptions" aria-label={t('instruments.levelsOf', { domain: d.label[language] })}>
                {d.levels.map((l, i) => (
                  <li key={i}>{l[language]}</li>
                ))}
              </ol>
            </details>
          </li>
        ))}
      </ol>
      {adding ? (
        <AddDomainForm
          instrument={props.instrument}
          onDone={async (label) => {
            if (label) await props.onAdded(label);
            setAdding(false);
            closed();
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" ref={addButton} onClick={() => setAdding(true)}>
            {t('instruments.addDomainTo', { name })}
          </button>
        </div>
      )}
    </section>
  );
}

/** The fields of one domain: its name and its five levels, each in English and Spanish. */
function DomainFields(props: { legend: string; value: DraftDomain; onChange: (d: DraftDomain) => void; errors: PathErrors; prefix: string }) {
  const { t } = useT();
  const { value, prefix } = props;
  const setLevel = (i: number, patch: Partial<DraftLabel>) =>
    props.onChange({ ...value, levels: value.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  return (
    <fieldset className="group domain-fields">
      <legend>{props.legend}</legend>
      <div className="form-row">
        <TextField
          label={t('instruments.domainEn')}
          value={value.label.en}
          onChange={(en) => props.onChange({ ...value, label: { ...value.label, en } })}
          autoComplete="off"
          maxLength={LABEL_MAX}
          error={errorAt(props.errors, `${prefix}label.en`)}
          required
        />
        <TextField
          label={t('instruments.domainEs')}
          value={value.label.es}
          onChange={(es) => props.onChange({ ...value, label: { ...value.label, es } })}
          autoComplete="off"
          maxLength={LABEL_MAX}
          error={errorAt(props.errors, `${prefix}label.es`)}
          required
        />
      </div>
      <p className="hint">{t('instruments.levelsHint')}</p>
      {value.levels.map((l, i) => (
        <fieldset className="group level-fields" key={i}>
          <legend>{t('instruments.levelN', { n: i + 1 })}</legend>
          <div className="form-row">
            <TextField
              label={t('instruments.levelEn', { n: i + 1 })}
              value={l.en}
              onChange={(en) => setLevel(i, { en })}
              autoComplete="off"
              maxLength={LABEL_MAX}
              error={errorAt(props.errors, `${prefix}levels.${i}.en`)}
              required
            />
            <TextField
              label={t('instruments.levelEs', { n: i + 1 })}
              value={l.es}
              onChange={(es) => setLevel(i, { es })}
              autoComplete="off"
              maxLength={LABEL_MAX}
              error={errorAt(props.errors, `${prefix}levels.${i}.es`)}
              required
            />
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}

function AddInstrumentForm(props: { onDone: (name: string | null) => Promise<void> }) {
  const { t, language } = useT();
  const [name, setName] = useState<DraftLabel>({ en: '', es: '' });
  const [domains, setDomains] = useState<DraftDomain[]>([emptyDomain()]);
  const submit = useSubmit();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string | undefined> = {
      'name.en': name.en.trim() ? undefined : t('field.required'),
      'name.es': name.es.trim() ? undefined : t('field.required'),
    };
    domains.forEach((d, i) => Object.assign(found, domainProblems(t, d, `domains.${i}.`)));
    const saved = await submit.run(found, () => call('outcomes.addInstrument', { name: { en: name.en.trim(), es: name.es.trim() }, domains: domains.map(trimmed) }));
    if (saved) await props.onDone(name[language].trim());
  }

  return (
    <FormPanel title={t('instruments.addTitle')} level={4}>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <div className="form-row">
          <TextField
            label={t('instruments.nameEn')}
            value={name.en}
            onChange={(en) => setName({ ...name, en })}
            autoComplete="off"
            maxLength={LABEL_MAX}
            error={errorAt(submit.errors, 'name.en')}
            required
          />
          <TextField
            label={t('instruments.nameEs')}
            value={name.es}
            onChange={(es) => setName({ ...name, es })}
            autoComplete="off"
            maxLength={LABEL_MAX}
            error={errorAt(submit.errors, 'name.es')}
            required
          />
        </div>
        {domains.map((d, i) => (
          <div key={i} className="list-item domain-item">
            <DomainFields
              legend={t('instruments.domainN', { n: i + 1 })}
              value={d}
              onChange={(next) => setDomains(domains.map((x, j) => (j === i ? next : x)))}
              errors={submit.errors}
              prefix={`domains.${i}.`}
            />
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
        <StatusMessage>{submit.busy ? t('common.working') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('instruments.save')}
          </button>
          <button type="button" onClick={() => void props.onDone(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </FormPanel>
  );
}

function AddDomainForm(props: { instrument: InstrumentEntry; onDone: (label: string | null) => Promise<void> }) {
  const { t, language } = useT();
  const [domain, setDomain] = useState<DraftDomain>(emptyDomain());
  const submit = useSubmit();
  const name = props.instrument.name[language];

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const saved = await submit.run(domainProblems(t, domain, 'domain.'), () =>
      call('outcomes.addDomain', { instrumentId: props.instrument.id, domain: trimmed(domain) }),
    );
    if (saved) await props.onDone(domain.label[language].trim());
  }

  return (
    <FormPanel title={t('instruments.addDomainTitle', { name })} level={4}>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <DomainFields legend={t('instruments.newDomain')} value={domain} onChange={setDomain} errors={submit.errors} prefix="domain." />
        <StatusMessage>{submit.busy ? t('common.working') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('instruments.saveDomain')}
          </button>
          <button type="button" onClick={() => void props.onDone(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </FormPanel>
  );
}
