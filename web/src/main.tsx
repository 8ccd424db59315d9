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

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <App />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
