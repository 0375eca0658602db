import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { App } from './app/App';
import { AppProviders } from './app/providers';
import './styles.css';
import { announceReady } from './lib/events';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders>
      <App />
    </AppProviders>
  </StrictMode>,
);

// after React has committed the first screen and the browser has painted it
requestAnimationFrame(() => setTimeout(announceReady, 0));
