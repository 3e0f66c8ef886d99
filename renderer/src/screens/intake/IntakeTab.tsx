// renderer/: the full intake as nine sections, filled in any order over several meetings. Each
// section opens on its own, saves on its own, and says quietly how much of it is answered.
// If someone else saved the same section first, what was typed here is kept.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Output } from '../../../../shared/contract';
import type { Result } from '../../../../shared/errors';
import type { ClientProfile } from '../../../../shared/schemas/clients';
import { sectionSchemas, type SectionData, type SectionName } from '../../../../shared/schemas/intake';
import { call } from '../../api/client';
import { pathErrorsFrom, useFocusFirstInvalid, type PathErrors } from '../../components/forms';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';
import {
  CitizenshipFields,
  ContactFields,
  FamilyFields,
  IdentityFields,
  LanguageFields,
  NeedsFields,
  ReferralFields,
  ScreeningFields,
  TraffickingFields,
  type FieldsProps,
} from './sectionFields';

type Saved = Result<Output<'intake.saveSection'>>;
type Seed = Pick<ClientProfile, 'chosenName' | 'pronouns'>;

// One typed saver per section: the section name and its data travel together.
const savers: { [S in SectionName]: (clientId: string, data: SectionData<S>, baseVersion: number) => Promise<Saved> } = {
  identity: (clientId, data, baseVersion) => call('intake.saveSection', { clientId, section: 'identity', data, baseVersion }),
  contact: (clientId, data, baseVersion) => call('intake.saveSection', { clientId, section: 'contact', data, baseVersion }),
  language: (clientId, data, baseVersion) => call('intake.saveSection', { clientId, section: 'language', data, baseVersion }),
  citizenship: (clientId, data, baseVersion) => call('intake.saveSection', { clientId, section: 'citizenship', data, baseVersion }),
  trafficking: (clientId, data, baseVersion) => call('intake.saveSection', { clientId, section: 'trafficking', data, baseVersion }),
  needs: (clientId, data, baseVersion) => call('intake.saveSection', { clientId, section: 'needs', data, baseVersion }),
  referral: (clientId, data, baseVersion) => call('intake.saveSection', { clientId, section: 'referral', data, baseVersion }),
  screening: (clientId, data, baseVersion) => call('intake.saveSection', { clientId, section: 'screening', data, baseVersion }),
  family: (clientId, data, baseVersion) => call('intake.saveSection', { clientId, section: 'family', data, baseVersion }),
};

// A section that was never saved starts empty; identity starts with the name they chose.
const empty: { [S in SectionName]: (seed: Seed) => SectionData<S> } = {
  identity: (seed) => sectionSchemas.identity.parse({ preferredName: seed.chosenName, pronouns: seed.pronouns }),
  contact: () => sectionSchemas.contact.parse({}),
  language: () => sectionSchemas.language.parse({}),
  citizenship: () => sectionSchemas.citizenship.parse({}),
  trafficking: () => sectionSchemas.trafficking.parse({}),
  needs: () => sectionSchemas.needs.parse({}),
  referral: () => sectionSchemas.referral.parse({}),
  screening: () => sectionSchemas.screening.parse({}),
  family: () => sectionSchemas.family.parse({}),
};

type Stored<S extends SectionName> = { data: SectionData<S>; version: number; updatedAt: string; updatedBy: string | null } | null;

export function IntakeTab({ profile, onChanged }: { profile: ClientProfile; onChanged: () => Promise<void> }) {
  const { t } = useT();
  const common = { clientId: profile.id, seed: profile, onChanged };
  const s = profile.sections;
  const p = profile.progress;
  return (
    <div className="intake">
      <p className="hint">{t('intake.intro')}</p>
      <SectionPanel {...common} section="identity" stored={s.identity} progress={p.identity} fields={(f) => <IdentityFields {...f} />} />
      <SectionPanel {...common} section="contact" stored={s.contact} progress={p.contact} fields={(f) => <ContactFields {...f} />} />
      <SectionPanel {...common} section="language" stored={s.language} progress={p.language} fields={(f) => <LanguageFields {...f} />} />
      <SectionPanel
        {...common}
        section="citizenship"
        stored={s.citizenship}
        progress={p.citizenship}
        fields={(f) => <CitizenshipFields {...f} />}
      />
      <SectionPanel
        {...common}
        section="trafficking"
        stored={s.trafficking}
        progress={p.trafficking}
        fields={(f) => <TraffickingFields {...f} />}
      />
      <SectionPanel {...common} section="needs" stored={s.needs} progress={p.needs} fields={(f) => <NeedsFields {...f} />} />
      <SectionPanel {...common} section="referral" stored={s.referral} progress={p.referral} fields={(f) => <ReferralFields {...f} />} />
      <SectionPanel {...common} section="screening" stored={s.screening} progress={p.screening} fields={(f) => <ScreeningFields {...f} />} />
      <SectionPanel {...common} section="family" stored={s.family} progress={p.family} fields={(f) => <FamilyFields {...f} />} />
    </div>
  );
}

function SectionPanel<S extends SectionName>(props: {
  clientId: string;
  section: S;
  seed: Seed;
  stored: Stored<S>;
  progress: { answered: number; total: number } | undefined;
  onChanged: () => Promise<void>;
  fields: (props: FieldsProps<S>) => ReactNode;
}) {
  const { t, errorMessage, formatTimestamp } = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  // The draft is taken from the stored section once; later reloads of the profile never overwrite typing.
  const [draft, setDraft] = useState<SectionData<S>>(() => props.stored?.data ?? empty[props.section](props.seed));
  const [baseVersion, setBaseVersion] = useState(props.stored?.version ?? 0);
  const [errors, setErrors] = useState<PathErrors>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'conflict' | 'saved'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useFocusFirstInvalid<HTMLFormElement>();

  const set: FieldsProps<S>['set'] = (key, value) => {
    setDraft((old) => ({ ...old, [key]: value }));
    if (message?.kind === 'saved') setMessage(null);
  };

  async function save(version: number) {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    const result = await savers[props.section](props.clientId, draft, version);
    setBusy(false);
    if (result.ok) {
      setErrors({});
      setBaseVersion(result.value.version);
      setMessage({ kind: 'saved', text: t('intake.saved') });
      await props.onChanged();
      return;
    }
    if (result.error.code === 'CONFLICT') {
      setMessage({ kind: 'conflict', text: t('intake.conflict') });
      await props.onChanged();
      return;
    }
    setErrors(pathErrorsFrom(result.error, 'data.'));
    setMessage({ kind: 'error', text: result.error.code === 'INVALID_INPUT' ? t('common.fixFields') : errorMessage(result.error) });
    form.signal();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(baseVersion);
  }

  const progress = props.progress;
  const stored = props.stored;
  return (
    <section className="intake-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-heading">
        <button type="button" className="disclosure" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
          <span className="disclosure-title">{t(`section.${props.section}`)}</span>
          {progress ? <span className="progress-note">{t('intake.progress', { answered: progress.answered, total: progress.total })}</span> : null}
        </button>
      </h2>
      <div id={`${id}-panel`} className="section-body" hidden={!open}>
        {stored ? (
          <p className="hint">
            {stored.updatedBy
              ? t('intake.lastSavedBy', { date: formatTimestamp(stored.updatedAt, true), name: stored.updatedBy })
              : t('intake.lastSaved', { date: formatTimestamp(stored.updatedAt, true) })}
          </p>
        ) : null}
        <form ref={form.ref} onSubmit={submit} noValidate>
          {props.fields({ data: draft, set, errors })}
          {message?.kind === 'error' ? <ErrorMessage>{message.text}</ErrorMessage> : null}
          {message?.kind === 'conflict' ? (
            <div role="alert" className="message message-info">
              <p>{message.text}</p>
              <div className="actions">
                <button type="button" onClick={() => void save(stored?.version ?? baseVersion)}>
                  {t('intake.conflictKeepMine')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setDraft(stored?.data ?? empty[props.section](props.seed));
                    setBaseVersion(stored?.version ?? 0);
                    setErrors({});
                    setMessage(null);
                  }}
                >
                  {t('intake.conflictUseTheirs')}
                </button>
              </div>
            </div>
          ) : null}
          <StatusMessage tone="success">{busy ? t('common.working') : message?.kind === 'saved' ? message.text : null}</StatusMessage>
          <div className="actions">
            <button type="submit" className="primary" aria-disabled={busy || undefined}>
              {t('intake.save')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
