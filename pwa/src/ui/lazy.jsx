/**
 * Screens opened now and then (meetings, surveys, profile, requests, the Poradnia's staff pages)
 * come in chunks of their own, fetched the first time one is opened, so the first load over a
 * village link carries only what every visit needs. The service worker precaches every chunk
 * after the first visit: offline they open as before.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n.js';
import { Loading } from './bits.jsx';

/**
 * A component that loads `name` from the module `load` brings, showing "Wczytywanie…" meanwhile.
 * @param {() => Promise<Record<string, any>>} load @param {string} name
 * @returns {(props: any) => any}
 */
export function lazy(load, name) {
  /** @type {any} */
  let loaded = null;
  return function Lazy(props) {
    const [Component, setComponent] = useState(() => loaded);
    const [failed, setFailed] = useState(false);
    const fetchIt = () => {
      setFailed(false);
      load().then(
        (module) => {
          loaded = module[name];
          setComponent(() => loaded);
        },
        () => setFailed(true),
      );
    };
    useEffect(() => {
      if (!Component) fetchIt();
    }, []);
    if (Component) return <Component {...props} />;
    if (!failed) return <main class="page"><Loading /></main>;
    return (
      <main class="page">
        <p role="alert">{t('common.screenFailed')}</p>
        <button type="button" class="btn-secondary" onClick={fetchIt}>{t('common.retry')}</button>
      </main>
    );
  };
}
