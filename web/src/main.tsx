import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './app/App.tsx';
import { SessionProvider } from './lib/session.tsx';
import './styles/base.css';
import './styles/buttons.css';
import './styles/forms.css';
import './styles/feedback.css';
import './styles/table.css';
import './styles/header.css';
import './styles/layout.css';
import './styles/auth.css';
import './styles/pages.css';
import './styles/alerts.css';
import './styles/preparedness.css';
import './styles/ops.css';
import './styles/home.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The service worker keeps the app shell for offline use (web/public/sw.js); not in development, where files change
// on every edit. Once the app has been open a minute, it is asked to keep every file of the current build, so
// pages not yet opened also open without signal.
const PRECACHE_AFTER_MS = 60_000;
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(async () => {
        const ready = await navigator.serviceWorker.ready;
        window.setTimeout(() => ready.active?.postMessage({ type: 'precache' }), PRECACHE_AFTER_MS);
      })
      .catch(() => undefined);
  });
}

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <App />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
