// renderer/: several lines of free text.
import { Labelled, type Described } from './described';

export function TextAreaField(props: Described & { label: string; value: string; onChange: (value: string) => void; maxLength: number }) {
  return (
    <Labelled label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <textarea
          {...control}
          autoComplete="off"
          rows={3}
          value={props.value}
          maxLength={props.maxLength}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Labelled>
  );
}
