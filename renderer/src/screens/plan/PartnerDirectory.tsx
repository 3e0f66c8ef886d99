// renderer/: the partner directory: the organizations the agency refers people to, and the services
// each offers. Supervisors and administrators add partners; caseworkers suggest them, and a
// supervisor or administrator approves the suggestion (see PartnerSuggestions).
import { useId, useRef, useState } from 'react';
import type { z } from 'zod';
import { AddPartnerInput } from '../../../../shared/schemas/planning';
import { serviceCategories } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { CheckboxGroup, useVocab } from '../../components/fields';
import { focusSoon } from '../../components/focusSoon';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import type { PartnerEntry } from './PlanTab';

type Category = z.input<typeof AddPartnerInput>['services'][number];
/** 'add' puts a partner in the directory (supervisors, administrators); 'suggest' asks them to. */
export type PartnerFormMode = 'add' | 'suggest';

const words = {
  add: { open: 'partner.add', title: 'partner.addTitle', save: 'partner.save', done: 'partner.added' },
  suggest: { open: 'partner.suggest', title: 'partner.suggestTitle', save: 'partner.suggestSave', done: 'partner.suggested' },
} as const;

export function PartnerDirectory(props: { partners: PartnerEntry[]; onChanged: () => Promise<void>; mode?: PartnerFormMode; level?: 2 | 3 }) {
  const { t } = useT();
  const label = useVocab();
  const headingId = useId();
  const mode = props.mode ?? 'add';
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const Heading = props.level === 2 ? 'h2' : 'h3';
  return (
    <section className="partner-directory" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('partner.title')}</Heading>
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
      <StatusMessage tone="success">{added ? t(words[mode].done) : null}</StatusMessage>
      {adding ? (
        <PartnerForm
          mode={mode}
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
            {t(words[mode].open)}
          </button>
        </div>
      )}
    </section>
  );
}

function PartnerForm(props: { mode: PartnerFormMode; onDone: (saved: boolean) => Promise<void> }) {
  const { t } = useT();
  const sf = useSchemaForm({
    schema: AddPartnerInput,
    defaults: { name: '', services: [] as Category[], contact: '' },
    toInput: (v) => ({ name: v.name.trim(), services: v.services, contact: v.contact.trim() || null }),
    extraChecks: (v) => ({
      name: v.name.trim() ? undefined : t('field.required'),
      services: v.services.length === 0 ? t('partner.servicesRequired') : undefined,
    }),
    send: (input) => call(props.mode === 'add' ? 'partners.add' : 'partners.suggest', input),
    onSaved: () => props.onDone(true),
  });
  return (
    <FormPanel title={t(words[props.mode].title)} level={4}>
      <FormFrame form={sf} submitLabel={t(words[props.mode].save)} onCancel={() => void props.onDone(false)}>
        <TextField label={t('partner.name')} {...sf.field('name')} autoComplete="off" maxLength={200} required />
        <CheckboxGroup legend={t('partner.services')} list={serviceCategories} {...sf.field('services')} />
        <TextField label={t('partner.contact')} {...sf.field('contact')} autoComplete="off" maxLength={300} />
      </FormFrame>
    </FormPanel>
  );
}
