/**
 * The first load's JavaScript: the bundle index.html names and every chunk it imports
 * statically (not those fetched later by import()), gzip-compressed as the server sends them.
 *
 *   node tools/first-load.mjs          prints the files and the total (KB gzip)
 *   node tools/first-load.mjs --json   {"files": [...], "gzip": bytes, "raw": bytes}
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** The files the page loads before it runs, in order. @returns {string[]} */
export function firstLoadFiles() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('index.html names no script');
  const seen = new Set();
  /** @param {string} name */
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const code = readFileSync(join(dist, 'assets', name), 'utf8');
    // Static imports: `import{a}from"./chunk-X.js"` or `import"./chunk-X.js"` (not import("…")).
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^"'();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(m[1]);
  };
  visit(entry);
  return [...seen];
}

const files = firstLoadFiles();
let raw = 0;
let gz = 0;
for (const f of files) {
  const bytes = readFileSync(join(dist, 'assets', f));
  raw += bytes.length;
  gz += gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
}
if (process.argv.includes('--json')) console.log(JSON.stringify({ files, gzip: gz, raw }));
else console.log(`${files.join('\n')}\nfirst load: ${(raw / 1024).toFixed(1)} KB, gzip ${(gz / 1024).toFixed(1)} KB`);
