// renderer/: a whole number (an age, a count), empty meaning none.
import { Labelled, type Described } from './described';

export function toWholeNumber(text: string): number | null {
  if (!/^\d{1,3}$/u.test(text.trim())) return null;
  return Number(text.trim());
}

export function NumberField(
  props: Described & { label: string; value: number | null; onChange: (value: number | null) => void; min?: number; max?: number },
) {
  return (
    <Labelled label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <input
          {...control}
          type="number"
          className="short"
          min={props.min ?? 0}
          max={props.max ?? 120}
          inputMode="numeric"
          value={props.value ?? ''}
          onChange={(event) => props.onChange(toWholeNumber(event.target.value))}
        />
      )}
    </Labelled>
  );
}
