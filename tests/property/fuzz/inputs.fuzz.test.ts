/**
 * Fuzzing the untrusted inputs (bounded: few runs, small inputs): configs, partitions and CLI
 * arguments. Each input either works or is refused with a message that names its place; nothing
 * throws, hangs, or runs on past a bound. fast-check prints the seed and path of a failure.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOverrides, parseConfigText } from '../../../src/engine/config/parseConfig';
import { parsePartition } from '../../../src/engine/config/partition';
import { topologyByName } from '../../../src/engine/node/topologies';
import { PARAM_SPECS } from '../../../src/engine/config/paramSpecs';
import { PRESET_NAMES } from '../../../src/engine/config/presets';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { advanceWatched } from '../../../src/engine/node/watchdog';
import { runCli } from '../../../src/cli/dispatch';
import { fakeIO } from '../../unit/cli/fakeIO';

const TWO = topologyByName('two-socket')!;
const paths = PARAM_SPECS.map((s) => s.path);
const anyValue = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e6, max: 1e9 }),
  fc.constantFrom(0, -1, 1e308, 2 ** 53, Number.MAX_VALUE, 0.5),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'toString', 'constructor', 'shipping', 'spin', 'every'),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
);

/** A config object: known paths (some misspelt) with random values, on a random preset. */
const configArb = fc
  .record({
    preset: fc.oneof(fc.constantFrom(...PRESET_NAMES), fc.string({ maxLength: 8 })),
    sets: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...paths), fc.string({ maxLength: 10 })), anyValue), { maxLength: 4 }),
  })
  .map(({ preset, sets }) => {
    const obj: Record<string, unknown> = { preset };
    for (const [path, value] of sets) {
      const parts = path.split('.');
      let at = obj;
      for (const p of parts.slice(0, -1)) {
        if (typeof at[p] !== 'object' || at[p] === null) Object.defineProperty(at, p, { value: {}, enumerable: true, writable: true, configurable: true });
        at = at[p] as Record<string, unknown>;
      }
      Object.defineProperty(at, parts[parts.length - 1], { value, enumerable: true, writable: true, configurable: true });
    }
    return obj;
  });

describe('fuzz: configs', () => {
  it('are applied or refused by path, and what is applied runs without throwing or stalling', () => {
    fc.assert(
      fc.property(configArb, (input) => {
        const r = applyOverrides(input);
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(e).toMatch(/^config: /);
          return;
        }
        const sim = createNodeSimulation(r.config, 1);
        const run = advanceWatched(sim, 2_000_000, 200_000);
        expect(run.stall).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it('config text that is not JSON, or deeply nested, is refused with a message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.integer({ min: 1, max: 5000 }).map((d) => '['.repeat(d) + ']'.repeat(d))), (text) => {
        const r = parseConfigText(text);
        if (!r.ok) expect(r.errors[0]).toMatch(/^config: /);
      }),
      { numRuns: 60 },
    );
  });
});

describe('fuzz: partitions', () => {
  const token = fc.constantFrom('lwkcpus=', 'lwkmem=', ' ', '.', ':', ',', '-', '0', '1', '13', '14', '63', '64', '99999', 'G', 'M', '16G', 'x', '=', '');
  it('never throw; every problem underlines a place inside the text', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }).map((t) => t.join('')), (text) => {
        const r = parsePartition(text, TWO);
        if (r.ok) return;
        expect(r.errors.length).toBeGreaterThan(0);
        expect(r.errors.length).toBeLessThanOrEqual(21);
        for (const e of r.errors) {
          expect(e.start).toBeGreaterThanOrEqual(0);
          expect(e.end).toBeLessThanOrEqual(text.length);
          expect(e.start).toBeLessThanOrEqual(e.end);
          expect(e.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('fuzz: CLI arguments', () => {
  const arg = fc.constantFrom('run', 'compare', 'params', 'scale', '--preset', 'mos', 'linux', 'toString', '--until', '1ms', '5', '--events', '100', '-1', '1e99', '--seed', '--json', '--bogus', '--set', 'linux.hz=1e308', '--presets', 'mos,linux', '--nodes', '16', '=', '');
  it('exit 0, 1 or 2 with a message, and never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arg, { minLength: 1, maxLength: 7 }), async (argv) => {
        const f = fakeIO();
        const code = await runCli(argv, f.io);
        expect([0, 1, 2]).toContain(code);
        if (code !== 0) expect(f.err().length).toBeGreaterThan(0);
      }),
      { numRuns: 80 },
    );
  });
});
