// renderer/: one whole-number setting an administrator changes (how soon Safehold locks itself, how
// old a backup may get): its current value, a range check in the form's words, and the save. Its
// texts are the messages `<words>.title`, `.label`, `.hint`, `.range` and `.save`.
import { useEffect, useId } from 'react';
import type { z } from 'zod';
import type { Result } from '../../../../shared/errors';
import { NumberField } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { useSchemaForm } from '../../components/useSchemaForm';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n';

/** Message prefixes that have every text a number setting shows. */
type SettingWords<K = MessageKey> = K extends `${infer P}.title` ? (`${P}.${'label' | 'hint' | 'range' | 'save'}` extends MessageKey ? P : never) : never;

export function NumberSetting<S extends z.ZodType>(props: {
  /** The shared/ schema of the call: one whole number under `name`. */
  schema: S;
  name: string;
  words: SettingWords;
  range: { min: number; max: number };
  savedText: (value: number) => string;
  /** The value in force now (null while it is being read). */
  initial: number | null | (() => Promise<number | null>);
  send: (input: z.input<S>) => Promise<Result<unknown>>;
  onSaved?: () => void;
}) {
  const { t } = useT();
  const headingId = useId();
  const { range, initial, words } = props;
  const rangeText = t(`${words}.range`, range);
  const sf = useSchemaForm({
    schema: props.schema,
    defaults: { [props.name]: typeof initial === 'number' ? initial : null },
    toInput: (v) => ({ [props.name]: v[props.name] ?? 0 }) as z.input<S>,
    extraChecks: (v) => {
      const value = v[props.name] ?? null;
      return { [props.name]: value === null || value < range.min || value > range.max ? rangeText : undefined };
    },
    send: props.send,
    onSaved: () => props.onSaved?.(),
  });
  const { reset } = sf.form;
  // Read afresh each time the page opens: the value in force may be newer than the page.
  useEffect(() => {
    if (typeof initial !== 'function') return;
    let live = true;
    void initial().then((value) => {
      if (live && value !== null) reset({ [props.name]: value });
    });
    return () => {
      live = false;
    };
  }, [initial, reset, props.name]);
  const field = sf.field(props.name);

  return (
    <section aria-labelledby={headingId} className="panel">
      <h3 id={headingId}>{t(`${words}.title`)}</h3>
      <FormFrame form={sf} submitLabel={t(`${words}.save`)} savedText={field.value === null || field.value === undefined ? null : props.savedText(field.value)}>
        <NumberField label={t(`${words}.label`)} hint={t(`${words}.hint`, range)} {...field} min={range.min} max={range.max} />
      </FormFrame>
    </section>
  );
}
