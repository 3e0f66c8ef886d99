// renderer/: one intake section as a form on the form layer: the shared SaveSectionInput schema (the
// one main checks), the section's answers as the form's values under `data` (so main's field
// problems at "data.<question>" land on their questions), and intake.saveSection as the submit call.
// If someone else saved the same section first, the form keeps what was typed and says so.
import { useRef, useState } from 'react';
import type { ClientProfile } from '../../../../shared/schemas/clients';
import { SaveSectionInput, sectionSchemas, type SectionData, type SectionName } from '../../../../shared/schemas/intake';
import { call } from '../../api/client';
import { useSchemaForm } from '../../components/useSchemaForm';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n';

export type Seed = Pick<ClientProfile, 'chosenName' | 'pronouns'>;
export type Stored<S extends SectionName> = { data: SectionData<S>; version: number; updatedAt: string; updatedBy: string | null } | null;

type Keys<S extends SectionName> = keyof SectionData<S> & string;
/** The questions of a section that have a label "intake.<section>.<question>" in the dictionaries. */
export type Question<S extends SectionName> = { [K in Keys<S>]: `intake.${S}.${K}` extends MessageKey ? K : never }[Keys<S>];

/** What a section's field list gets: each question's label, value, setter and problem. */
export interface SectionFields<S extends SectionName> {
  f: <K extends Question<S>>(key: K) => { label: string; value: SectionData<S>[K]; onChange: (value: SectionData<S>[K]) => void; error: string | undefined };
  /** The problem at a path beneath the section's answers, e.g. "methods.0.value". */
  errorAt: (path: string) => string | undefined;
}

/** A section that was never saved starts empty; identity starts with the name they chose. */
export function emptySection<S extends SectionName>(section: S, seed: Seed): SectionData<S> {
  const start = section === 'identity' ? { preferredName: seed.chosenName, pronouns: seed.pronouns } : {};
  return sectionSchemas[section].parse(start) as SectionData<S>;
}

export function useSectionForm<S extends SectionName>(props: { clientId: string; section: S; seed: Seed; stored: Stored<S>; onChanged: () => Promise<void> }) {
  const { t } = useT();
  // The answers are taken from the stored section once; later reloads of the profile never overwrite typing.
  const baseVersion = useRef(props.stored?.version ?? 0);
  const [conflict, setConflict] = useState(false);
  const sf = useSchemaForm({
    schema: SaveSectionInput,
    defaults: { data: props.stored?.data ?? emptySection(props.section, props.seed) },
    toInput: (values) => ({ clientId: props.clientId, section: props.section, data: values.data, baseVersion: baseVersion.current }) as SaveSectionInput,
    send: (input) => call('intake.saveSection', input),
    onSaved: async (saved) => {
      baseVersion.current = saved.version;
      await props.onChanged();
    },
    special: (error) => {
      if (error.code !== 'CONFLICT') return false;
      setConflict(true);
      void props.onChanged();
      return true;
    },
  });
  const fields: SectionFields<S> = {
    f: (key) => ({ label: t(`intake.${props.section}.${key}` as MessageKey), ...sf.field(`data.${key}` as never) }) as never,
    errorAt: (path) => sf.errorAt(`data.${path}`),
  };
  /** Each save starts by taking the conflict notice away. */
  const onSubmit = (event?: { preventDefault: () => void }) => {
    setConflict(false);
    return sf.onSubmit(event);
  };
  /** After a conflict: save what is typed here over the newer version. */
  const keepMine = () => {
    baseVersion.current = props.stored?.version ?? baseVersion.current;
    void onSubmit();
  };
  /** After a conflict: show the version saved elsewhere instead of what was typed. */
  const takeTheirs = () => {
    sf.form.reset({ data: props.stored?.data ?? emptySection(props.section, props.seed) });
    baseVersion.current = props.stored?.version ?? 0;
    setConflict(false);
  };
  return { sf: { ...sf, onSubmit }, fields, conflict, keepMine, takeTheirs };
}
