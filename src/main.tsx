/**
 * Entry: builds the one store, wires its side effects (the one URL writer, engine, theme) as subscriptions, renders the app.
 * If wiring fails, the app still renders with the default scenario and a notice (never a blank page).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/theme.css';
import './app/app.css';
import './app/register-hooks';
import { App } from './app/App';
import { createEngineClient } from './engine/client';
import { StoreProvider } from './store/context';
import { connectEngine, reportEngineMode } from './store/effects';
import { createAppStore } from './store/store';
import type { Theme } from './store/types';
import { registryCatalog } from './store/url/catalog';
import { startUrlSync } from './store/url/sync';
import { startRestorers } from './store/restore';
import { registerServiceWorker } from './sw/register';

const THEME_KEY = 't2-explorer.theme';

function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // storage may be blocked; fall back to the system preference
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

const catalog = registryCatalog;
const store = createAppStore({ catalog, theme: initialTheme() });

const applyTheme = (theme: Theme) => {
  document.documentElement.dataset.theme = theme;
};
applyTheme(store.getState().theme);
store.subscribe((s, prev) => {
  if (s.theme === prev.theme) return;
  applyTheme(s.theme);
  try {
    localStorage.setItem(THEME_KEY, s.theme);
  } catch {
    // not persisted; the theme still applies for this visit
  }
});

// The one URL writer: the link's scenario, then the saved state (the user's fit, the lab's runs: the restorers
// src/app/register-hooks.ts registered), then the sections' keys (preset, lesson, step), then the canonical URL.
let restored = false;
try {
  startUrlSync({
    catalog,
    host: window,
    afterLinkRead: (s) => {
      restored = true;
      startRestorers(s);
    },
  })(store);
} catch (e) {
  store.getState().addNotice({
    id: 'url',
    source: 'url',
    level: 'error',
    text: 'The link could not be read; showing the default scenario.',
    details: [String(e)],
  });
}
if (!restored) startRestorers(store);
// Offline support (production builds only): the service worker precaches the app after the first visit.
window.addEventListener('load', () => {
  void registerServiceWorker({
    production: import.meta.env.PROD,
    nav: navigator,
    baseUrl: document.baseURI,
    onError: (message) => store.getState().addNotice({ id: 'offline', source: 'app', level: 'info', text: message }),
  });
});
const client = createEngineClient({ onModeChange: (mode, reason) => reportEngineMode(store, mode, reason) });
connectEngine(store, client);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store} catalog={catalog}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
}
