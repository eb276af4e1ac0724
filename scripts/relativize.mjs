// Astro writes root-absolute URLs (/_astro/…) into HTML, island attributes and CSS, and has no
// relative base option. An LMS serves the package from a deep path of its choosing, so every
// such URL is rewritten relative to the file that contains it. Pages are flat files at the
// root of dist/, so "./_astro/x" is right for every page; inside _astro/ CSS and JS, "./x".
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, dirname, posix, sep } from 'node:path';

const distDir = process.argv[2] ?? 'dist';

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** Relative URL from the directory of `fromFile` to the dist-root path `target` ("/_astro/x.js"). */
function relativeUrl(fromFile, target) {
  const fromDir = relative(distDir, dirname(fromFile)).split(sep).join('/');
  let rel = posix.relative(fromDir || '.', target.slice(1));
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

// Root-absolute URLs in attributes, JSON-in-attributes, CSS url() and JS string literals.
const ABSOLUTE = /(["'`(=]|&quot;|\s)\/(_astro\/[^"'`)\s&]+)/g;

export function relativize(file, text) {
  return text.replace(ABSOLUTE, (_, lead, path) => `${lead}${relativeUrl(file, `/${path}`)}`);
}

let changed = 0;
for (const file of walk(distDir)) {
  if (!/\.(html|css|js|mjs|json|svg)$/.test(file)) continue;
  const before = readFileSync(file, 'utf8');
  const after = relativize(file, before);
  if (after !== before) {
    writeFileSync(file, after);
    changed++;
  }
}
console.log(`relativize: rewrote root-absolute URLs in ${changed} file(s) under ${distDir}/`);
