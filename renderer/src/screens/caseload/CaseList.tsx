// renderer/: the caseload as a windowed list. Rows have one fixed height (set in styles.css and
// measured here), so only the rows in view plus a few either side are in the page, however many
// cases there are. Each row is a link; arrow keys, Page Up/Down, Home and End move between rows,
// Enter opens one, and aria-setsize/aria-posinset tell screen readers where they are in the whole.
// While cases are being chosen (to hand over), each row starts with a checkbox: the arrow keys move
// between the checkboxes, Space ticks one, Tab reaches that row's link.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ClientRow } from '../../../../shared/schemas/clients';
import { useT } from '../../i18n/i18n';
import { CaseRowLink, ChooseBox } from './CaseRow';
import type { CasePages } from './useCasePages';

const OVERSCAN = 8;

export interface ListPosition {
  scrollTop: number;
  active: number;
}

/** Choosing cases in the list (for handing them over): which are ticked, and ticking one. */
export interface Choosing {
  isChosen: (id: string) => boolean;
  toggle: (row: ClientRow) => void;
}

export function CaseList(props: {
  pages: CasePages;
  total: number;
  initial: ListPosition | null;
  onPosition: (position: ListPosition) => void;
  choosing?: Choosing | null;
}) {
  const { t } = useT();
  const { pages, total } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLDivElement>(null);
  const [rowHeight, setRowHeight] = useState(0);
  const [view, setView] = useState({ top: props.initial?.scrollTop ?? 0, height: 0 });
  const [active, setActive] = useState(Math.min(props.initial?.active ?? 0, Math.max(0, total - 1)));
  const focusWanted = useRef(false);
  const frame = useRef(0);

  // The row height lives in CSS (it grows with the text size and on narrow windows); measure it.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      const h = probe.current?.getBoundingClientRect().height ?? 0;
      if (h > 0) setRowHeight(h);
      setView((v) => ({ ...v, height: el.clientHeight }));
    };
    measure();
    if (props.initial) el.scrollTop = props.initial.scrollTop;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
    // Restoring the scroll position happens once, when the list first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const onScroll = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const el = scroller.current;
      if (el) setView({ top: el.scrollTop, height: el.clientHeight });
    });
  }, []);

  const first = rowHeight > 0 ? Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN) : 0;
  const last = rowHeight > 0 ? Math.min(total - 1, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN) : Math.min(total - 1, 20);
  const want = pages.want;
  const onPosition = props.onPosition;

  // Fetch what is in view; a short pause lets a fast scroll pass without loading every page on the way.
  useEffect(() => {
    const timer = setTimeout(() => want(first, last), 60);
    return () => clearTimeout(timer);
  }, [want, first, last]);

  useEffect(() => onPosition({ scrollTop: view.top, active }), [onPosition, view.top, active]);

  useEffect(() => {
    if (!focusWanted.current) return;
    focusWanted.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus({ preventScroll: true });
  }, [active]);

  function moveTo(index: number) {
    const el = scroller.current;
    const next = Math.max(0, Math.min(total - 1, index));
    if (el && rowHeight > 0) {
      const top = next * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
      setView({ top: el.scrollTop, height: el.clientHeight });
    }
    focusWanted.current = true;
    setActive(next);
    if (next === active) scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus({ preventScroll: true });
  }

  function onKeyDown(event: KeyboardEvent) {
    const perPage = rowHeight > 0 ? Math.max(1, Math.floor(view.height / rowHeight) - 1) : 10;
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + perPage,
      PageUp: active - perPage,
      Home: 0,
      End: total - 1,
    };
    const target = moves[event.key];
    if (target === undefined || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    moveTo(target);
  }

  const indexes: number[] = [];
  for (let i = first; i <= last; i++) indexes.push(i);
  // The row that holds (or last held) focus stays in the page, so focus is never lost to a scroll.
  if (total > 0 && (active < first || active > last)) indexes.push(active);

  return (
    <div className="case-scroller" ref={scroller} onScroll={onScroll}>
      <div className="case-row case-row-probe" ref={probe} aria-hidden="true" />
      <div
        role="list"
        aria-label={t('caseload.listLabel')}
        className="case-list"
        onKeyDown={onKeyDown}
        // CSSOM, not a style attribute: allowed under the page's style-src 'self' policy.
        style={{ height: `${total * rowHeight}px` }}
      >
        {indexes.map((index) => (
          <div
            key={index}
            role="listitem"
            aria-setsize={total}
            aria-posinset={index + 1}
            className={props.choosing ? 'case-row case-row-choosing' : 'case-row'}
            style={{ transform: `translateY(${index * rowHeight}px)` }}
          >
            {props.choosing ? (
              <ChooseBox index={index} row={pages.rowAt(index)} choosing={props.choosing} tabbable={index === active} onFocus={() => setActive(index)} />
            ) : null}
            <CaseRowLink
              index={index}
              arrowTarget={!props.choosing}
              row={pages.rowAt(index)}
              tabbable={index === active}
              onFocus={() => setActive(index)}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
