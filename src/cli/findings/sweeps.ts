/**
 * The sensitivity sweeps: one line per assumption. A key the config checker rejects is skipped
 * with a note in the document, so a line for a key that does not exist yet runs as soon as the
 * engine accepts it.
 */
import type { SourceId } from './sources';

/** What the design leads one to expect as the value rises. */
export interface SweepExpectation {
  /** Presets whose BSP iterations should not rise as the value rises. */
  readonly notRising: readonly string[];
  /** Presets the setting should not touch at all (same iterations at every value). */
  readonly unaffected: readonly string[];
  /** Presets whose lead over the sweep's baseline should not grow as the value rises. */
  readonly leadNotRising?: readonly string[];
  /** Why, in a sentence (not a result: the design's reasoning). */
  readonly because: string;
}

export interface SweepSpec {
  readonly key: string;
  readonly values: readonly (number | boolean | string)[];
  /** What the setting stands for. */
  readonly meaning: string;
  readonly presets: readonly string[];
  readonly expect: SweepExpectation;
  /** What the literature says about this assumption; [id] marks a citation of SOURCES[id]. */
  readonly context: string;
  readonly sources: readonly SourceId[];
  /** Compare each LWK preset's lead over this Linux preset along the sweep. */
  readonly baseline: string;
  /** Largest change (fraction) of an LWK preset's iterations that still counts as "isolated" (only for interference). */
  readonly isolationTolerance?: number;
}

const BSP = ['mos-bsp', 'mckernel', 'mos-as-built', 'linux-bsp'];
const SHIPPING = ['mos-bsp', 'mckernel'];

export const SWEEPS: readonly SweepSpec[] = [
  {
    key: 'syscalls.costs.ipiNs',
    values: [300, 1000, 5000],
    meaning: 'the cost of an inter-processor interrupt (the doorbell that tells Linux a call is waiting)',
    presets: BSP,
    expect: { notRising: SHIPPING, unaffected: ['linux-bsp'], because: 'every shipped call waits for a doorbell IPI or rides on a pending one; native Linux sends none' },
    context: `The mOS design connects the LWK and Linux by a transport over which calls are shipped [ross14]; McKernel offloads calls to Linux through IHK's inter-kernel communication [ipdps16]. The sweep shows how much the model's conclusions hang on the cost it assumes for the signal.`,
    sources: ['ross14', 'ipdps16'],
    baseline: 'linux-bsp',
  },
  {
    key: 'linux.wakeupNs',
    values: [500, 2000, 20000],
    meaning: 'the time from waking a proxy on a Linux CPU until it runs',
    presets: BSP,
    expect: { notRising: SHIPPING, unaffected: ['linux-bsp'], because: 'each shipped call wakes the proxy that serves it on Linux; native Linux calls need no proxy' },
    context: `A shipped call is served on the Linux side by a process acting for the application [ross14] [ipdps16]; how fast Linux gets it running is a property of the Linux CPUs, not of the LWK.`,
    sources: ['ross14', 'ipdps16'],
    baseline: 'linux-bsp',
  },
  {
    // One interference rule for every application CPU: OS work anywhere on the node slows compute.
    key: 'interference.perBusyCpu',
    values: [0, 0.0025, 0.02],
    meaning: "how much OS work anywhere on the node (per CPU's worth of it) slows application compute, on every application CPU alike",
    presets: BSP,
    expect: { notRising: BSP, unaffected: [], because: 'more interference can only slow compute, whichever kernel runs it' },
    context: `McKernel provides "consistent, isolated performance" for simulations even in the face of competing in-situ workloads on the Linux side [ipdps16].`,
    sources: ['ipdps16'],
    baseline: 'linux-bsp',
    isolationTolerance: 0.05,
  },
  {
    key: 'workload.syscallsPerIteration',
    values: [0, 4, 32],
    meaning: 'system calls each BSP thread makes per iteration (the application\'s call rate)',
    presets: BSP,
    expect: { notRising: BSP, unaffected: [], leadNotRising: ['mos-bsp', 'mckernel', 'mos-as-built'], because: 'every call costs time; a shipped call costs a round trip to Linux, a native one does not' },
    context: `The design triages each call to the kernel that should serve it: the LWK keeps the calls it implements and ships the rest to Linux [ross14]. On Fugaku's highly tuned Linux, McKernel's gain is 4 % on average [sc21]. The call rate is where shipping costs show.`,
    sources: ['ross14', 'sc21'],
    baseline: 'linux-bsp',
  },
];
