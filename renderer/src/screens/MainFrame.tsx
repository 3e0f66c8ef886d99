// renderer/: the frame once someone is signed in: who and where, the Lock button, language, sections.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import type { AppStatus } from '../../../shared/schemas/session';
import { call } from '../api/client';
import { lockNow } from '../app/lock';
import { hrefFor, useRoute, type Route } from '../app/router';
import { LanguageSelect } from '../components/LanguageSelect';
import { useT } from '../i18n/i18n';
import { AccessLogPage } from './AccessLogPage';
import { AccountPage } from './AccountPage';
import { AdminPage } from './AdminPage';
import { BackupBanner } from './BackupBanner';
import { CaseloadPage } from './CaseloadPage';
import { ClientProfilePage } from './client/ClientProfilePage';
import { DuePage } from './DuePage';
import { DashboardPage } from './dashboard/DashboardPage';
import { WeekPage } from './appointments/WeekPage';
import { FirstContactPage } from './client/FirstContactPage';
import { PartnersPage } from './PartnersPage';
import { ReportsPage } from './ReportsPage';
import { ReviewPage } from './review/ReviewPage';
import { SyncIndicator } from './team/SyncIndicator';

type Unlocked = Extract<AppStatus, { state: 'unlocked' }>;
type Section = 'due' | 'week' | 'dashboard' | 'caseload' | 'partners' | 'review' | 'reports' | 'access-log' | 'admin' | 'account';

/**
 * What each role finds in the navigation, first section first. The dispatcher enforces the same
 * rules; this only spares people screens that would answer "your role does not allow this".
 * Auditors never see identities, so they have no caseload. Caseworkers keep the Reports entry: it
 * tells them calmly who makes reports instead of disappearing.
 */
const sectionsFor: Record<Role, readonly Section[]> = {
  admin: ['due', 'week', 'dashboard', 'caseload', 'partners', 'review', 'reports', 'access-log', 'admin', 'account'],
  supervisor: ['due', 'week', 'dashboard', 'caseload', 'partners', 'review', 'reports', 'access-log', 'account'],
  caseworker: ['due', 'week', 'caseload', 'partners', 'review', 'reports', 'account'],
  auditor: ['access-log', 'reports', 'account'],
};

/** Which navigation section a screen belongs to: a client's screens sit under the caseload. */
function sectionOf(route: Route): Section | null {
  if (route.page === 'home') return null;
  return route.page === 'new-client' || route.page === 'client' ? 'caseload' : route.page;
}

export function MainFrame({ status }: { status: Unlocked }) {
  const { t } = useT();
  const asked = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  const sections = sectionsFor[status.user.role];
  const homePage = sections[0] ?? 'account';
  const askedSection = sectionOf(asked);
  const allowed = askedSection !== null && sections.includes(askedSection);
  const route: Route = allowed ? asked : { page: homePage };
  const current = sectionOf(route);
  const backups = useBackupStatus(route.page);

  // No address yet (just signed in), or one this role has no screen for (an old bookmark), goes home.
  useEffect(() => {
    if (!allowed) location.replace(hrefFor({ page: homePage }));
  }, [allowed, homePage]);

  return (
    <div className="frame">
      <a
        href="#main"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('common.skipToContent')}
      </a>
      <header className="frame-header">
        <div className="identity">
          <p className="brand">{t('app.name')}</p>
          <p className="agency">{status.agencyName}</p>
          <p className="user">
            {t('frame.signedInAs', { name: status.user.displayName, role: t(`role.${status.user.role}`) })}
          </p>
        </div>
        <div className="frame-tools">
          <SyncIndicator />
          <LanguageSelect />
          <button type="button" className="lock-button" onClick={() => void lockNow()} title={t('frame.lockHint')}>
            {t('frame.lock')}
          </button>
        </div>
      </header>
      {status.demo ? <p className="demo-banner">{t('frame.demo')}</p> : null}
      {status.anchorNotice === 'first-use' ? <p role="status">{t('frame.anchorFirstUse')}</p> : null}
      {status.anchorNotice === 'rolled-back' || status.anchorNotice === 'anchor-missing' ? (
        <p role="alert" className="demo-banner">
          {t(status.anchorNotice === 'rolled-back' ? 'frame.anchorRolledBack' : 'frame.anchorMissing')}
        </p>
      ) : null}
      <BackupBanner status={backups.status} isAdmin={status.user.role === 'admin'} />
      <nav aria-label={t('frame.nav')} className="frame-nav">
        <ul>
          {sections.map((s) => (
            <li key={s}>
              <a
                href={hrefFor({ page: s })}
                aria-current={current === s ? (route.page === s ? 'page' : 'true') : undefined}
              >
                {t(`nav.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1} className="frame-main">
        <Screen route={route} status={status} onBackupMade={backups.refresh} />
      </main>
    </div>
  );
}

/** How old the last backup is, read again on each new page and after a backup is made. */
function useBackupStatus(page: Route['page']) {
  const [status, setStatus] = useState<Output<'backup.status'> | null>(null);
  const refresh = useCallback(() => {
    void call('backup.status', {}).then((result) => {
      if (result.ok) setStatus(result.value);
    });
  }, []);
  useEffect(() => refresh(), [refresh, page]);
  return { status, refresh };
}

function Screen({ route, status, onBackupMade }: { route: Route; status: Unlocked; onBackupMade: () => void }) {
  switch (route.page) {
    case 'home':
      return null;
    case 'due':
      return <DuePage key="due" />;
    case 'dashboard':
      return <DashboardPage key="dashboard" />;
    case 'week':
      return <WeekPage key="week" user={status.user} />;
    case 'caseload':
      return <CaseloadPage key="caseload" user={status.user} />;
    case 'partners':
      return <PartnersPage key="partners" user={status.user} />;
    case 'new-client':
      return <FirstContactPage key="new-client" />;
    case 'client':
      return <ClientProfilePage key={route.id} id={route.id} user={status.user} />;
    case 'reports':
      return <ReportsPage key="reports" user={status.user} />;
    case 'access-log':
      return <AccessLogPage key="access-log" user={status.user} />;
    case 'admin':
      return <AdminPage key="admin" user={status.user} section={route.section} onBackupMade={onBackupMade} />;
    case 'account':
      return <AccountPage key="account" />;
    case 'review':
      return <ReviewPage key="review" />;
  }
}
