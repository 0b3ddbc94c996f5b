/**
 * Entry point: open the session known on this device (works offline), render,
 * register the service worker.
 */
import { render } from 'preact';
import './ui/styles.css';
import { App } from './ui/App.jsx';
import { wordsReady } from './ui/i18n.js';
import { loadSession, confirmSession, onSessionEndedElsewhere } from './sync/index.js';
import { registerServiceWorker } from './sw-bridge.js';

// Another tab signed out (and wiped the data) or changed user: start over.
onSessionEndedElsewhere(() => location.reload());

/**
 * Ask the browser not to evict our data under storage pressure: the outbox holds
 * words not yet sent. Chromium decides silently; Firefox would show a prompt on
 * first load, so there we ask only once the app is installed.
 */
function askToKeepData() {
  const silent = 'userAgentData' in navigator || matchMedia('(display-mode: standalone)').matches;
  if (silent) navigator.storage?.persist?.().catch(() => {});
}

async function boot() {
  await Promise.all([loadSession().catch((err) => console.error('cannot read local session', err)), wordsReady]);
  render(<App />, /** @type {HTMLElement} */ (document.getElementById('app')));
  askToKeepData();
  // Online, ask the server who we are (signed in by the link just now?).
  confirmSession().catch((err) => console.warn('session check failed', err));
}

boot();
registerServiceWorker();
