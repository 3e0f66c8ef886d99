// renderer/: the staff list for administrators: who has an account, their role and whether they can
// sign in, with adding, role changes, passphrase resets, deactivation and reactivation.
import { useCallback, useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import type { RpcError } from '../../../../shared/errors';
import type { StaffListOutput } from '../../../../shared/schemas/clients';
import type { SessionUser } from '../../../../shared/schemas/session';
import { call } from '../../api/client';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { SetupCodeSheet, type IssuedCode } from '../../components/SetupCodeSheet';
import { useT } from '../../i18n/i18n';
import { AddStaffForm } from './AddStaffForm';
import { ChangeRoleDialog, DeactivateDialog, ResetPassphraseDialog, type StaffPerson } from './StaffDialogs';

type Staff = z.infer<typeof StaffListOutput>['staff'];
type Open = { action: 'role' | 'reset' | 'deactivate'; person: StaffPerson } | null;

export function StaffSection({ user }: { user: SessionUser }) {
  const { t, errorMessage } = useT();
  const headingId = useId();
  const [staff, setStaff] = useState<Staff | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [note, setNote] = useState('');
  const [busyId, setBusyId] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await call('staff.list', {});
    if (result.ok) {
      setStaff(result.value.staff);
      setError(null);
    } else setError(result.error);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  function showCode(code: IssuedCode) {
    setOpen(null);
    setNote('');
    setIssued(code);
    void reload();
  }

  async function reactivate(person: StaffPerson) {
    if (busyId) return;
    setBusyId(person.id);
    setNote('');
    setError(null);
    const result = await call('staff.reactivate', { userId: person.id });
    setBusyId(null);
    if (result.ok) showCode({ ...result.value, name: person.displayName });
    else setError(result.error);
  }

  return (
    <section aria-labelledby={headingId} className="admin-section">
      <h2 id={headingId}>{t('staff.title')}</h2>
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      <StatusMessage tone="success">{note || null}</StatusMessage>
      {issued ? <SetupCodeSheet issued={issued} onDone={() => setIssued(null)} /> : null}
      {staff === null && !error ? <p role="status">{t('common.working')}</p> : null}
      {staff ? (
        <div className="table-scroll">
          <table aria-labelledby={headingId} className="staff-table">
            <thead>
              <tr>
                <th scope="col">{t('staff.name')}</th>
                <th scope="col">{t('staff.role')}</th>
                <th scope="col">{t('staff.status')}</th>
                <th scope="col">{t('staff.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((person) => {
                const self = person.id === user.id;
                return (
                  <tr key={person.id}>
                    <th scope="row">
                      {person.displayName}
                      {self ? <span className="hint"> {t('staff.you')}</span> : null}
                    </th>
                    <td>{t(`role.${person.role}`)}</td>
                    <td>
                      <span className={person.active ? 'badge badge-active' : 'badge'}>
                        {person.active ? t('staff.active') : t('staff.deactivated')}
                      </span>
                    </td>
                    <td>
                      {self ? (
                        <span className="hint">{t('staff.selfNote')}</span>
                      ) : (
                        <div className="row-actions">
                          {person.active ? (
                            <>
                              <RowButton label={t('staff.changeRole')} name={person.displayName} onClick={() => setOpen({ action: 'role', person })} />
                              <RowButton label={t('staff.reset')} name={person.displayName} onClick={() => setOpen({ action: 'reset', person })} />
                              <RowButton label={t('staff.deactivate')} name={person.displayName} onClick={() => setOpen({ action: 'deactivate', person })} />
                            </>
                          ) : (
                            <RowButton
                              label={t('staff.reactivate')}
                              name={person.displayName}
                              busy={busyId === person.id}
                              onClick={() => void reactivate(person)}
                            />
                          )}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <AddStaffForm onAdded={showCode} />

      {open?.action === 'role' ? (
        <ChangeRoleDialog
          person={open.person}
          onClose={() => setOpen(null)}
          onChanged={(role) => {
            setOpen(null);
            setNote(t('staff.roleChanged', { name: open.person.displayName, role: t(`role.${role}`) }));
            void reload();
          }}
        />
      ) : null}
      {open?.action === 'reset' ? <ResetPassphraseDialog person={open.person} onClose={() => setOpen(null)} onIssued={showCode} /> : null}
      {open?.action === 'deactivate' ? (
        <DeactivateDialog
          person={open.person}
          onClose={() => setOpen(null)}
          onDeactivated={() => {
            setOpen(null);
            setIssued(null);
            setNote(t('staff.deactivatedNote', { name: open.person.displayName }));
            void reload();
          }}
        />
      ) : null}
    </section>
  );
}

/** The visible words stay short; the person's name is added for screen readers, who hear buttons out of the table. */
function RowButton(props: { label: string; name: string; busy?: boolean; onClick: () => void }) {
  return (
    <button type="button" aria-disabled={props.busy || undefined} onClick={props.onClick}>
      {props.label}
      <span className="visually-hidden"> ({props.name})</span>
    </button>
  );
}
