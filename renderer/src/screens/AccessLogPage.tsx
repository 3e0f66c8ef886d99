// renderer/: the access log, for administrators and auditors: who did what and when, by record id
// only (never a name from a case), with filters, pages of 100, and the check that it is intact.
// Supervisors and administrators also find here the cases opened with a reason (break the glass).
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { AuditEntry, AuditListInput } from '../../../shared/schemas/audit';
import type { SessionUser } from '../../../shared/schemas/session';
import { call } from '../api/client';
import { SelectField } from '../components/fields';
import { PageHeading } from '../components/Heading';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/i18n';
import { actionLabel } from './accessLog/actionNames';
import { BreakGlassReview } from './accessLog/BreakGlassReview';
import { DateFilters, PagedLog, PersonFilter, personOptions, usePagedLog, type Column } from './accessLog/PagedLog';
import { AuditLogCheck } from './AuditLogCheck';

const actionShape = /^[a-z.:-]*$/u;

type Entry = z.infer<typeof AuditEntry>;
type Outcome = z.output<typeof AuditListInput>['outcome'];
const noFilters = { action: '', actorId: '', outcome: 'any' as Outcome, from: '', to: '', laptop: 'all' };
const outcomes: readonly Outcome[] = ['any', 'ok', 'denied', 'failed'];

function LogEntries({ user }: { user: SessionUser }) {
  const i18n = useT();
  const { t, formatTimestamp } = i18n;
  const [actionError, setActionError] = useState<string | undefined>();
  const [people, setPeople] = useState<Map<string, string>>(new Map());
  // Team sync: the other laptops whose entries are here (the agency's whole log, per laptop).
  const [laptops, setLaptops] = useState<string[]>([]);
  // Auditors may not read the staff list: their person filter is built from the names in the log.
  const staffListAllowed = user.role === 'admin';

  const log = usePagedLog(noFilters, async (f, offset, limit) => {
    const result = await call('audit.list', { action: f.action, actorId: f.actorId || null, outcome: f.outcome, from: f.from || null, to: f.to || null, laptop: f.laptop, offset, limit });
    if (!result.ok) {
      setActionError(result.error.fields?.find((p) => p.path === 'action')?.message);
      return result;
    }
    setActionError(undefined);
    setLaptops((known) => (known.join() === result.value.laptops.join() ? known : result.value.laptops));
    if (!staffListAllowed) {
      setPeople((known) => {
        const next = new Map(known);
        for (const e of result.value.entries) if (e.actorId && e.actor) next.set(e.actorId, e.actor);
        return next.size === known.size ? known : next;
      });
    }
    return result;
  });

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

  function onApply(draft: typeof noFilters): typeof noFilters | null {
    const action = draft.action.trim().toLowerCase();
    if (!actionShape.test(action)) {
      setActionError(t('accessLog.actionShape'));
      return null;
    }
    setActionError(undefined);
    return { ...draft, action };
  }

  const laptopColumn: Column<Entry> = { header: t('accessLog.laptop'), cell: (e) => (e.laptopId ? <code>{e.laptopId}</code> : t('accessLog.thisLaptop')) };
  const columns: Column<Entry>[] = [
    { header: t('accessLog.when'), cell: (e) => formatTimestamp(e.at, true) },
    ...(laptops.length > 0 ? [laptopColumn] : []),
    { header: t('accessLog.who'), cell: (e) => e.actor ?? (e.actorId ? t('accessLog.formerStaff') : t('accessLog.nobody')) },
    {
      header: t('accessLog.what'),
      cell: (e) => (
        <>
          {actionLabel(i18n, e.action)}
          {actionLabel(i18n, e.action) !== e.action ? <span className="hint log-action-name"> {e.action}</span> : null}
        </>
      ),
    },
    {
      header: t('accessLog.record'),
      cell: (e) => (e.targetId ? <code title={e.targetId}>{e.targetId.slice(0, 8)}</code> : <span className="hint">{t('accessLog.noRecord')}</span>),
    },
    { header: t('accessLog.outcome'), cell: (e) => <span className={`badge badge-outcome-${e.outcome}`}>{t(`outcome.${e.outcome}`)}</span> },
  ];

  return (
    <>
      <AuditLogCheck />
      <PagedLog
        log={log}
        filtersLabel={t('accessLog.filters')}
        applyLabel={t('accessLog.apply')}
        onApply={onApply}
        onClear={() => setActionError(undefined)}
        filters={
          <>
            <TextField
              label={t('accessLog.action')}
              hint={t('accessLog.actionHint')}
              value={log.draft.action}
              onChange={(action) => log.set('action', action)}
              autoComplete="off"
              error={actionError}
              maxLength={80}
            />
            <PersonFilter log={log} people={personOptions(t('accessLog.anyone'), people)} />
            <SelectField label={t('accessLog.outcome')} value={log.draft.outcome} onChange={(raw) => log.set('outcome', outcomes.find((o) => o === raw) ?? 'any')} options={outcomes.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
            <DateFilters log={log} />
            {laptops.length > 0 ? (
              <SelectField
                label={t('accessLog.laptop')}
                value={log.draft.laptop}
                onChange={(v) => log.set('laptop', v)}
                options={[{ value: 'all', label: t('accessLog.allLaptops') }, { value: 'this', label: t('accessLog.thisLaptop') }, ...laptops.map((l) => ({ value: l, label: l }))]}
              />
            ) : null}
          </>
        }
        heading={t('accessLog.entries')}
        none={t('accessLog.none')}
        showing={(range) => t('accessLog.showing', range)}
        columns={columns}
        rowKey={(e) => `${e.laptopId ?? ''}:${e.seq}`}
      />
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
