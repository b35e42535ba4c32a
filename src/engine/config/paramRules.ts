/**
 * Physical bounds of the numeric parameters, chosen by a rule on the parameter's name (…Ns is a
 * duration, …PerSec a rate, …Bytes a size …) or by an explicit override where no rule fits.
 * The bounds keep a run finite: a tick rate of 1e308 Hz or 1e12 interrupts a second would
 * schedule events at time zero forever. A new numeric parameter whose name matches no rule is
 * flagged `unruled` (a unit test fails until it gets a rule or an override).
 */
export interface NumberRule {
  readonly kind: 'number' | 'whole';
  /** 'ns', 'Hz', '/s', 'bytes', 'ns/byte', 'bytes/ns', or '' for a plain number. */
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  /** 0 is also allowed below min, meaning "off" (the LWK round-robin quantum). */
  readonly offZero?: boolean;
  /** What the number is, in messages: "a tick rate must be 1 to 10,000 Hz". */
  readonly what: string;
  readonly unruled?: boolean;
}

/** One hour: the longest duration any cost or period may have. */
export const HOUR_NS = 3_600_000_000_000;
/** 1 PiB: the largest size. */
export const MAX_BYTES = 2 ** 50;

const duration: NumberRule = { kind: 'number', unit: 'ns', min: 0, max: HOUR_NS, what: 'a duration' };
/**
 * Work that holds a CPU (a syscall path's steps, a handler, a switch, a fault): at most a second.
 * Ticks interrupt such work on Linux CPUs and each interruption leaves one stale event queued
 * until the work's original end, so an hour of it would queue millions.
 */
const cpuWork: NumberRule = { ...duration, max: 1e9, what: 'the cost of a kernel operation' };
const CPU_WORK = /^syscalls\.costs\.|^linux\.(wakeupNs|nicIrqNs|daemons\[\]\.medianNs)$|^memory\.(fault\w*Ns|tlb\.walkNs)$/;
/** A period of something that repeats: zero would repeat it forever at one instant. */
const period = (what: string): NumberRule => ({ ...duration, min: 1, what });
const size: NumberRule = { kind: 'whole', unit: 'bytes', min: 0, max: MAX_BYTES, what: 'a size' };
const count = (min: number, max: number, what: string): NumberRule => ({ kind: 'whole', unit: '', min, max, what });
const share = (what: string): NumberRule => ({ kind: 'number', unit: '', min: 0, max: 1, what });

/** Rules on the last segment of the path, first match wins (…NsPerByte before …Ns). */
const NAME_RULES: readonly (readonly [RegExp, NumberRule])[] = [
  [/nsPerByte$|perByteNs$/i, { kind: 'number', unit: 'ns/byte', min: 0, max: 1_000, what: 'a per-byte cost' }],
  [/bytesPerNs$/i, { kind: 'number', unit: 'bytes/ns', min: 0.001, max: 10_000, what: 'a bandwidth' }],
  [/perSec/i, { kind: 'number', unit: '/s', min: 0, max: 1_000_000, what: 'a rate' }],
  [/^hz$|Hz$/, { kind: 'whole', unit: 'Hz', min: 1, max: 10_000, what: 'a frequency' }],
  [/Ns$/, duration],
  [/Bytes$/, size],
  [/^sigma$|Sigma$/, { kind: 'number', unit: '', min: 0, max: 3, what: 'a log-normal shape (sigma)' }],
  [/^entries/, count(1, 1 << 20, 'a TLB entry count')],
];

/** Where the name says too little, by full path (records' fields as `list[].field`). */
const OVERRIDES: ReadonlyMap<string, NumberRule> = new Map<string, NumberRule>([
  ['linux.hz', { kind: 'whole', unit: 'Hz', min: 1, max: 10_000, what: 'a tick rate' }],
  ['linux.timesliceNs', period('a time slice')],
  // A context switch costs microseconds; one longer than a time slice would leave no time for work.
  ['linux.switchNs', { ...duration, max: 1e6, what: 'a context switch' }],
  ['lwk.switchNs', { ...duration, max: 1e6, what: 'a context switch' }],
  // Delivery time of an IPI, not work on a CPU.
  ['syscalls.costs.ipiNs', { ...duration, what: 'an IPI latency' }],
  // `yod -o lwksched-enable-rr=<ms>`: off, or at least a tenth of a millisecond.
  ['lwk.rrQuantumNs', { ...duration, min: 100_000, offZero: true, what: 'a round-robin quantum' }],
  // Slowdown per CPU's worth of OS work: even 0.1 would let a 10-CPU load double compute.
  ['interference.perBusyCpu', { kind: 'number', unit: '', min: 0, max: 0.1, what: 'a slowdown per busy CPU' }],
  ['interference.windowNs', period('an averaging window')],
  ['syscalls.channelCapacity', count(1, 4096, 'a channel size in slots')],
  ['syscalls.proxyThreads', count(1, 64, 'a number of proxy threads')],
  ['syscalls.costs.pollNs', period('a polling period')],
  ['syscalls.aggregation.timeoutNs', period('a flush timeout')],
  ['syscalls.aggregation.bufferBytes', { ...size, min: 1, what: 'a buffer size' }],
  // One way across a machine room (or a continent) takes well under a second.
  ['network.latencyNs', { ...duration, max: 1e9, what: 'a network latency' }],
  ['osnode.network.latencyNs', { ...duration, max: 1e9, what: 'a network latency' }],
  ['network.irqPerMessage', share('a probability')],
  // The largest machines have hundreds to thousands of I/O nodes (Sequoia: 768).
  ['osnode.osNodes', count(1, 16_384, 'a number of OS nodes')],
  ['osnode.computeNodes', count(1, 1 << 20, 'a number of compute nodes')],
  ['osnode.pfs.servers', count(1, 65_536, 'a number of PFS servers')],
  ['memory.faultSamples', count(1, 4096, 'a number of samples')],
  ['memory.heapStepBytes', { ...size, min: 4096, max: 2 ** 40, what: 'a heap step' }],
  ['memory.fragPerChurn', { kind: 'number', unit: '', min: 0, max: 10, what: 'a fragmentation rate' }],
  ['memory.initialFrag', share('a share')],
  ['memory.tlb.accessesPerNs', { kind: 'number', unit: '/ns', min: 0, max: 10, what: 'an access rate' }],
  ['app.touchBytesPerSegment', { ...size, min: 1, what: 'a size' }],
  ['workload.quantumNs', period('a work quantum')],
  ['workload.computeNs', period('a compute phase')],
  ['workload.processes', count(1, 1024, 'a number of processes')],
  ['workload.syscallsPerIteration', count(0, 64, 'a number of calls')],
  ['workload.checkpointEvery', count(0, 1_000_000, 'a number of iterations')],
  ['workload.bytes', { ...size, what: 'a size (nanosleep: a duration in ns)' }],
  // Palacios (designs/kittenPalacios.ts): an exit is work on the CPU; a guest may be tickless (0).
  ['syscalls.vm.exitNs', { ...cpuWork, what: 'a VM exit and entry' }],
  ['syscalls.vm.guestHz', { kind: 'whole', unit: 'Hz', min: 1, max: 10_000, offZero: true, what: 'a guest tick rate' }],
  ['syscalls.vm.guestPageBytes', { ...size, min: 4096, max: 2 ** 30, what: 'a page size' }],
  ['syscalls.vm.hostPageBytes', { ...size, min: 4096, max: 2 ** 30, what: 'a page size' }],
  // Designs' own settings (src/engine/designs: hobbes, cake).
  ['syscalls.hobbes.analyticsThreads', count(0, 1024, 'a number of analytics processes')],
  ['syscalls.hobbes.outputEvery', count(1, 1_000_000, 'a number of iterations')],
  ['syscalls.hobbes.buffers', count(1, 64, 'a number of output buffers')],
  ['syscalls.hobbes.pollNs', { ...duration, min: 100, max: 1e9, what: 'a polling period' }],
  ['syscalls.cake.agentThreads', count(1, 64, 'a number of agent threads')],
]);

const UNRULED: NumberRule = { kind: 'number', unit: '', min: 0, max: 1e15, what: 'a value', unruled: true };

/** The bounds of the numeric parameter at `path` (e.g. "linux.daemons[].medianNs"). */
export function numberRuleFor(path: string): NumberRule {
  const override = OVERRIDES.get(path);
  if (override) return override;
  // The leaf's name decides; failing that its group's (syscalls.costs.serviceNs.io is a duration).
  const parts = path.split('.');
  for (const name of parts.slice(-2).reverse()) {
    for (const [re, rule] of NAME_RULES) if (re.test(name.replace('[]', ''))) return rule === duration && CPU_WORK.test(path) ? cpuWork : rule;
  }
  return UNRULED;
}

/** "1 to 10,000 Hz", "0 (off) or 100,000 to 3,600,000,000,000 ns". */
export function rangeText(r: Pick<NumberRule, 'min' | 'max' | 'unit' | 'offZero'>): string {
  const unit = r.unit === '' ? '' : r.unit === '/s' ? ' per second' : r.unit.startsWith('/') ? ` per ${r.unit.slice(1)}` : ` ${r.unit}`;
  return `${r.offZero ? '0 (off) or ' : ''}${formatNumber(r.min)} to ${formatNumber(r.max)}${unit}`;
}

/** Whole numbers with thousands separators (independent of the locale); others as JavaScript prints them, "1e308" not "1e+308". */
export function formatNumber(n: number): string {
  if (Number.isSafeInteger(n) || (Number.isInteger(n) && Math.abs(n) < 1e21)) return n.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return String(n).replace('e+', 'e');
}
