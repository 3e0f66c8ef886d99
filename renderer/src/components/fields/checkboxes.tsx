// renderer/: checkboxes. A group inside a fieldset whose legend names the question (codes from a
// shared/vocab list), and a single labelled checkbox.
import type { ReactNode } from 'react';
import type { Vocabulary } from '../../../../shared/vocab/define';
import { useDescribed, type Described } from './described';
import { useVocab } from './vocab';

/** A group of checkboxes inside a fieldset whose legend names the question. */
export function CheckboxGroup<C extends string>(
  props: Described & {
    legend: string;
    list: Vocabulary<C>;
    value: readonly C[];
    onChange: (value: C[]) => void;
    disabled?: boolean;
    children?: ReactNode;
  },
) {
  const label = useVocab();
  const { id, describedBy, notes } = useDescribed(props);
  return (
    <fieldset className={`field checkbox-group${props.error ? ' field-invalid' : ''}`} aria-describedby={describedBy}>
      <legend>{props.legend}</legend>
      {notes}
      <div className="checkbox-list">
        {props.list.codes.map((c) => (
          <div key={c} className="checkbox">
            <input
              id={`${id}-${c}`}
              type="checkbox"
              checked={props.value.includes(c)}
              disabled={props.disabled}
              onChange={(event) =>
                props.onChange(event.target.checked ? props.list.codes.filter((x) => x === c || props.value.includes(x)) : props.value.filter((x) => x !== c))
              }
            />
            <label htmlFor={`${id}-${c}`}>{label(props.list, c)}</label>
          </div>
        ))}
      </div>
      {props.children}
    </fieldset>
  );
}

export function CheckboxField(props: Described & { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const { id, describedBy, notes } = useDescribed(props);
  return (
    <div className={`field checkbox${props.error ? ' field-invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
      <label htmlFor={id}>{props.label}</label>
      {notes}
    </div>
  );
}
