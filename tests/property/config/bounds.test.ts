/**
 * Every numeric parameter at its lower and upper bound (the others at their defaults): the
 * checker either rejects the configuration, naming that parameter or the one it overloads, or the
 * simulation runs: no exception, time moves on, the event queue stays small.
 */
import { describe, expect, it } from 'vitest';
import { PARAM_SPECS } from '../../../src/engine/config/paramSpecs';
import { applyOverrides } from '../../../src/engine/config/parseConfig';
import { createNodeSimulation } from '../../../src/engine/node/model';

const nest = (path: string, v: unknown): Record<string, unknown> => path.split('.').reduceRight<unknown>((acc, k) => ({ [k]: acc }), v) as Record<string, unknown>;

/** A preset that runs the workload the parameter belongs to. */
function inputFor(path: string, kinds: readonly string[] | null, v: number): Record<string, unknown> {
  const input: Record<string, unknown> = { preset: kinds?.includes('fwq') ? 'mos' : 'mos-bsp', ...nest(path, v) };
  if (kinds && !kinds.includes('fwq') && !kinds.includes('bsp')) (input.workload as Record<string, unknown>).kind = kinds[0];
  return input;
}

describe('parameters at their bounds', () => {
  const numbers = PARAM_SPECS.filter((s) => s.number);
  it.each(numbers.map((s) => [s.path, s] as const))('%s: rejected with a reason, or runs', (_, spec) => {
    for (const v of [spec.number!.min, spec.number!.max]) {
      const r = applyOverrides(inputFor(spec.path, spec.workloadKinds, v));
      if (!r.ok) {
        expect(r.errors.join('\n')).toMatch(/^config: [\w.]+: /);
        continue;
      }
      const sim = createNodeSimulation(r.config, 1);
      let maxQueue = 0;
      for (let i = 0; i < 20_000 && sim.step(); i++) if ((i & 255) === 0) maxQueue = Math.max(maxQueue, sim.queue.size);
      expect(sim.now, `${spec.path}=${v}: time moves on`).toBeGreaterThan(0);
      expect(maxQueue, `${spec.path}=${v}: events queued`).toBeLessThan(50_000);
    }
  });
});
