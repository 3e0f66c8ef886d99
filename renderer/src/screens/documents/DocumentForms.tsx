// renderer/: the document forms: details after a file is checked (attach), the same details edited
// later, the reason asked before a copy is saved or printed, and the confirmation before removing.
// Each is a shared/ schema, its fields and one call.
import type { z } from 'zod';
import { AttachInput, ExportDocumentInput, UpdateDocumentInput, type DocumentSummary } from '../../../../shared/schemas/documents';
import type { ClientProfile } from '../../../../shared/schemas/clients';
import type { PlanOutput } from '../../../../shared/schemas/planning';
import { custodies, documentTypes } from '../../../../shared/vocab/documents';
import { consentKinds } from '../../../../shared/vocab/lists';
import { milestoneKinds, serviceCategories } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { CheckboxField, DateField, SelectField, TextAreaField, useVocab, VocabSelect } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

type DocType = DocumentSummary['type'];
type Custody = DocumentSummary['custody'];

export interface DetailValues {
  type: DocType;
  title: string;
  documentDate: string;
  expiryDate: string;
  custody: Custody;
  restricted: boolean;
  milestoneId: string;
  consentId: string;
  serviceId: string;
  goalId: string;
}

export interface LinkChoices {
  plan: PlanOutput | null;
  consents: ClientProfile['consents'];
}

const orNull = (text: string) => text || null;

function details(v: DetailValues) {
  return {
    type: v.type,
    title: v.title.trim(),
    documentDate: orNull(v.documentDate),
    expiryDate: orNull(v.expiryDate),
    custody: v.custody,
    milestoneId: orNull(v.milestoneId),
    consentId: orNull(v.consentId),
    serviceId: orNull(v.serviceId),
    goalId: orNull(v.goalId),
  };
}

type Form = ReturnType<typeof useSchemaForm<DetailValues, z.ZodType, unknown>>;

function DetailFields(props: { sf: Pick<Form, 'field'>; links: LinkChoices; withRestricted: boolean }) {
  const { t, formatDay } = useT();
  const label = useVocab();
  const { sf, links } = props;
  const none = { value: '', label: t('documents.linkNone') };
  const restricted = sf.field('restricted');
  return (
    <>
      <VocabSelect label={t('documents.type')} list={documentTypes} {...sf.field('type')} />
      <TextField label={t('documents.title')} {...sf.field('title')} autoComplete="off" maxLength={200} required />
      <DateField label={t('documents.documentDate')} {...sf.field('documentDate')} />
      <DateField label={t('documents.expiryDate')} hint={t('documents.expiryHint')} {...sf.field('expiryDate')} />
      <VocabSelect label={t('documents.custody')} list={custodies} {...sf.field('custody')} />
      <SelectField
        label={t('documents.linkMilestone')}
        {...sf.field('milestoneId')}
        options={[none, ...(links.plan?.milestones ?? []).map((m) => ({ value: m.id, label: label(milestoneKinds, m.kind) }))]}
      />
      <SelectField label={t('documents.linkGoal')} {...sf.field('goalId')} options={[none, ...(links.plan?.goals ?? []).map((g) => ({ value: g.id, label: g.title }))]} />
      <SelectField
        label={t('documents.linkService')}
        {...sf.field('serviceId')}
        options={[none, ...(links.plan?.services ?? []).slice(0, 200).map((s) => ({ value: s.id, label: `${formatDay(s.date, 'medium')}: ${label(serviceCategories, s.category)}` }))]}
      />
      <SelectField
        label={t('documents.linkConsent')}
        {...sf.field('consentId')}
        options={[none, ...links.consents.map((c) => ({ value: c.id, label: c.recipient ? `${label(consentKinds, c.kind)}: ${c.recipient}` : label(consentKinds, c.kind) }))]}
      />
      {props.withRestricted ? (
        <CheckboxField label={t('documents.restricted')} hint={t('documents.restrictedHint')} checked={restricted.value} onChange={restricted.onChange} error={restricted.error} />
      ) : null}
    </>
  );
}

export function AttachForm(props: { clientId: string; uploadId: string; fileName: string; links: LinkChoices; onSaved: () => Promise<void>; onCancel: () => void }) {
  const { t } = useT();
  const base = props.fileName.replace(/\.[a-z]+$/u, '');
  const defaults: DetailValues = { type: 'other', title: base, documentDate: '', expiryDate: '', custody: 'agency', restricted: false, milestoneId: '', consentId: '', serviceId: '', goalId: '' };
  const sf = useSchemaForm({
    schema: AttachInput,
    defaults,
    toInput: (v) => ({ ...details(v), restricted: v.restricted, uploadId: props.uploadId, clientId: props.clientId }),
    send: (input) => call('documents.attach', input),
    onSaved: props.onSaved,
  });
  return (
    <FormFrame form={sf} submitLabel={t('documents.attach')} onCancel={props.onCancel}>
      <DetailFields sf={sf} links={props.links} withRestricted />
    </FormFrame>
  );
}

export function EditForm(props: { document: DocumentSummary; links: LinkChoices; onSaved: () => Promise<void>; onCancel: () => void }) {
  const { t } = useT();
  const d = props.document;
  const defaults: DetailValues = {
    type: d.type,
    title: d.title,
    documentDate: d.documentDate ?? '',
    expiryDate: d.expiryDate ?? '',
    custody: d.custody,
    restricted: d.restricted,
    milestoneId: d.milestoneId ?? '',
    consentId: d.consentId ?? '',
    serviceId: d.serviceId ?? '',
    goalId: d.goalId ?? '',
  };
  const sf = useSchemaForm({
    schema: UpdateDocumentInput,
    defaults,
    toInput: (v) => ({ ...details(v), documentId: d.id }),
    send: (input) => call('documents.update', input),
    onSaved: props.onSaved,
  });
  return (
    <FormFrame form={sf} submitLabel={t('documents.saveDetails')} onCancel={props.onCancel}>
      <DetailFields sf={sf} links={props.links} withRestricted={false} />
    </FormFrame>
  );
}

/** Asks why a copy is needed; the reason and the copy are in the access log before the copy is made. */
export function ExportForm(props: { document: DocumentSummary; purpose: 'save' | 'print'; onAllowed: () => void; onCancel: () => void }) {
  const { t } = useT();
  const sf = useSchemaForm({
    schema: ExportDocumentInput,
    defaults: { reason: '' },
    toInput: (v) => ({ documentId: props.document.id, purpose: props.purpose, reason: v.reason.trim() }),
    send: (input) => call('documents.export', input),
    onSaved: props.onAllowed,
  });
  return (
    <FormFrame form={sf} submitLabel={props.purpose === 'save' ? t('documents.saveCopy') : t('documents.print')} onCancel={props.onCancel}>
      <p>{t('documents.reasonExplain')}</p>
      <TextAreaField label={t('documents.reason')} {...sf.field('reason')} maxLength={500} />
    </FormFrame>
  );
}
