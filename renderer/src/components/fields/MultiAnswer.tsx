// renderer/: a sensitive multi-choice question: some codes, or one reason instead, or not asked yet.
import { useState } from 'react';
import type { Reason, Vocabulary } from '../../../../shared/vocab/define';
import { useT } from '../../i18n/i18n';
import { StatusMessage } from '../Messages';
import { CheckboxGroup } from './checkboxes';
import type { Described } from './described';
import { ReasonSelect } from './reasons';
import { isReason, useVocab } from './vocab';

/**
 * Some codes, or one reason instead, or not asked yet (null). Choosing a reason while answers are
 * ticked sets them aside, says so, and brings them back if the reason is taken away again before
 * saving; saving keeps only the reason. The question is named by `label` (or `legend`).
 */
export function MultiAnswer<C extends string>(
  props: Described & { label?: string; legend?: string; list: Vocabulary<C>; value: C[] | Reason | null; onChange: (value: C[] | Reason | null) => void },
) {
  const { t } = useT();
  const label = useVocab();
  const question = props.legend ?? props.label ?? '';
  const [setAside, setSetAside] = useState<C[]>([]);
  const chosen = Array.isArray(props.value) ? props.value : [];
  const reason = isReason(props.value) ? props.value : null;
  function onReason(next: Reason | null) {
    if (next) {
      if (chosen.length > 0) setSetAside(chosen);
      props.onChange(next);
      return;
    }
    const back = chosen.length > 0 ? chosen : setAside;
    setSetAside([]);
    props.onChange(back.length > 0 ? back : null);
  }
  return (
    <CheckboxGroup
      legend={question}
      list={props.list}
      value={chosen}
      onChange={(next) => {
        setSetAside([]);
        props.onChange(next.length > 0 ? next : null);
      }}
      error={props.error}
      hint={props.hint}
    >
      <ReasonSelect field={question} value={reason} onChange={onReason} />
      <StatusMessage>
        {reason && setAside.length > 0 ? t('choice.reasonSetsAside', { answers: setAside.map((c) => label(props.list, c)).join(', ') }) : null}
      </StatusMessage>
    </CheckboxGroup>
  );
}
