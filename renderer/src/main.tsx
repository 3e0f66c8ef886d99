// renderer/: entry of the sandboxed page. No Node, no network: it reaches main only via window.safehold.
import './api/zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { setWipe, takeLockReason } from './app/lock';
import { I18nProvider } from './i18n/i18n';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root');

// Read once, before the first render, then cleared from the address.
const lockReason = takeLockReason();
const root = createRoot(container);
setWipe(() => root.unmount());
root.render(
  <StrictMode>
    <I18nProvider>
      <App lockReason={lockReason} />
    </I18nProvider>
  </StrictMode>,
);
