/**
 * Kitten's boot parameter that changes the simulation: `sched_hz=N`, the rate of the timer that
 * preempts user tasks round-robin (kernel/sched.c: `param(sched_hz, uint)`, default 10). It sets
 * lwk.rrQuantumNs = 1 s / N. Kitten always runs this timer, so 0 is not a value it takes.
 */
import type { NodeConfig } from '../../config/nodeConfig';
import { diag, type Diagnostic } from '../../config/diagnostic';
import type { DesignSyntax } from '../registry';

const KNOWN = ['sched_hz'];
/** The round-robin quantum is at least 100 µs (paramRules: lwk.rrQuantumNs). */
const MAX_HZ = 10_000;

function parse(text: string): ReturnType<DesignSyntax['parse']> {
  const errors: Diagnostic[] = [];
  let hz: number | null = null;
  for (const m of text.matchAll(/\S+/g)) {
    const start = m.index;
    const word = m[0];
    const eq = word.indexOf('=');
    const name = eq > 0 ? word.slice(0, eq) : word;
    if (!KNOWN.includes(name)) {
      errors.push(diag(`unknown Kitten boot parameter "${name}" (known: ${KNOWN.join(', ')})`, start, start + name.length));
      continue;
    }
    const value = eq > 0 ? word.slice(eq + 1) : '';
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_HZ) {
      const at = eq > 0 ? start + eq + 1 : start;
      errors.push(diag(`sched_hz takes the timer's rate, 1 to ${MAX_HZ} Hz, as sched_hz=10`, at, start + word.length));
      continue;
    }
    hz = Number(value);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, overrides: hz === null ? {} : { lwk: { rrQuantumNs: Math.round(1e9 / hz) } }, warnings: [] };
}

function print(config: NodeConfig): string {
  const q = config.lwk.rrQuantumNs;
  return q > 0 ? `sched_hz=${Math.round(1e9 / q)}` : '';
}

export const KITTEN_SYNTAX: DesignSyntax = {
  title: 'Kitten boot parameters (sched_hz=N)',
  example: 'sched_hz=10',
  parse,
  print,
};
