// renderer/: the cases behind one dashboard number (only cases the viewer may open, as main decides),
// each a link to the case. Supervisors and admins can tick cases and hand them to another worker in
// one step (bulk reassignment); the list and the figures are read again afterwards.
import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { DashboardFigure } from '../../../../shared/schemas/dashboard';
import { call } from '../../api/client';
import { hrefFor } from '../../app/router';
import { DataTable } from '../../components/DataTable';
import { FormFrame } from '../../components/FormFrame';
import { useT } from '../../i18n/i18n';
import { useReassignForm, WorkerChoice, type Staff } from './reassign';

export interface Opened {
  figure: DashboardFigure;
  workerId?: string;
  label: string;
  noContactDays: number;
}
type Cases = Output<'dashboard.list'>;

interface Selection {
  workerId: string;
  /** Case id -> ticked. */
  selected: Record<string, boolean>;
}
const emptySelection = (): Selection => ({ workerId: '', selected: {} });

export function DashboardCases(props: { opened: Opened; onClose: () => void; onChanged: () => void }) {
  const { t, formatDay } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [list, setList] = useState<Cases | null>(null);
  const [staff, setStaff] = useState<Staff>([]);
  const { figure, workerId, noContactDays } = props.opened;
  const reload = () =>
    call('dashboard.list', { figure, noContactDays, ...(workerId ? { workerId } : {}) }).then((r) => setList(r.ok ? r.value : { cases: [], truncated: false }));
  useEffect(() => {
    void reload();
    void call('staff.list', {}).then((r) => r.ok && setStaff(r.value.staff));
    heading.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const sf = useReassignForm({
    defaults: emptySelection(),
    caseIds: (v) => Object.keys(v.selected).filter((id) => v.selected[id]),
    onSaved: async () => {
      sf.form.reset(emptySelection());
      await reload();
      props.onChanged();
    },
  });
  const selected = sf.form.watch('selected');
  return (
    <section aria-labelledby="dashboard-list-heading" className="dashboard-list">
      <h2 id="dashboard-list-heading" ref={heading} tabIndex={-1}>
        {props.opened.label}
      </h2>
      <button type="button" onClick={props.onClose}>
        {t('dashboard.closeList')}
      </button>
      {list === null ? (
        <p role="status">{t('common.working')}</p>
      ) : list.cases.length === 0 ? (
        <p>{t('dashboard.noCases')}</p>
      ) : (
        <FormFrame form={sf} submitLabel={t('reassign.submit')} savedText={t('reassign.saved')}>
          {list.truncated ? <p className="hint">{t('dashboard.truncated', { n: list.cases.length })}</p> : null}
          <DataTable
            rows={list.cases}
            rowKey={(c) => c.clientId}
            columns={[
              {
                header: t('reassign.select'),
                cell: (c) => (
                  <input
                    type="checkbox"
                    aria-label={t('reassign.selectCase', { caseNumber: c.caseNumber })}
                    checked={selected[c.clientId] === true}
                    onChange={(e) => sf.form.setValue(`selected.${c.clientId}`, e.target.checked)}
                  />
                ),
              },
              {
                header: t('dashboard.case'),
                cell: (c) => (
                  <a href={hrefFor({ page: 'client', id: c.clientId })}>
                    {c.caseNumber} · {c.chosenName}
                  </a>
                ),
              },
              { header: t('dashboard.worker'), cell: (c) => c.workerName ?? t('dashboard.unassigned') },
              { header: t('common.date'), cell: (c) => (c.date ? formatDay(c.date, 'medium') : '') },
            ]}
          />
          <WorkerChoice staff={staff} {...sf.field('workerId')} casesError={sf.errorAt('clientIds')} />
        </FormFrame>
      )}
    </section>
  );
}
