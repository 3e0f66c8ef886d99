// renderer/: the break-the-glass review, for supervisors and administrators: each time someone opened
// a case that is not theirs, who, which case, when and the reason they gave; by person and dates, in
// pages of 100. Reading it is itself written to the access log (by the main process).
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { RpcError } from '../../../../shared/errors';
import type { BreakGlassEntry } from '../../../../shared/schemas/break-glass';
import { call } from '../../api/client';
import { hrefFor } from '../../app/router';
import { SelectField, type Option } from '../../components/fields';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';

const PAGE_SIZE = 100;

type Entry = z.infer<typeof BreakGlassEntry>;
interface Filters {
  actorId: string;
  from: string;
  to: string;
}
const noFilters: Filters = { actorId: '', from: '', to: '' };

export function BreakGlassReview() {
  const { t, errorMessage, formatNumber, formatTimestamp } = useT();
  const headingId = useId();
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [applied, setApplied] = useState<Filters>(noFilters);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; entries: Entry[] } | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const [people, setPeople] = useState<Array<[string, string]>>([]);

  useEffect(() => {
    let live = true;
    void call('staff.list', {}).then((result) => {
      if (live && result.ok) setPeople(result.value.staff.map((s) => [s.id, s.displayName]));
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    setBusy(true);
    void call('audit.breakGlass', { actorId: applied.actorId || null, from: applied.from || null, to: applied.to || null, offset, limit: PAGE_SIZE }).then(
      (result) => {
        if (!live) return;
        setBusy(false);
        if (result.ok) {
          setPage(result.value);
          setError(null);
        } else {
          setError(result.error);
        }
      },
    );
    return () => {
      live = false;
    };
  }, [applied, offset]);

  function apply(event: FormEvent) {
    event.preventDefault();
    setOffset(0);
    setApplied(draft);
  }

  function clear() {
    setDraft(noFilters);
    setOffset(0);
    setApplied(noFilters);
  }

  const personOptions: Option[] = [
    { value: '', label: t('accessLog.anyone') },
    ...[...people].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => ({ value: id, label: name })),
  ];
  const total = page?.total ?? 0;
  const shownTo = Math.min(offset + (page?.entries.length ?? 0), total);
  const noNewer = busy || offset === 0;
  const noOlder = busy || shownTo >= total;

  return (
    <>
      <form className="filters" onSubmit={apply} noValidate aria-label={t('breakGlassReview.filters')}>
        <div className="filter-row">
          <SelectField label={t('accessLog.person')} value={draft.actorId} onChange={(actorId) => setDraft({ ...draft, actorId })} options={personOptions} />
          <TextField label={t('accessLog.from')} type="date" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} autoComplete="off" />
          <TextField label={t('accessLog.to')} type="date" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} autoComplete="off" />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('breakGlassReview.apply')}
          </button>
          <button type="button" onClick={clear}>
            {t('accessLog.clear')}
          </button>
        </div>
      </form>

      <h2 id={headingId}>{t('breakGlassReview.heading')}</h2>
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      <StatusMessage>
        {busy
          ? t('common.working')
          : page
            ? total === 0
              ? t('breakGlassReview.none')
              : t('breakGlassReview.showing', { from: formatNumber(offset + 1), to: formatNumber(shownTo), total: formatNumber(total) })
            : null}
      </StatusMessage>
      {page && page.entries.length > 0 ? (
        <div className="table-scroll">
          <table aria-labelledby={headingId} className="log-table">
            <thead>
              <tr>
                <th scope="col">{t('accessLog.when')}</th>
                <th scope="col">{t('accessLog.who')}</th>
                <th scope="col">{t('breakGlassReview.case')}</th>
                <th scope="col">{t('breakGlassReview.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatTimestamp(e.at, true)}</td>
                  <td>{e.actor ?? t('accessLog.formerStaff')}</td>
                  <td>
                    <a className="mono" href={hrefFor({ page: 'client', id: e.clientId })}>
                      {e.caseNumber}
                    </a>
                  </td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" aria-disabled={noNewer || undefined} onClick={() => noNewer || setOffset(Math.max(0, offset - PAGE_SIZE))}>
          {t('accessLog.newer')}
        </button>
        <button type="button" aria-disabled={noOlder || undefined} onClick={() => noOlder || setOffset(offset + PAGE_SIZE)}>
          {t('accessLog.older')}
        </button>
      </div>
    </>
  );
}
