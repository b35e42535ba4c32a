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
