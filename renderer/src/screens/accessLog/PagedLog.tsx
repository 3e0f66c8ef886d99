// renderer/: one browser for the logs an administrator, auditor or supervisor reads (the access log,
// the break-the-glass openings): a filter form, a table of entries, pages of 100, newest first.
// A screen gives its filters (any object of strings), the call that loads a page, the filter fields
// and the columns; adding a filter is one more key in the object and one more field.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Result, RpcError } from '../../../../shared/errors';
import { DataTable, type Column } from '../../components/DataTable';
import { DateField, INCOMPLETE_DATE, SelectField, type Option } from '../../components/fields';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';

export const PAGE_SIZE = 100;

export interface LogPage<E> {
  total: number;
  entries: E[];
}

export type { Column } from '../../components/DataTable';

/** Filter draft, the filters in force, the page shown, and the calls that move between them. */
export function usePagedLog<F extends object, E>(empty: F, load: (filters: F, offset: number, limit: number) => Promise<Result<LogPage<E>>>) {
  const [draft, setDraft] = useState<F>(empty);
  const [applied, setApplied] = useState<F>(empty);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<LogPage<E> | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);
  // The page depends only on the filters in force and the offset, not on the caller's fresh closure.
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let live = true;
    setBusy(true);
    void loadRef.current(applied, offset, PAGE_SIZE).then((result) => {
      if (!live) return;
      setBusy(false);
      if (result.ok) {
        setPage(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
    return () => {
      live = false;
    };
  }, [applied, offset]);

  return {
    draft,
    /** Changes one filter in the draft (shown when "apply" is pressed). */
    set: <K extends keyof F>(key: K, value: F[K]) => setDraft((d) => ({ ...d, [key]: value })),
    apply: (filters: F = draft) => {
      setOffset(0);
      setApplied(filters);
    },
    clear: () => {
      setDraft(empty);
      setOffset(0);
      setApplied(empty);
    },
    page,
    error,
    busy,
    offset,
    setOffset,
  };
}

export type PagedLogState<F extends object, E> = ReturnType<typeof usePagedLog<F, E>>;

/** "Anyone" and then the people, by name. */
export function personOptions(anyone: string, people: Iterable<[string, string]>): Option[] {
  return [{ value: '', label: anyone }, ...[...people].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => ({ value: id, label: name }))];
}

type PersonDates = { actorId: string; from: string; to: string };

/** The person filter both logs offer. */
export function PersonFilter<F extends PersonDates, E>(props: { log: PagedLogState<F, E>; people: Option[] }) {
  const { t } = useT();
  const { log } = props;
  return <SelectField label={t('accessLog.person')} value={log.draft.actorId} onChange={(v) => log.set('actorId', v)} options={props.people} />;
}

/** The date filters both logs offer. */
export function DateFilters<F extends PersonDates, E>(props: { log: PagedLogState<F, E> }) {
  const { t } = useT();
  const { log } = props;
  return (
    <>
      <DateField label={t('accessLog.from')} value={log.draft.from} onChange={(v) => log.set('from', v === INCOMPLETE_DATE ? '' : v)} />
      <DateField label={t('accessLog.to')} value={log.draft.to} onChange={(v) => log.set('to', v === INCOMPLETE_DATE ? '' : v)} />
    </>
  );
}

export function PagedLog<F extends object, E>(props: {
  log: PagedLogState<F, E>;
  filtersLabel: string;
  applyLabel: string;
  /** Runs on "apply": the filters to put in force (e.g. tidied), or null to keep the old ones (a badly shaped one). */
  onApply?: (draft: F) => F | null;
  onClear?: () => void;
  filters: ReactNode;
  heading: string;
  none: string;
  showing: (range: { from: string; to: string; total: string }) => string;
  columns: readonly Column<E>[];
  rowKey: (entry: E) => string | number;
}) {
  const { t, errorMessage, formatNumber } = useT();
  const headingId = useId();
  const { log } = props;
  const total = log.page?.total ?? 0;
  const shownTo = Math.min(log.offset + (log.page?.entries.length ?? 0), total);
  const noNewer = log.busy || log.offset === 0;
  const noOlder = log.busy || shownTo >= total;

  function apply(event: FormEvent) {
    event.preventDefault();
    const filters = props.onApply ? props.onApply(log.draft) : log.draft;
    if (filters) log.apply(filters);
  }

  return (
    <>
      <form className="filters" onSubmit={apply} noValidate aria-label={props.filtersLabel}>
        <div className="filter-row">{props.filters}</div>
        <div className="actions">
          <button type="submit" className="primary">
            {props.applyLabel}
          </button>
          <button
            type="button"
            onClick={() => {
              props.onClear?.();
              log.clear();
            }}
          >
            {t('accessLog.clear')}
          </button>
        </div>
      </form>

      <h2 id={headingId}>{props.heading}</h2>
      <ErrorMessage>{log.error ? errorMessage(log.error) : null}</ErrorMessage>
      <StatusMessage>
        {log.busy
          ? t('common.working')
          : log.page
            ? total === 0
              ? props.none
              : props.showing({ from: formatNumber(log.offset + 1), to: formatNumber(shownTo), total: formatNumber(total) })
            : null}
      </StatusMessage>
      {log.page && log.page.entries.length > 0 ? (
        <DataTable labelledBy={headingId} className="log-table" columns={props.columns} rows={log.page.entries} rowKey={props.rowKey} />
      ) : null}
      <div className="actions">
        {/* aria-disabled, not disabled: the button keeps focus when it reaches the first or last page. */}
        <button type="button" aria-disabled={noNewer || undefined} onClick={() => noNewer || log.setOffset(Math.max(0, log.offset - PAGE_SIZE))}>
          {t('accessLog.newer')}
        </button>
        <button type="button" aria-disabled={noOlder || undefined} onClick={() => noOlder || log.setOffset(log.offset + PAGE_SIZE)}>
          {t('accessLog.older')}
        </button>
      </div>
    </>
  );
}
