// renderer/: Admin → Team. Start a team with this laptop and a shared folder; invite a laptop for a
// named staff member (the one-time code is shown once, here, and nowhere else); the team's laptops
// with their last sync; revoke a laptop. Main does all of it (main/sync/team).
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import { errorAt } from '../../components/forms';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { isAbsolutePath } from '../../components/paths';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';

type Status = Output<'team.status'>;
type Staff = Output<'staff.list'>['staff'];

export function TeamSection() {
  const { t } = useT();
  const headingId = useId();
  const [status, setStatus] = useState<Status | null>(null);
  const load = useCallback(async () => {
    const result = await call('team.status', {});
    if (result.ok) setStatus(result.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby={headingId} className="admin-section">
      <h2 id={headingId}>{t('team.title')}</h2>
      <div className="panel">
        <p>{t('team.explain')}</p>
        <p className="hint">{t('team.folderAdvice')}</p>
        {!status ? <p className="hint">{t('team.loading')}</p> : status.inTeam ? <TeamLaptops status={status} onChanged={load} /> : <CreateTeam onCreated={setStatus} />}
      </div>
      {status?.inTeam && status.manager ? <InviteForm /> : null}
    </section>
  );
}

function CreateTeam({ onCreated }: { onCreated: (status: Status) => void }) {
  const { t } = useT();
  const [folder, setFolder] = useState('');
  const submit = useSubmit();
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const path = folder.trim();
    const done = await submit.run({ folder: !path ? t('field.required') : isAbsolutePath(path) ? undefined : t('backups.fullPath') }, () => call('team.create', { folder: path }));
    if (done) onCreated(done);
  }
  return (
    <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
      <ErrorMessage>{submit.formError}</ErrorMessage>
      <TextField
        label={t('team.folder')}
        hint={t('team.folderHint')}
        value={folder}
        onChange={setFolder}
        autoComplete="off"
        className="mono"
        error={errorAt(submit.errors, 'folder')}
        maxLength={4096}
        required
      />
      <StatusMessage>{submit.busy ? t('team.creating') : null}</StatusMessage>
      <div className="actions">
        <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
          {t('team.create')}
        </button>
      </div>
    </form>
  );
}

function TeamLaptops({ status, onChanged }: { status: Status; onChanged: () => Promise<void> }) {
  const { t, formatTimestamp } = useT();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  async function revoke(laptopId: string) {
    setError('');
    const result = await call('team.revoke', { laptopId });
    setConfirming(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setMessage(t('team.revoked'));
    await onChanged();
  }
  return (
    <>
      <ErrorMessage>{error}</ErrorMessage>
      <StatusMessage tone="success">{message || null}</StatusMessage>
      <div className="table-scroll">
      <table>
        <caption>{t('team.laptops')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('team.person')}</th>
            <th scope="col">{t('team.laptop')}</th>
            <th scope="col">{t('team.lastSync')}</th>
            <th scope="col">{t('team.state')}</th>
            <th scope="col">{t('team.accessLog')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('team.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {status.laptops.map((l) => (
            <tr key={l.laptopId}>
              <td>{l.personName ?? '—'}{l.self ? ` ${t('team.thisLaptop')}` : ''}</td>
              <td>
                <code>{l.laptopId}</code>
              </td>
              <td>{l.lastSyncAt ? formatTimestamp(l.lastSyncAt, true) : t('team.never')}</td>
              <td>{t(l.status === 'active' ? 'team.active' : 'team.revokedState')}</td>
              <td>{t(l.accessLogIntact ? 'team.logIntact' : 'team.logBroken')}</td>
              <td>
                {status.manager && l.status === 'active' && !l.self ? (
                  confirming === l.laptopId ? (
                    <span role="group" aria-label={t('team.confirmRevoke', { laptop: l.laptopId })}>
                      <button type="button" onClick={() => void revoke(l.laptopId)}>
                        {t('team.revokeYes')}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(null)}>
                        {t('team.cancel')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" onClick={() => setConfirming(l.laptopId)} aria-label={t('team.revokeLabel', { laptop: l.laptopId })}>
                      {t('team.revoke')}
                    </button>
                  )
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <p className="hint">{t('team.revokeExplain')}</p>
    </>
  );
}

function InviteForm() {
  const { t, formatTimestamp } = useT();
  const headingId = useId();
  const [staff, setStaff] = useState<Staff>([]);
  const [userId, setUserId] = useState('');
  const [file, setFile] = useState('');
  const [made, setMade] = useState<Output<'team.invite'> | null>(null);
  const submit = useSubmit();
  const selectId = useId();
  useEffect(() => {
    void call('staff.list', {}).then((result) => {
      if (result.ok) setStaff(result.value.staff.filter((s) => s.active));
    });
  }, []);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMade(null);
    const path = file.trim();
    const done = await submit.run(
      { userId: userId ? undefined : t('field.required'), file: !path ? t('field.required') : isAbsolutePath(path) ? undefined : t('backups.fullPath') },
      () => call('team.invite', { userId, file: path }),
    );
    if (done) setMade(done);
  }
  return (
    <div className="panel">
      <h3 id={headingId}>{t('team.inviteTitle')}</h3>
      <p>{t('team.inviteExplain')}</p>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <div className="field">
          <label htmlFor={selectId}>{t('team.inviteFor')}</label>
          <select id={selectId} value={userId} onChange={(e) => setUserId(e.target.value)} aria-invalid={errorAt(submit.errors, 'userId') ? true : undefined}>
            <option value="">{t('team.choosePerson')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('team.inviteFile')}
          hint={t('team.inviteFileHint')}
          value={file}
          onChange={(value) => {
            setFile(value);
            setMade(null);
          }}
          autoComplete="off"
          className="mono"
          error={errorAt(submit.errors, 'file')}
          maxLength={4096}
          required
        />
        <StatusMessage tone={made ? 'success' : 'info'}>
          {submit.busy ? (
            t('team.inviting')
          ) : made ? (
            <>
              <p>{t('team.invited', { date: formatTimestamp(made.expiresAt) })}</p>
              <p>{t('team.codeOnce')}</p>
              <p className="setup-code">
                <code aria-label={t('team.codeLabel')}>{made.code}</code>
              </p>
            </>
          ) : null}
        </StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('team.invite')}
          </button>
        </div>
      </form>
    </div>
  );
}
