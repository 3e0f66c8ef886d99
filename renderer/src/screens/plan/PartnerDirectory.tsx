// renderer/: the partner directory, kept by supervisors and administrators: the organizations the
// agency refers people to, and the services each offers.
import { focusSoon } from '../../components/focusSoon';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { AddPartnerInput } from '../../../../shared/schemas/planning';
import { serviceCategories } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { CheckboxGroup, useVocab } from '../../components/fields';
import { errorAt } from '../../components/forms';
import { FormPanel } from '../../components/FormPanel';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';
import type { PartnerEntry } from './PlanTab';

type Category = z.input<typeof AddPartnerInput>['services'][number];

export function PartnerDirectory(props: { partners: PartnerEntry[]; onChanged: () => Promise<void> }) {
  const { t } = useT();
  const label = useVocab();
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <section className="partner-directory" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('partner.title')}</h3>
      <p className="hint">{t('partner.intro')}</p>
      {props.partners.length === 0 ? <p>{t('partner.empty')}</p> : null}
      <ul className="partner-list" aria-labelledby={headingId}>
        {props.partners.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>
            {p.active ? null : <> <span className="badge">{t('partner.inactive')}</span></>}
            <span className="partner-services">{p.services.map((s) => label(serviceCategories, s)).join(', ')}</span>
            {p.contact ? <span className="partner-contact">{p.contact}</span> : null}
          </li>
        ))}
      </ul>
      <StatusMessage tone="success">{added ? t('partner.added') : null}</StatusMessage>
      {adding ? (
        <AddPartnerForm
          onDone={async (saved) => {
            setAdding(false);
            setAdded(saved);
            if (saved) await props.onChanged();
            focusSoon(() => addButton.current);
          }}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            ref={addButton}
            onClick={() => {
              setAdded(false);
              setAdding(true);
            }}
          >
            {t('partner.add')}
          </button>
        </div>
      )}
    </section>
  );
}

function AddPartnerForm(props: { onDone: (saved: boolean) => Promise<void> }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [services, setServices] = useState<Category[]>([]);
  const [contact, setContact] = useState('');
  const submit = useSubmit();
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('field.required');
    if (services.length === 0) found.services = t('partner.servicesRequired');
    const saved = await submit.run(found, () => call('partners.add', { name: name.trim(), services, contact: contact.trim() || null }));
    if (saved) await props.onDone(true);
  }
  return (
    <FormPanel title={t('partner.addTitle')} level={4}>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <TextField label={t('partner.name')} value={name} onChange={setName} autoComplete="off" maxLength={200} error={errorAt(submit.errors, 'name')} required />
        <CheckboxGroup legend={t('partner.services')} list={serviceCategories} value={services} onChange={setServices} error={errorAt(submit.errors, 'services')} />
        <TextField
          label={t('partner.contact')}
          value={contact}
          onChange={setContact}
          autoComplete="off"
          maxLength={300}
          error={errorAt(submit.errors, 'contact')}
        />
        <StatusMessage>{submit.busy ? t('common.working') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('partner.save')}
          </button>
          <button type="button" onClick={() => void props.onDone(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </FormPanel>
  );
}
