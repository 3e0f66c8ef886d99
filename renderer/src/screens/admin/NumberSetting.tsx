// renderer/: one whole-number setting an administrator changes (how soon Safehold locks itself, how
// old a backup may get): its current value, a range check in the form's words, and the save.
import { useEffect, useId } from 'react';
import type { z } from 'zod';
import type { Result } from '../../../../shared/errors';
import { NumberField } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { useSchemaForm } from '../../components/useSchemaForm';

export function NumberSetting<S extends z.ZodType>(props: {
  /** The shared/ schema of the call: one whole number under `name`. */
  schema: S;
  name: string;
  title: string;
  label: string;
  hint: string;
  range: { min: number; max: number };
  rangeText: string;
  submitLabel: string;
  savedText: (value: number) => string;
  /** The value in force now (null while it is being read). */
  initial: number | null | (() => Promise<number | null>);
  send: (input: z.input<S>) => Promise<Result<unknown>>;
  onSaved?: () => void;
}) {
  const headingId = useId();
  const { range, initial } = props;
  const sf = useSchemaForm({
    schema: props.schema,
    defaults: { [props.name]: typeof initial === 'number' ? initial : null },
    toInput: (v) => ({ [props.name]: v[props.name] ?? 0 }) as z.input<S>,
    extraChecks: (v) => {
      const value = v[props.name] ?? null;
      return { [props.name]: value === null || value < range.min || value > range.max ? props.rangeText : undefined };
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
      <h3 id={headingId}>{props.title}</h3>
      <FormFrame form={sf} submitLabel={props.submitLabel} savedText={field.value === null || field.value === undefined ? null : props.savedText(field.value)}>
        <NumberField label={props.label} hint={props.hint} {...field} min={range.min} max={range.max} />
      </FormFrame>
    </section>
  );
}
