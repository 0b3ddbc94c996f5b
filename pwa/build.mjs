/**
 * Builds the PWA into dist/. First src/sync/rules.json, the mutations' argument
 * rules from the server's schemas (`krag rules`, from the venv `make install`
 * makes, or $KRAG); then hashed bundles, index.html, the public files
 * (manifest, icons), the Workbox service worker that precaches them and, last,
 * brotli and gzip copies of the text files for the server to send. All of it is
 * written beside dist/ and put in its place at the end, with the previous
 * build's hashed files kept for one more build.
 *
 *   node build.mjs            production build
 *   node build.mjs --watch    rebuild on change (no service worker refresh)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { build, context } from 'esbuild';
import { generateSW } from 'workbox-build';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const root = dirname(fileURLToPath(import.meta.url));
const out = join(root, 'dist');
const watch = process.argv.includes('--watch');
// A production build is written beside dist/ and put in its place at the end, so the server never
// serves half a build (nor none: "pwa_not_built"). --watch writes into dist/ itself.
const dist = watch ? out : join(root, `.dist-next-${process.pid}`);

/**
 * The message files keep Polish and English side by side; the app's words/pl.js and words/en.js
 * take one language each from them. Here each becomes that language's words alone (read from
 * messages.js in Node), so the first load carries Polish only and English comes in its own chunk
 * when chosen. Not in --watch (words/*.js work as they are, with both languages).
 * @type {import('esbuild').Plugin}
 */
const words = {
  name: 'words',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]ui[\\/]words[\\/](pl|en)\.js$/ }, async (args) => {
      const lang = /** @type {'pl'|'en'} */ (basename(args.path, '.js'));
      const { messages } = await import(pathToFileURL(join(root, 'src/ui/messages.js')).href);
      return { contents: `export default ${JSON.stringify(messages[lang])};`, loader: 'js' };
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const options = {
  entryPoints: [join(root, 'src/main.jsx')],
  outdir: join(dist, 'assets'),
  entryNames: 'app-[hash]',
  assetNames: '[name]-[hash]',
  bundle: true,
  format: 'esm',
  // What a screen loads only when used (import(): the passkey library) comes in a chunk of its
  // own, fetched then (and precached by the service worker), not with the first load.
  splitting: true,
  chunkNames: 'chunk-[hash]',
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  // Cheap Android phones often run an older WebView.
  target: ['chrome80', 'firefox78', 'safari14'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  metafile: true,
  legalComments: 'none',
  logLevel: 'info',
  define: { 'process.env.NODE_ENV': watch ? '"development"' : '"production"' },
};

/** index.html pointing at this build's hashed files. @param {import('esbuild').Metafile} meta */
async function writeIndex(meta) {
  // The entry's bundle and its CSS.
  // Screens loaded by import() are entry points too in the metafile: find main.jsx's own.
  const [jsPath, entry] = Object.entries(meta.outputs).find(([, o]) => o.entryPoint?.endsWith('src/main.jsx')) || [];
  const js = jsPath && basename(jsPath);
  const css = entry?.cssBundle && basename(entry.cssBundle);
  if (!js || !css) throw new Error(`bundle incomplete: ${Object.keys(meta.outputs).join(', ')}`);
  // esbuild does not load the CSS of a screen fetched later by import(): the page links every
  // stylesheet at once (a few KB), so a screen never shows unstyled, offline either.
  const later = Object.keys(meta.outputs).filter((p) => p.endsWith('.css') && basename(p) !== css);
  const links = later.map((p) => `\n  <link rel="stylesheet" href="/assets/${basename(p)}">`).join('');
  const styles = `<link rel="stylesheet" href="/assets/${css}">${links}`;
  const html = (await readFile(join(root, 'src/index.html'), 'utf8'))
    .replace('__JS__', `/assets/${js}`)
    .replace('<link rel="stylesheet" href="__CSS__">', styles);
  await writeFile(join(dist, 'index.html'), html);
  // What the service worker shows for a page it does not hold when there is no connection.
  const offline = (await readFile(join(root, 'src/offline.html'), 'utf8')).replace('<link rel="stylesheet" href="__CSS__">', styles);
  await writeFile(join(dist, 'offline.html'), offline);
}

async function writeServiceWorker() {
  const { count, size, warnings } = await generateSW({
    globDirectory: dist,
    globPatterns: ['index.html', 'offline.html', 'assets/*.{js,css}', 'manifest.webmanifest', 'icons/*.png'],
    swDest: join(dist, 'sw.js'),
    cacheId: 'krag',
    // Hashed file names need no revision; index.html, icons and manifest get one.
    dontCacheBustURLsMatching: /^assets\//,
    navigateFallback: '/index.html',
    // Never answer API, sign-in links or the live channel from the cache.
    navigateFallbackDenylist: [/^\/api\//, /^\/auth\//, /^\/socket\.io\//],
    // Those pages (a sign-in link, a file opened in a tab of its own) come from the server only; with
    // no connection she gets the offline page instead of the browser's error.
    runtimeCaching: [{
      urlPattern: ({ request, url }) => request.mode === 'navigate' && /^\/(api|auth)\//.test(url.pathname),
      handler: 'NetworkOnly',
      options: { precacheFallback: { fallbackURL: '/offline.html' } },
    }],
    directoryIndex: 'index.html',
    cleanupOutdatedCaches: true,
    clientsClaim: true, // the first visit is controlled at once: offline works after it
    skipWaiting: false, // an update waits until the user chooses "odśwież"
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
  });
  for (const w of warnings) console.warn('workbox:', w);
  console.log(`sw.js precaches ${count} files, ${(size / 1024).toFixed(1)} KiB`);
}

// Text worth compressing: the bundles, the shell, sw.js and the manifest (icons are PNG already).
const TEXT = /\.(html|js|css|webmanifest|json|svg|txt)$/;
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Brotli and gzip copies beside each text file (app.js.br, app.js.gz): the server sends
 * the one a request's Accept-Encoding asks for, so a weak link gets compressed bytes
 * whatever runs in front of it. Written last, from the files as they will be served.
 */
async function writeCompressed() {
  const files = (await readdir(dist, { recursive: true })).filter((f) => TEXT.test(f));
  let plain = 0;
  let packed = 0;
  for (const file of files) {
    const bytes = await readFile(join(dist, file));
    const br = await brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    const gz = await gzipped(bytes, { level: constants.Z_BEST_COMPRESSION });
    // A copy no smaller than the file would only cost a header.
    if (br.length < bytes.length) await writeFile(join(dist, `${file}.br`), br);
    if (gz.length < bytes.length) await writeFile(join(dist, `${file}.gz`), gz);
    plain += bytes.length;
    packed += Math.min(br.length, bytes.length);
  }
  console.log(`compressed ${files.length} files: ${(plain / 1024).toFixed(1)} KiB, brotli ${(packed / 1024).toFixed(1)} KiB`);
}

/** The rules the local mutators check, written once on the server (server/rules_export.py). */
function writeRules() {
  const krag = process.env.KRAG || join(root, '..', '.venv', 'bin', 'krag');
  if (!existsSync(krag)) throw new Error(`${krag} is missing: \`make install\` makes the server's venv first (or set KRAG)`);
  execFileSync(krag, ['rules', '--out', join(root, 'src/sync/rules.json')], { stdio: 'inherit' });
}

/**
 * The previous build's hashed files stay for one more build: a page of that version still open,
 * or its service worker still precaching on a slow link, fetches its chunks after the new build
 * is in place (an English switch, a lazily loaded screen). Only those its sw.js listed: two
 * builds at most.
 */
async function keepPrevious() {
  const sw = join(out, 'sw.js');
  if (!existsSync(sw)) return;
  const listed = new Set([...(await readFile(sw, 'utf8')).matchAll(/url:"(assets\/[^"]+)"/g)].map((m) => m[1]));
  for (const file of listed) {
    for (const name of [file, `${file}.br`, `${file}.gz`]) {
      if (existsSync(join(out, name)) && !existsSync(join(dist, name))) await cp(join(out, name), join(dist, name));
    }
  }
}

/** The finished build takes dist/'s place (two renames: no moment with half of one). */
async function putInPlace() {
  const old = `${out}.old-${process.pid}`;
  if (existsSync(out)) await rename(out, old);
  await rename(dist, out);
  await rm(old, { recursive: true, force: true });
}

async function main() {
  writeRules();
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await cp(join(root, 'public'), dist, { recursive: true });
  if (watch) {
    const ctx = await context({
      ...options,
      plugins: [{ name: 'index', setup: (b) => b.onEnd((r) => r.metafile && writeIndex(r.metafile)) }],
    });
    await ctx.watch();
    return;
  }
  const result = await build({ ...options, plugins: [words] });
  await writeIndex(result.metafile);
  await writeServiceWorker();
  await writeCompressed();
  await keepPrevious();
  await putInPlace();
}

main().catch(async (err) => {
  console.error(err);
  if (!watch) await rm(dist, { recursive: true, force: true });
  process.exit(1);
});
