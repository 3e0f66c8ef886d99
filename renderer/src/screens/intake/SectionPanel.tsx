// renderer/: one intake section: a disclosure that says quietly how much is answered, when it was
// last saved and by whom, and the section's form (its field list, saved on its own).
import { useId, useState, type ReactNode } from 'react';
import type { SectionName } from '../../../../shared/schemas/intake';
import { FormFrame } from '../../components/FormFrame';
import { useT } from '../../i18n/i18n';
import { useSectionForm, type SectionFields, type Seed, type Stored } from './useSectionForm';

export function SectionPanel<S extends SectionName>(props: {
  clientId: string;
  section: S;
  seed: Seed;
  stored: Stored<S>;
  progress: { answered: number; total: number } | undefined;
  onChanged: () => Promise<void>;
  fields: (fields: SectionFields<S>) => ReactNode;
}) {
  const { t, formatTimestamp } = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const { sf, fields, conflict, keepMine, takeTheirs } = useSectionForm(props);
  const { progress, stored } = props;
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
        <FormFrame form={sf} submitLabel={t('intake.save')} savedText={t('intake.saved')}>
          {props.fields(fields)}
          {conflict ? (
            <div role="alert" className="message message-info">
              <p>{t('intake.conflict')}</p>
              <div className="actions">
                <button type="button" onClick={keepMine}>
                  {t('intake.conflictKeepMine')}
                </button>
                <button type="button" onClick={takeTheirs}>
                  {t('intake.conflictUseTheirs')}
                </button>
              </div>
            </div>
          ) : null}
        </FormFrame>
      </div>
    </section>
  );
}
