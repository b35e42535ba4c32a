/** Dispatches a thread's next action to its workload program. */
import type { NodeSim } from '../node/cpu';
import type { Thread } from '../node/state';
import type { Action } from './program';
import { fwqNext } from './fwq';
import { bspNext } from './bsp';
import { syscallBenchNext } from './syscallBench';
import { replayNext } from './replay';
import { analyticsNext } from './analytics';

export function nextAction(sim: NodeSim, t: Thread): Action {
  const prog = t.prog;
  switch (prog.kind) {
    case 'fwq': return fwqNext(sim, t);
    case 'bsp': return bspNext(sim, t);
    case 'syscall': return syscallBenchNext(sim, t);
    case 'replay': return replayNext(sim, t);
    case 'analytics': return analyticsNext(sim, t);
    case 'proxy': throw new Error(`proxy thread ${t.tid} has no application actions`);
    default:
      prog satisfies never;
      throw new Error('unknown program');
  }
}
