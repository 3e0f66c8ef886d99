// renderer/: bulk reassignment from the caseload (issue 16 §3), for supervisors and administrators:
// the cases ticked in the list, in a table (each can be taken off again), and who takes them. The same
// call, check and worker choice as the dashboard's lists (screens/dashboard/reassign.tsx).
import { useId, useRef } from 'react';
import type { ClientRow } from '../../../../shared/schemas/clients';
import { DataTable } from '../../components/DataTable';
import { FormFrame } from '../../components/FormFrame';
import { useT } from '../../i18n/i18n';
import { useReassignForm, WorkerChoice, type Staff } from '../dashboard/reassign';

export function HandOverChosen(props: { chosen: readonly ClientRow[]; staff: Staff; onRemove: (id: string) => void; onHandedOver: () => void }) {
  const { t, formatNumber } = useT();
  const headingId = useId();
  // The form's check and call read the ticked cases as they are at the press.
  const chosen = useRef(props.chosen);
  chosen.current = props.chosen;
  const sf = useReassignForm({
    defaults: { workerId: '' },
    caseIds: () => chosen.current.map((c) => c.id),
    onSaved: () => {
      sf.form.reset({ workerId: '' });
      props.onHandedOver();
    },
  });
  const n = props.chosen.length;
  return (
    <section className="panel hand-over" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('caseload.handOverTitle')}</h2>
      <p className="hint">{t('caseload.handOverHint')}</p>
      <FormFrame form={sf} submitLabel={t('reassign.submit')} savedText={t('reassign.saved')}>
        {n === 0 ? (
          <p>{t('caseload.noneChosen')}</p>
        ) : (
          <DataTable
            caption={n === 1 ? t('caseload.chosenOne') : t('caseload.chosenMany', { count: formatNumber(n) })}
            rows={props.chosen}
            rowKey={(c) => c.id}
            columns={[
              { header: t('dashboard.case'), rowHeader: true, cell: (c) => `${c.caseNumber} · ${c.chosenName}` },
              { header: t('dashboard.worker'), cell: (c) => c.assignedWorker ?? t('dashboard.unassigned') },
              {
                header: t('caseload.chosenActions'),
                hiddenHeader: true,
                cell: (c) => (
                  <button type="button" onClick={() => props.onRemove(c.id)}>
                    {t('caseload.unchoose', { caseNumber: c.caseNumber })}
                  </button>
                ),
              },
            ]}
          />
        )}
        <WorkerChoice staff={props.staff} {...sf.field('workerId')} casesError={sf.errorAt('clientIds')} />
      </FormFrame>
    </section>
  );
}
