// renderer/: the outcome assessment instruments: each with its domains and their five anchored
// levels, in English and Spanish. An administrator adds an instrument, or a domain to one, without
// code; nothing is ever removed, so past assessments keep their meaning.
import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { RpcError } from '../../../../shared/errors';
import { call } from '../../api/client';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';
import type { InstrumentEntry } from '../outcomes/scores';
import { AddDomainForm, AddInstrumentForm } from './InstrumentForms';

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
