// renderer/: the frame once someone is signed in: who and where, the Lock button, language, sections.
import { useRef, useState, type MouseEvent } from 'react';
import type { AppStatus } from '../../../shared/schemas/session';
import { lockNow } from '../app/lock';
import { LanguageSelect } from '../components/LanguageSelect';
import { useT } from '../i18n/i18n';
import { AdminPage } from './AdminPage';
import { CaseloadPage } from './CaseloadPage';
import { ReportsPage } from './ReportsPage';

type Unlocked = Extract<AppStatus, { state: 'unlocked' }>;
type Page = 'caseload' | 'reports' | 'admin';

export function MainFrame({ status }: { status: Unlocked }) {
  const { t } = useT();
  const [page, setPage] = useState<Page>('caseload');
  const mainRef = useRef<HTMLElement>(null);
  const pages: Page[] = status.user.role === 'admin' ? ['caseload', 'reports', 'admin'] : ['caseload', 'reports'];

  function go(next: Page) {
    return (event: MouseEvent) => {
      event.preventDefault();
      setPage(next);
    };
  }

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
          <LanguageSelect />
          <button type="button" className="lock-button" onClick={() => void lockNow()} title={t('frame.lockHint')}>
            {t('frame.lock')}
          </button>
        </div>
      </header>
      <nav aria-label={t('frame.nav')} className="frame-nav">
        <ul>
          {pages.map((p) => (
            <li key={p}>
              <a href={`#${p}`} aria-current={page === p ? 'page' : undefined} onClick={go(p)}>
                {t(`nav.${p}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1} className="frame-main">
        {page === 'caseload' ? <CaseloadPage key="caseload" /> : null}
        {page === 'reports' ? <ReportsPage key="reports" /> : null}
        {page === 'admin' && status.user.role === 'admin' ? <AdminPage key="admin" /> : null}
      </main>
    </div>
  );
}
