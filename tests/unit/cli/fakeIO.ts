/** An in-memory CliIO for running commands in-process. */
import type { CliIO } from '../../../src/cli/io';

export function fakeIO(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIO = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    readFile: (p) => (p in files || p in written ? Promise.resolve(new TextEncoder().encode(files[p] ?? written[p])) : Promise.reject(new Error(`ENOENT: no such file ${p}`))),
    writeFile: (p, d) => {
      written[p] = typeof d === 'string' ? d : new TextDecoder().decode(d);
      return Promise.resolve();
    },
    openWrite: (p) => {
      written[p] = '';
      return Promise.resolve({ write: (t: string) => Promise.resolve(void (written[p] += t)), close: () => Promise.resolve() });
    },
  };
  return { io, out: () => out.join(''), err: () => err.join(''), written };
}
