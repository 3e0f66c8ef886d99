// renderer/: a list the person adds to and removes from (ways to reach them, family members,
// aliases), each item with a clearly labelled remove button and an add button up to a limit.
import type { ReactNode } from 'react';

export function ItemList<T>(props: {
  value: T[];
  onChange: (value: T[]) => void;
  max: number;
  newItem: T;
  /** Each item is its own group named "<legend> n"; without it, items are rows (a field and its remove button). */
  itemLegend?: (n: number) => string;
  removeLabel: (n: number) => string;
  addLabel: string;
  /** Draws one item's fields; `update` replaces the item. */
  children: (item: T, update: (item: T) => void, i: number) => ReactNode;
}) {
  const { value, onChange } = props;
  const items = value.map((item, i) => {
    const body = (
      <>
        {props.children(item, (next) => onChange(value.map((old, j) => (j === i ? next : old))), i)}
        <button type="button" className="remove-button" onClick={() => onChange(value.filter((_, j) => j !== i))}>
          {props.removeLabel(i + 1)}
        </button>
      </>
    );
    return props.itemLegend ? (
      <fieldset className="group" key={i}>
        <legend>{props.itemLegend(i + 1)}</legend>
        {body}
      </fieldset>
    ) : (
      <div className="list-item" key={i}>
        {body}
      </div>
    );
  });
  const add =
    value.length < props.max ? (
      <button type="button" onClick={() => onChange([...value, props.newItem])}>
        {props.addLabel}
      </button>
    ) : null;
  return (
    <>
      {items}
      {props.itemLegend && add ? <div className="actions">{add}</div> : add}
    </>
  );
}
