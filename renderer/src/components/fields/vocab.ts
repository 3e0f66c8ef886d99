// renderer/: code lists from shared/vocab in the person's language (never retranslated here), and
// the three reasons for no answer as options.
import { reasons, type Reason, type Vocabulary } from '../../../../shared/vocab/define';
import { useT } from '../../i18n/i18n';
import type { Option } from './described';

export function useVocab() {
  const { language } = useT();
  return <C extends string>(list: Vocabulary<C>, code: C): string => list.labels[code][language];
}

/** Every code of a list as options, labelled in the person's language. */
export function useOptions() {
  const label = useVocab();
  return <C extends string>(list: Vocabulary<C>): Option[] => list.codes.map((c) => ({ value: c, label: label(list, c) }));
}

export function isReason(value: unknown): value is Reason {
  return typeof value === 'string' && (reasons.codes as readonly string[]).includes(value);
}

export function codeOf<C extends string>(list: Vocabulary<C>, value: string): C | null {
  return list.codes.find((c) => c === value) ?? null;
}

export function reasonOf(value: string): Reason | null {
  return reasons.codes.find((c) => c === value) ?? null;
}

/** The reasons for no answer as a second group of options ("No answer"). */
export function useReasonOptions(): { label: string; options: Option[] } {
  const { t } = useT();
  const options = useOptions();
  return { label: t('choice.noAnswerGroup'), options: options(reasons) };
}
