/** Printing any partition in a design's syntax and reading it back gives the same node (both machines). */
import { describe, expect, it } from 'vitest';
import '../../../src/engine/designs/syntaxes';
import fc from 'fast-check';
import { validPartition } from '../../property/partition/arbitraries';
import { printPartition } from '../../../src/engine/config/partitionText';
import { applyOverrides } from '../../../src/engine/config/parseConfig';
import { MCKERNEL_SYNTAX } from '../../../src/engine/config/syntax/mckernelSyntax';
import { MOS_SYNTAX } from '../../../src/engine/config/syntax/mosSyntax';
import { KNL, TWO_SOCKET } from './helpers';

const cases = [
  { name: 'mcreboot.sh/mcexec', syntax: MCKERNEL_SYNTAX, preset: 'mckernel', mechanism: 'mckernel' },
  { name: 'lwkctl/yod', syntax: MOS_SYNTAX, preset: 'mos-as-built', mechanism: 'evanescence' },
];

describe('round trip through a design syntax', () => {
  for (const { name, syntax, preset, mechanism } of cases) {
    for (const topology of [TWO_SOCKET, KNL]) {
      it(`${name} on ${topology.name}`, () => {
        fc.assert(
          fc.property(validPartition(topology), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 50 }), (p, proxies, rrMs) => {
            // FWQ (one process): the rank count yod could refuse on split cores is not in play here.
            const given = { preset, topology: topology.name, partition: printPartition(p), workload: { kind: 'fwq' }, syscalls: { mechanism, proxyThreads: proxies }, lwk: { rrQuantumNs: rrMs * 1_000_000 } };
            const first = applyOverrides(given);
            if (!first.ok) throw new Error(first.errors.join('\n'));
            const text = syntax.print(first.config);
            const again = applyOverrides({ preset, topology: topology.name, workload: { kind: 'fwq' }, syscalls: { mechanism }, options: text });
            if (!again.ok) throw new Error(`${text}\n${again.errors.join('\n')}`);
            expect(again.config.partitionText).toBe(first.config.partitionText);
            expect(again.config.syscallCpuOf).toEqual(first.config.syscallCpuOf);
            expect(again.config.lwkMem).toEqual(first.config.lwkMem);
            if (syntax === MCKERNEL_SYNTAX) expect(again.config.syscalls.proxyThreads).toBe(proxies);
            else expect(again.config.lwk.rrQuantumNs).toBe(rrMs * 1_000_000);
            expect(syntax.print(again.config)).toBe(text);
          }),
          { numRuns: 60 },
        );
      });
    }
  }
});
