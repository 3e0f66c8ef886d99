// renderer/: an accessible tab set (WAI-ARIA tabs pattern): one tab stop, arrow keys, Home and End
// move between tabs and show them. Every panel stays in the page while hidden, so typing is kept.
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabSpec<K extends string> {
  key: K;
  label: string;
  panel: ReactNode;
}

export function Tabs<K extends string>(props: { label: string; tabs: TabSpec<K>[]; selected: K; onSelect: (key: K) => void }) {
  const id = useId();
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const keys = props.tabs.map((tab) => tab.key);

  function onKeyDown(event: KeyboardEvent) {
    const at = keys.indexOf(props.selected);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: keys.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = keys[(target + keys.length) % keys.length];
    if (next === undefined) return;
    props.onSelect(next);
    refs.current.get(next)?.focus();
  }

  return (
    <div className="tabs">
      <div role="tablist" aria-label={props.label} className="tablist" onKeyDown={onKeyDown}>
        {props.tabs.map((tab) => (
          <button
            key={tab.key}
            ref={(el) => {
              if (el) refs.current.set(tab.key, el);
              else refs.current.delete(tab.key);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.key}`}
            aria-selected={tab.key === props.selected}
            aria-controls={`${id}-panel-${tab.key}`}
            tabIndex={tab.key === props.selected ? 0 : -1}
            onClick={() => props.onSelect(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {props.tabs.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${id}-panel-${tab.key}`}
          aria-labelledby={`${id}-tab-${tab.key}`}
          hidden={tab.key !== props.selected}
          tabIndex={0}
          className="tabpanel"
        >
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
