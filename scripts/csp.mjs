// The Content-Security-Policy of the built app: only its own scripts, workers, styles and fonts;
// no inline script, no eval, nothing fetched from elsewhere. Inline style attributes are allowed
// (React's `style` props set them), inline <style> elements are not.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The policy of the single offline file (`npm run build:single`), opened from disk: its one script
 * and one stylesheet are inline, allowed by their hashes (still no 'unsafe-inline' and no eval);
 * workers come from Blob URLs of the inlined worker code, fonts and icons from data: URLs; nothing
 * else is loaded, from disk or from a network.
 */
export function singleFileCsp({ scripts, styles }) {
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ')}`,
    'worker-src blob:',
    `style-src ${styles.join(' ')}`,
    "style-src-attr 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
