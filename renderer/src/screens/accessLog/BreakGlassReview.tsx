// renderer/: the break-the-glass review, for supervisors and administrators: each time someone opened
// a case that is not theirs, who, which case, when and the reason they gave; by person and dates, in
// pages of 100. Reading it is itself written to the access log (by the main process).
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { BreakGlassEntry } from '../../../../shared/schemas/break-glass';
import { call } from '../../api/client';
import { hrefFor } from '../../app/router';
import { useT } from '../../i18n/i18n';
import { DateFilters, PagedLog, PersonFilter, personOptions, usePagedLog, type Column } from './PagedLog';

type Entry = z.infer<typeof BreakGlassEntry>;
const noFilters = { actorId: '', from: '', to: '' };

export function BreakGlassReview() {
  const { t, formatTimestamp } = useT();
  const [people, setPeople] = useState<Array<[string, string]>>([]);
  const log = usePagedLog(noFilters, (f, offset, limit) =>
    call('audit.breakGlass', { actorId: f.actorId || null, from: f.from || null, to: f.to || null, offset, limit }),
  );

  useEffect(() => {
    let live = true;
    void call('staff.list', {}).then((result) => {
      if (live && result.ok) setPeople(result.value.staff.map((s) => [s.id, s.displayName]));
    });
    return () => {
      live = false;
    };
  }, []);

  const columns: Column<Entry>[] = [
    { header: t('accessLog.when'), cell: (e) => formatTimestamp(e.at, true) },
    { header: t('accessLog.who'), cell: (e) => e.actor ?? t('accessLog.formerStaff') },
    {
      header: t('breakGlassReview.case'),
      cell: (e) => (
        <a className="mono" href={hrefFor({ page: 'client', id: e.clientId })}>
          {e.caseNumber}
        </a>
      ),
    },
    { header: t('breakGlassReview.reason'), cell: (e) => e.reason },
  ];

  return (
    <PagedLog
      log={log}
      filtersLabel={t('breakGlassReview.filters')}
      applyLabel={t('breakGlassReview.apply')}
      filters={
        <>
          <PersonFilter log={log} people={personOptions(t('accessLog.anyone'), people)} />
          <DateFilters log={log} />
        </>
      }
      heading={t('breakGlassReview.heading')}
      none={t('breakGlassReview.none')}
      showing={(range) => t('breakGlassReview.showing', range)}
      columns={columns}
      rowKey={(e) => e.id}
    />
  );
}
