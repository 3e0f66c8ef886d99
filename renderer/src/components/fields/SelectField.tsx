// renderer/: selects. A plain labelled select, and the wrappers that offer a shared/vocab list and
// turn its string values into typed codes.
import type { Vocabulary } from '../../../../shared/vocab/define';
import { useT } from '../../i18n/i18n';
import { Labelled, type Described, type Option } from './described';
import { codeOf, useOptions } from './vocab';

function OptionList({ options }: { options: readonly Option[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

/** A plain labelled select; the wrappers below turn its string values into typed codes. */
export function SelectField(
  props: Described & {
    label: string;
    value: string;
    onChange: (value: string) => void;
    options: readonly Option[];
    /** A second group of options after the main ones, e.g. the reasons for no answer. */
    extra?: { label: string; options: readonly Option[] } | undefined;
    required?: boolean;
  },
) {
  return (
    <Labelled label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <select {...control} value={props.value} onChange={(event) => props.onChange(event.target.value)} required={props.required}>
          <OptionList options={props.options} />
          {props.extra ? (
            <optgroup label={props.extra.label}>
              <OptionList options={props.extra.options} />
            </optgroup>
          ) : null}
        </select>
      )}
    </Labelled>
  );
}

type VocabProps<C extends string, V> = Described & { label: string; list: Vocabulary<C>; value: V; onChange: (value: V) => void };

/** Exactly one code from a list (no empty choice), e.g. a safety flag or a contact kind. */
export function VocabSelect<C extends string>(props: VocabProps<C, C>) {
  const options = useOptions();
  return (
    <SelectField
      {...props}
      onChange={(raw) => {
        const code = codeOf(props.list, raw);
        if (code) props.onChange(code);
      }}
      options={options(props.list)}
    />
  );
}

/** One code that must be chosen: it starts empty ("Choose one") so nothing is picked for the person. */
export function ChoiceSelect<C extends string>(props: VocabProps<C, C | ''>) {
  const { t } = useT();
  const options = useOptions();
  return (
    <SelectField
      {...props}
      onChange={(raw) => props.onChange(codeOf(props.list, raw) ?? '')}
      options={[{ value: '', label: t('choice.pickOne') }, ...options(props.list)]}
      required
    />
  );
}

/** One code or nothing yet ("Not asked yet"), for questions that take no reason. */
export function OptionalSelect<C extends string>(props: VocabProps<C, C | null>) {
  const { t } = useT();
  const options = useOptions();
  return (
    <SelectField
      {...props}
      value={props.value ?? ''}
      onChange={(raw) => props.onChange(codeOf(props.list, raw))}
      options={[{ value: '', label: t('choice.notAsked') }, ...options(props.list)]}
    />
  );
}
