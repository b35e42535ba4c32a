/**
 * The most frequent strace -k stack of a call name: the innermost frame, the whole stack on
 * hover (title) and on demand (a native <details>, so keyboard and screen readers get it too).
 */
import type { CallSite as Site } from '../../engine/strace/summary';

/** `/usr/lib/x86_64-linux-gnu/libc.so.6(__close+0x10) [0xf89f0]` -> `libc.so.6(__close+0x10)`. */
export function shortFrame(frame: string): string {
  const lib = frame.slice(frame.lastIndexOf('/', frame.indexOf('(') >= 0 ? frame.indexOf('(') : frame.length) + 1);
  const bracket = lib.lastIndexOf(' [');
  return bracket > 0 ? lib.slice(0, bracket) : lib;
}

export function CallSite({ name, site }: { readonly name: string; readonly site: Site | undefined }) {
  if (!site || site.frames.length === 0) return null;
  return (
    <details className="call-site">
      <summary className="mono" title={site.frames.join('\n')} aria-label={`Stack of ${name} (${site.calls} call(s)): ${shortFrame(site.frames[0])}`}>
        {shortFrame(site.frames[0])}
      </summary>
      <ol className="mono" aria-label={`Frames of ${name}, innermost first`}>
        {site.frames.map((f, k) => <li key={k}>{f}</li>)}
      </ol>
    </details>
  );
}
