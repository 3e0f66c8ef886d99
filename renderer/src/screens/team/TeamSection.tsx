// renderer/: Admin → Team. Start a team with this laptop and a shared folder; invite a laptop for a
// named staff member (the one-time code is shown once, here, and nowhere else); the team's laptops
// with their last sync; revoke a laptop. Main does all of it (main/sync/team).
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import { focusSoon } from '../../components/focusSoon';
import { useT } from '../../i18n/i18n';
import { CreateTeamForm } from './CreateTeamForm';
import { InviteForm } from './InviteForm';
import { TeamLaptops } from './TeamLaptops';

export type TeamStatus = Output<'team.status'>;

export function TeamSection() {
  const { t } = useT();
  const headingId = useId();
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const load = useCallback(async () => {
    const result = await call('team.status', {});
    if (result.ok) setStatus(result.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby={headingId} className="admin-section">
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('team.title')}
      </h2>
      <div className="panel">
        <p>{t('team.explain')}</p>
        <p className="hint">{t('team.folderAdvice')}</p>
        {!status ? <p className="hint">{t('team.loading')}</p> : status.inTeam ? <TeamLaptops status={status} onChanged={load} /> : <CreateTeamForm
            onCreated={(created) => {
              setStatus(created);
              // The form and the button that had focus are gone; the section now lists the laptops.
              focusSoon(() => heading.current);
            }}
          />}
      </div>
      {status?.inTeam && status.manager ? <InviteForm /> : null}
    </section>
  );
}
