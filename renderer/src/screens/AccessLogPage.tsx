// renderer/: the access log, for administrators and auditors: who did what and when, by record id
// only (never a name from a case), with filters, pages of 100, and the check that it is intact.
// Supervisors and administrators also find here the cases opened with a reason (break the glass).
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { RpcError } from '../../../shared/errors';
import type { AuditEntry, AuditListInput } from '../../../shared/schemas/audit';
import type { SessionUser } from '../../../shared/schemas/session';
import { call } from '../api/client';
import { SelectField, type Option } from '../components/fields';
import { PageHeading } from '../components/Heading';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/i18n';
import { actionLabel } from './accessLog/actionNames';
import { BreakGlassReview } from './accessLog/BreakGlassReview';
import { AuditLogCheck } from './AuditLogCheck';

const PAGE_SIZE = 100;
const actionShape = /^[a-z.:-]*$/u;

type Entry = z.infer<typeof AuditEntry>;
type Outcome = z.output<typeof AuditListInput>['outcome'];
interface Filters {
  action: string;
  actorId: string;
  outcome: Outcome;
  from: string;
  to: string;
}
const noFilters: Filters = { action: '', actorId: '', outcome: 'any', from: '', to: '' };
const outcomes: readonly Outcome[] = ['any', 'ok', 'denied', 'failed'];

function LogEntries({ user }: { user: SessionUser }) {
  const i18n = useT();
  const { t, errorMessage, formatNumber, formatTimestamp } = i18n;
  const tableHeadingId = useId();
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [applied, setApplied] = useState<Filters>(noFilters);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; entries: Entry[] } | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | undefined>();
  const [people, setPeople] = useState<Map<string, string>>(new Map());
  // Auditors may not read the staff list: their person filter is built from the names in the log.
  const staffListAllowed = user.role === 'admin';

  useEffect(() => {
    if (!staffListAllowed) return;
    let live = true;
    void call('staff.list', {}).then((result) => {
      if (live && result.ok) setPeople(new Map(result.value.staff.map((s) => [s.id, s.displayName])));
    });
    return () => {
      live = false;
    };
  }, [staffListAllowed]);

  useEffect(() => {
    let live = true;
    setBusy(true);
    void call('audit.list', {
      action: applied.action,
      actorId: applied.actorId || null,
      outcome: applied.outcome,
      from: applied.from || null,
      to: applied.to || null,
      offset,
      limit: PAGE_SIZE,
    }).then((result) => {
      if (!live) return;
      setBusy(false);
      if (result.ok) {
        setPage(result.value);
        setError(null);
        setActionError(undefined);
        if (!staffListAllowed) {
          setPeople((known) => {
            const next = new Map(known);
            for (const e of result.value.entries) if (e.actorId && e.actor) next.set(e.actorId, e.actor);
            return next.size === known.size ? known : next;
          });
        }
      } else {
        setError(result.error);
        setActionError(result.error.fields?.find((f) => f.path === 'action')?.message);
      }
    });
    return () => {
      live = false;
    };
  }, [applied, offset, staffListAllowed]);

  function apply(event: FormEvent) {
    event.preventDefault();
    const action = draft.action.trim().toLowerCase();
    if (!actionShape.test(action)) {
      setActionError(t('accessLog.actionShape'));
      return;
    }
    setActionError(undefined);
    setOffset(0);
    setApplied({ ...draft, action });
  }

  function clear() {
    setDraft(noFilters);
    setActionError(undefined);
    setOffset(0);
    setApplied(noFilters);
  }

  const personOptions: Option[] = [
    { value: '', label: t('accessLog.anyone') },
    ...[...people.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => ({ value: id, label: name })),
  ];
  const outcomeOptions: Option[] = outcomes.map((o) => ({ value: o, label: t(`outcome.${o}`) }));
  const total = page?.total ?? 0;
  const shownTo = Math.min(offset + (page?.entries.length ?? 0), total);
  const noNewer = busy || offset === 0;
  const noOlder = busy || shownTo >= total;

  return (
    <>
      <AuditLogCheck />

      <form className="filters" onSubmit={apply} noValidate aria-label={t('accessLog.filters')}>
        <div className="filter-row">
          <TextField
            label={t('accessLog.action')}
            hint={t('accessLog.actionHint')}
            value={draft.action}
            onChange={(action) => setDraft({ ...draft, action })}
            autoComplete="off"
            error={actionError}
            maxLength={80}
          />
          <SelectField
            label={t('accessLog.person')}
            value={draft.actorId}
            onChange={(actorId) => setDraft({ ...draft, actorId })}
            options={personOptions}
          />
          <SelectField
            label={t('accessLog.outcome')}
            value={draft.outcome}
            onChange={(raw) => setDraft({ ...draft, outcome: outcomes.find((o) => o === raw) ?? 'any' })}
            options={outcomeOptions}
          />
          <TextField label={t('accessLog.from')} type="date" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} autoComplete="off" />
          <TextField label={t('accessLog.to')} type="date" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} autoComplete="off" />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('accessLog.apply')}
          </button>
          <button type="button" onClick={clear}>
            {t('accessLog.clear')}
          </button>
        </div>
      </form>

      <h2 id={tableHeadingId}>{t('accessLog.entries')}</h2>
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      <StatusMessage>
        {busy
          ? t('common.working')
          : page
            ? total === 0
              ? t('accessLog.none')
              : t('accessLog.showing', { from: formatNumber(offset + 1), to: formatNumber(shownTo), total: formatNumber(total) })
            : null}
      </StatusMessage>
      {page && page.entries.length > 0 ? (
        <div className="table-scroll">
          <table aria-labelledby={tableHeadingId} className="log-table">
            <thead>
              <tr>
                <th scope="col">{t('accessLog.when')}</th>
                <th scope="col">{t('accessLog.who')}</th>
                <th scope="col">{t('accessLog.what')}</th>
                <th scope="col">{t('accessLog.record')}</th>
                <th scope="col">{t('accessLog.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((e) => (
                <tr key={e.seq}>
                  <td>{formatTimestamp(e.at, true)}</td>
                  <td>{e.actor ?? (e.actorId ? t('accessLog.formerStaff') : t('accessLog.nobody'))}</td>
                  <td>
                    {actionLabel(i18n, e.action)}
                    {actionLabel(i18n, e.action) !== e.action ? <span className="hint log-action-name"> {e.action}</span> : null}
                  </td>
                  <td>{e.targetId ? <code title={e.targetId}>{e.targetId.slice(0, 8)}</code> : <span className="hint">{t('accessLog.noRecord')}</span>}</td>
                  <td>
                    <span className={`badge badge-outcome-${e.outcome}`}>{t(`outcome.${e.outcome}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="actions">
        {/* aria-disabled, not disabled: the button keeps focus when it reaches the first or last page. */}
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

type View = 'entries' | 'break-glass';

/** What each role reads here: auditors the log, supervisors the reasons for opening cases, administrators both. */
function viewsFor(role: SessionUser['role']): View[] {
  return role === 'admin' ? ['entries', 'break-glass'] : role === 'supervisor' ? ['break-glass'] : ['entries'];
}

export function AccessLogPage({ user }: { user: SessionUser }) {
  const { t } = useT();
  const views = viewsFor(user.role);
  const [view, setView] = useState<View>(views[0] ?? 'entries');
  return (
    <>
      <PageHeading>{t('accessLog.title')}</PageHeading>
      <p>{t(view === 'entries' ? 'accessLog.intro' : 'breakGlassReview.intro')}</p>
      {views.length > 1 ? (
        <SelectField
          label={t('accessLog.show')}
          value={view}
          onChange={(picked) => setView(views.find((v) => v === picked) ?? 'entries')}
          options={views.map((v) => ({ value: v, label: t(v === 'entries' ? 'accessLog.showEntries' : 'accessLog.showBreakGlass') }))}
        />
      ) : null}
      {view === 'entries' ? <LogEntries user={user} /> : <BreakGlassReview />}
    </>
  );
}
