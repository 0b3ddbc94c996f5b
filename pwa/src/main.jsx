/**
 * Entry point: open the session known on this device (works offline), render,
 * register the service worker.
 */
import { render } from 'preact';
import './ui/styles.css';
import { App } from './ui/App.jsx';
import { loadSession, confirmSession, onSessionEndedElsewhere } from './sync/index.js';
import { registerServiceWorker } from './sw-bridge.js';

// Another tab signed out (and wiped the data) or changed user: start over.
onSessionEndedElsewhere(() => location.reload());

async function boot() {
  await loadSession().catch((err) => console.error('cannot read local session', err));
  render(<App />, /** @type {HTMLElement} */ (document.getElementById('app')));
  // Ask the browser not to evict our data under storage pressure: the outbox holds
  // words not yet sent. Browsers may say no (they grant it to installed apps).
  navigator.storage?.persist?.().catch(() => {});
  // Online, ask the server who we are (signed in by the link just now?).
  confirmSession().catch((err) => console.warn('session check failed', err));
}

boot();
registerServiceWorker();
