// renderer/: the frame around screens shown before anyone is signed in (setup, sign in, recovery).
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { LanguageSelect } from './LanguageSelect';

export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useT();
  return (
    <div className="public-shell">
      <header className="public-header no-print">
        <p className="brand">{t('app.name')}</p>
        <LanguageSelect />
      </header>
      <main className="public-main">{children}</main>
    </div>
  );
}
