// `vite build --mode single`: the whole app in one HTML file that works opened from disk (file://),
// with no server and no network. Workers become Blob URLs of their inlined code (Vite's
// `?worker&inline`), the lazy chunks are inlined, fonts and the favicon become data: URLs, and the
// script and stylesheet are written into the page, allowed by their hashes in the page's CSP.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { singleFileCsp } from './csp.mjs';

export const SINGLE_FILE_NAME = 'mos-explorer.html';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const dataUrl = (type, bytes) => `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;

/**
 * Inline script text must neither close the element (`</script`) nor enter HTML's escaped script
 * states (`<!--`, `<script`). In a module those can only stand in literals and comments, where
 * `\x3C` reads as `<` (string, template and regular-expression literals alike).
 */
function escapeScript(js) {
  return js.replace(/<(?=!--|\/?script)/gi, '\\x3C');
}

function checkStyle(css) {
  if (/<\/style/i.test(css)) throw new Error('single file: the stylesheet contains "</style"');
  return css;
}

/** `url(/fonts/x.woff2)` (a file of public/) becomes a data: URL. */
function inlinePublicUrls(css, publicDir) {
  return css.replace(/url\((['"]?)\.{0,2}\/?(fonts\/[\w.-]+\.woff2)\1\)/g, (_, _q, file) =>
    `url(${dataUrl('font/woff2', readFileSync(join(publicDir, file)))})`);
}

/** The Vite plugin; only active in `--mode single`. */
export function singleFile(publicDir) {
  return {
    name: 'mos-explorer-single-file',
    apply: (_config, env) => env.command === 'build' && env.mode === 'single',
    enforce: 'pre',
    config: () => ({
      // Chrome refuses module workers from Blob URLs of a file:// page (opaque origin); classic ones run.
      worker: { format: 'iife' },
      build: {
        outDir: 'dist-single',
        copyPublicDir: false,
        modulePreload: false,
        assetsInlineLimit: Number.MAX_SAFE_INTEGER,
        cssCodeSplit: false,
        // One file is the point: its size is expected (the README gives it).
        chunkSizeWarningLimit: 8192,
        rolldownOptions: { output: { codeSplitting: false } },
      },
    }),
    // Every `?worker` import becomes `?worker&inline`: the worker's code travels inside the page.
    async resolveId(source, importer) {
      if (!/\?worker$/.test(source)) return null;
      return this.resolve(`${source}&inline`, importer, { skipSelf: true });
    },
    // After Vite's own html plugin has written index.html into the bundle.
    generateBundle: { order: 'post', handler(_options, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') return; // a worker's own bundle: it is inlined into the page's
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      const entry = chunks.filter((c) => c.isEntry);
      if (entry.length !== 1 || chunks.length !== 1) {
        throw new Error(`single file: expected one chunk, got ${chunks.map((c) => c.fileName).join(', ')}`);
      }
      const styles = Object.values(bundle).filter((f) => f.type === 'asset' && f.fileName.endsWith('.css'));
      const script = escapeScript(entry[0].code);
      const css = checkStyle(inlinePublicUrls(styles.map((s) => String(s.source)).join('\n'), publicDir));
      const icon = dataUrl('image/svg+xml', readFileSync(join(publicDir, 'favicon.svg')));
      const csp = singleFileCsp({ scripts: [sha256(script)], styles: [sha256(css)] });
      let page = String(html.source)
        .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
        .replace(/<script type="module"[^>]*src="[^"]*"><\/script>\s*/, '')
        .replace(/<link rel="stylesheet"[^>]*>\s*/g, '')
        .replace(/href="\.\/favicon\.svg"/, () => `href="${icon}"`);
      if (/<script[^>]+src=|<link rel="stylesheet"|\.\/assets\//.test(page)) throw new Error('single file: an external reference is left in the page');
      page = page
        .replace('<head>', () => `<head>\n    <meta http-equiv="Content-Security-Policy" content="${csp}">`)
        .replace('</head>', () => `    <style>${css}</style>\n  </head>`)
        .replace('</body>', () => `    <script type="module">${script}</script>\n  </body>`);
      for (const name of Object.keys(bundle)) delete bundle[name];
      this.emitFile({ type: 'asset', fileName: SINGLE_FILE_NAME, source: page });
    } },
  };
}
