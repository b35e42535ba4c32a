/**
 * Where every parameter's default comes from. docs/parameters.md is generated from this table and
 * the presets (`mos-explorer params`); a test fails if a parameter has no entry or the doc is stale.
 * "ASSUMPTION" marks a value found in no public source: change it in a config file or the panel.
 */
import { PARAM_SPECS, STRUCTURAL_KEYS, valueAt } from './paramSpecs';
import { WORKLOAD_DEFAULTS } from './kindDefaults';
import { boundsText, kindText, unitText } from './paramText';
import { isLiveSetting } from './liveSettings';

const A = 'ASSUMPTION';

export const PARAMETER_SOURCES: Readonly<Record<string, string>> = {
  name: 'preset name',
  system: 'which kernel runs the application: the LWK (mos) or Linux (baselines)',
  topology: 'hardware: two-socket 2x16x2 node, or Xeon Phi 7250 SNC-4 flat (docs/partitions.md)',
  cpuCount: 'from the topology',
  coreOf: 'from the topology (SMT siblings share a core)',
  numaOf: 'from the topology',
  numaDistance: 'SLIT-like distances of the topology (approximations, docs/partitions.md)',
  roles: 'from the partition (lwkcpus=)',
  syscallCpuOf: 'from the partition: the Linux CPU before the dot of each lwkcpus group',
  appCpus: 'the LWK CPUs of the partition (the same CPUs in the Linux baselines, for a fair comparison)',
  partitionText: 'mOS boot syntax (lwkcpus=, lwkmem=; Intel mOS lwkctl)',
  lwkMem: 'from lwkmem=',
  'linux.hz': 'CONFIG_HZ=1000, common on HPC distributions',
  'linux.tickNs': `${A}: duration of one tick; tuned Linux noise is single-digit µs (de Oliveira et al., IEEE TC 2023; docs/sources.md, Tuned Linux noise)`,
  'linux.nohzFull': 'tuned baseline only (nohz_full= on the application CPUs; 1 Hz residual tick)',
  'linux.isolcpus': 'tuned baseline only (daemons stay on housekeeping CPUs)',
  'linux.irqAffinity': 'tuned baseline only (device interrupts to housekeeping CPUs)',
  'linux.thp': 'tuned baseline only (transparent huge pages)',
  'linux.daemons': `${A}: kworker 40/s 6 µs, rcu_sched 60/s 2 µs, ksoftirqd 15/s 10 µs, a monitoring agent 1/s 150 µs (log-normal)`,
  'linux.nicIrqPerSec': `${A}: management traffic of the network card`,
  'linux.nicIrqNs': A,
  'linux.timesliceNs': 'CFS sched_min_granularity order of magnitude',
  'linux.switchNs': `${A}: Linux context switch 1-2 µs`,
  'linux.wakeupNs': `${A}: try_to_wake_up until the task runs`,
  'lwk.rrQuantumNs': 'off unless `yod -o lwksched-enable-rr=<ms>` (Intel mOS)',
  'interference.perBusyCpu': `${A}: shared caches and memory bandwidth (indirect cost of OS work, Tsafrir 2007; docs/sources.md, Cache pollution): compute stretched by this per CPU's worth of recent OS work on the node, the same on every application CPU`,
  'interference.windowNs': `${A}: how long OS work counts as recent (exponential average)`,
  'linux.residual': 'what reaches a nohz_full CPU besides its 1 Hz tick: vmstat_update every vm.stat_interval = 1 s (Documentation/admin-guide/kernel-per-CPU-kthreads.rst), deferred work and TLB shootdowns (Documentation/timers/no_hz.rst, Known issues); other rates and all durations ASSUMPTION',
  'launch.receiveNs': `${A}: the launch daemon receives the job over TCP/IP`,
  'launch.reserveNs': `${A}: reserving LWK CPUs and memory (mOS lwkctl/yod)`,
  'launch.loadNs': `${A}: loading the program`,
  'launch.proxiesPerProcessNs': `${A}: creating one process's proxies and channels`,
  'launch.nicNs': `${A}: configuring the network card and handing it to the application`,
  'launch.startNs': `${A}: starting the application threads`,
  'syscalls.proxyAffinity': `${A}: proxies may run on the Linux CPUs of the caller's NUMA domain (Linux places them at each wake-up: idle CPU first)`,
  'osnode.pfs.perClientNs': `${A}: metadata and lock contention per PFS client (K clients with OS nodes, N without)`,
  'osnode.client.ratePerSec': `${A}: work of the PFS client on a node that is its own client (e.g. Lustre's ptlrpcd, pinger, lock callbacks)`,
  'osnode.client.medianNs': A,
  'osnode.client.sigma': A,
  'lwk.switchNs': `${A}: cooperative switch without scheduler heuristics`,
  'syscalls.mechanism': 'function shipping (the paper), McKernel-style IKC, mOS as built (migration), or native Linux',
  'syscalls.localCalls': 'shipping: memory, scheduling, futex, ids and timers (the paper keeps the performance-critical calls; the exact set is an ASSUMPTION); McKernel: RIKEN-SysSoft/mckernel syscall_list.h; mOS as built: intel/mOS mOS/sys.c and syscall_wrapper.h (docs/sources.md, Local calls)',
  'syscalls.linuxCodeOnLwk': 'intel/mOS arch/x86/include/asm/syscall_wrapper.h (mOS as built only)',
  'syscalls.wait': 'how the caller waits for the reply: block, or spin as McKernel-style offloading does (docs/sources.md, The mOS design)',
  'syscalls.replyIpi': 'the paper (ROSS 2014): LWK channels may do without IPIs and poll (default: polling; docs/sources.md, The mOS design)',
  'syscalls.ipiPolicy': 'the paper (ROSS 2014): IPI only on empty -> non-empty; McKernel: on every message (docs/sources.md, The mOS design)',
  'syscalls.channelCapacity': A,
  'syscalls.proxyThreads': 'one handler per pid as in the paper\'s channel[pid], or a pool of k (a model extension; docs/sources.md, The mOS design)',
  'syscalls.pfsPrefix': 'files under it are on the parallel filesystem',
  'syscalls.osNodeShipper': 'the paper\'s offload: glibc, the LWK or Linux may ship to an OS node (docs/sources.md, The mOS design)',
  'syscalls.aggregation.enabled': 'glibc shim interception and aggregation, the first level of the paper\'s triage (docs/sources.md, The mOS design)',
  'syscalls.aggregation.smallBytes': `${A}: writes below A bytes are buffered`,
  'syscalls.aggregation.bufferBytes': `${A}: B bytes per fd, flushed when full`,
  'syscalls.aggregation.timeoutNs': `${A}: checked at the process's next intercepted call`,
  'syscalls.costs.interceptNs': `${A}: an LD_PRELOAD wrapper is a few function calls`,
  'syscalls.costs.kernelEntryNs': 'syscall/sysret round trip ~100 ns on current x86 (order of magnitude)',
  'syscalls.costs.vdsoNs': 'vDSO calls cost tens of ns: vdso(7); 12-23 ns measured (docs/sources.md, vDSO calls)',
  'syscalls.costs.localNs': A,
  'syscalls.costs.insertNs': `${A}: two cache-line transfers between cores`,
  'syscalls.costs.ipiNs': `${A}: IPI 1-3 µs round trip, one way here (docs/sources.md, IPI latency)`,
  'syscalls.costs.ipiEntryNs': `${A}: interrupt entry and exit`,
  'syscalls.costs.handlerBaseNs': A,
  'syscalls.costs.handlerPerMessageNs': A,
  'syscalls.costs.serviceNs.io': `${A}: no per-call offload service time of mOS or McKernel found (docs/sources.md, Offload service times)`,
  'syscalls.costs.serviceNs.open': A,
  'syscalls.costs.serviceNs.meta': A,
  'syscalls.costs.serviceNs.process': A,
  'syscalls.costs.serviceNs.other': A,
  'syscalls.costs.copyNsPerByte': `${A}: ~10 GB/s at NUMA distance 10, scaled by distance / 10`,
  'syscalls.costs.replyNs': A,
  'syscalls.costs.pollNs': A,
  'syscalls.costs.migrateNs': `${A}: thread migration across CPUs (mOS evanescence)`,
  'syscalls.costs.timerIrqNs': A,
  'syscalls.costs.shootdownNs': A,
  'syscalls.costs.userCopyNsPerByte': A,
  'network.latencyNs': 'HPC interconnect MPI latency, 1-2 µs (order of magnitude)',
  'network.bytesPerNs': '100 Gb/s',
  'network.irqPerMessage': `${A}: most completions are polled`,
  'osnode.osNodes': 'K = 16 for N = 1024: 64 compute nodes per I/O node as on Blue Gene/P (docs/osnodes.md)',
  'osnode.computeNodes': 'N (node 0 in detail, N-1 as background load)',
  'osnode.network.latencyNs': `${A}: ~1 µs one way (docs/osnodes.md)`,
  'osnode.network.bandwidthBytesPerNs': '100 Gb/s',
  'osnode.service.perRequestNs': `${A}: CIOD/CIOS per-call costs are not published`,
  'osnode.service.sigma': A,
  'osnode.service.perByteNs': A,
  'osnode.pfs.latencyNs': `${A}: Lustre/GPFS request order of magnitude`,
  'osnode.pfs.bandwidthBytesPerNs': A,
  'osnode.pfs.servers': A,
  'osnode.background.requestsPerSecPerComputeNode': A,
  'osnode.background.meanBytes': A,
  'osnode.mode': 'osnode when some level ships PFS I/O, otherwise direct (every node a PFS client)',
  'memory.zeroNsPerByte': `${A}: one core clears ~10 GB/s (docs/memory.md)`,
  'memory.faultNs': 'minor page fault ~1 µs median (0.6-10 µs), measured on one machine (docs/sources.md, Minor page faults)',
  'memory.faultSigma': A,
  'memory.faultMinNs': 'measured minimum ~0.6 µs (docs/sources.md, Minor page faults)',
  'memory.faultMaxNs': 'measured maximum ~10 µs (docs/sources.md, Minor page faults)',
  'memory.faultSamples': `${A}: a modelling shortcut`,
  'memory.kindOrder': 'mOS lets a job prefer high-bandwidth memory (MCDRAM) and fall back to DDR',
  'memory.heapStepBytes': 'mOS grows the heap in 2 MiB steps (intel/mOS lwkmem/mm.c; docs/sources.md, mOS as built)',
  'memory.fragPerChurn': A,
  'memory.initialFrag': A,
  'memory.tlb.entries4k': 'Intel Skylake-SP STLB (optimization reference manual)',
  'memory.tlb.entries2m': 'Intel Skylake-SP STLB',
  'memory.tlb.entries1g': 'Intel Skylake-SP STLB',
  'memory.tlb.walkNs': `${A}: TLB miss + walk that reaches memory 100-200 ns (docs/sources.md, TLB miss and page walk)`,
  'memory.tlb.accessesPerNs': A,
  'app.workingSetBytes': `${A}: BSP 8 MiB per thread, FWQ 256 KiB`,
  'app.touchBytesPerSegment': A,
  'workload.kind': 'fwq, bsp, syscall (microbenchmark) or replay (an imported strace log)',
  'workload.quantumNs': 'FWQ work per quantum (1 ms)',
  'workload.processes': 'BSP ranks on the node',
  'workload.computeNs': 'BSP compute per iteration',
  'workload.haloBytes': 'BSP halo exchange per iteration (OS bypass)',
  'workload.syscallsPerIteration': 'BSP: clock_gettime (vDSO), a small write, getpid, fstat, in that order',
  'workload.checkpointEvery': 'BSP: checkpoint to the PFS every K iterations',
  'workload.checkpointBytes': 'BSP checkpoint size per process',
  'workload.call': 'syscall microbenchmark: the call repeated',
  'workload.bytes': 'syscall microbenchmark: bytes per call (nanosleep: ns)',
  'workload.thinkNs': 'syscall microbenchmark: compute between calls',
  'workload.path': 'syscall microbenchmark: the file its I/O calls use',
  'syscalls.forwardedCalls': 'kitten: the HIO mask, from the calls HIO can forward (HobbesOSR/kitten kernel/hio/hio_syscalls); ASSUMPTION: the launcher sets the file and socket calls. kitten-palacios: the calls that reach the guest\'s devices, ASSUMPTION: the same and fsync',
  'syscalls.vm.exitNs': `${A}: about a microsecond for a VM exit, the VMM's dispatch of it and the entry back`,
  'syscalls.vm.guestHz': 'the guest is the untuned Linux of the baselines (CONFIG_HZ=1000); each of its ticks is a VM exit',
  'syscalls.vm.guestPageBytes': 'the untuned guest maps the application with 4 KiB pages (no THP)',
  'syscalls.vm.hostPageBytes': `${A}: Palacios maps the guest's memory, physically contiguous from Kitten, with 2 MiB nested pages`,
  // Designs' own settings (defaults in the preset of the design's name; docs/designs/*.md).
  'syscalls.hobbes.analyticsThreads': `${A}: 8 single-threaded analytics processes, one per Linux CPU of the host enclave that serves no syscall group`,
  'syscalls.hobbes.outputEvery': `${A}: an output step every 10 simulation iterations`,
  'syscalls.hobbes.outputBytes': `${A}: 64 MiB per output step, shared equally by the analytics processes`,
  'syscalls.hobbes.buffers': `${A}: 2 (double buffering); each analytics process attaches its share of each buffer once`,
  'syscalls.hobbes.analysisNsPerByte': `${A}: 0.25 ns per byte (the analytics reads about 4 GB/s per core)`,
  'syscalls.hobbes.pollNs': `${A}: 20 µs between two looks at the output flag in the shared segment`,
  'syscalls.hobbes.attachNs': `${A}: 10 µs for xemem_get and the attach command (Kocoloski and Lange, HPDC 2015, measure attachments; no figure found in a stored source)`,
  'syscalls.hobbes.pageNs': `${A}: 20 ns per 4 KiB page for the owner's page-frame list (HobbesOSR/kitten include/lwk/xpmem/xpmem_extended.h: an attach carries num_pfns) and again for the attacher's mapping`,
  'syscalls.ffmk.ipcNs': `${A}: 1 µs for the microkernel's exception IPC path on one core, each way; the IPI is syscalls.costs.ipiNs (no published figure found)`,
  'syscalls.cake.prefix': `${A}: /home/app/, the BSP mini-app's log directory (the mOS talk names no class of calls)`,
  'syscalls.cake.calls': `${A}: none by name (the mOS talk names no class of calls)`,
  'syscalls.cake.agentThreads': `${A}: one agent thread, as a FUSE daemon run single-threaded`,
  'syscalls.cake.serviceNs': `${A}: 2 µs of the agent's own work per request (one line of the mOS talk is the only source on CAKE)`,
};

/**
 * Where a design's own default of a shared parameter comes from, appended to the parameter's
 * source as "design: why". Each design adds its lines (docs/designs/ has the details).
 */
const DESIGN_NOTES: readonly (readonly [string, string])[] = [
  ['syscalls.mechanism', 'cnk, kitten, kitten-palacios: docs/designs/cnk.md, docs/designs/kitten.md'],
  ['syscalls.localCalls', 'cnk: CNK\'s own calls (jedbrown/bgq-driver cnk/src/syscalls); kitten: its kernel/linux_syscalls (HobbesOSR/kitten); kitten-palacios: none, the guest Linux serves what stays in the VM'],
  ['syscalls.wait', 'cnk: spin, sysioFS::exchangeMessages polls the completion queue (bgq-driver cnk/src/fs/sysioFS.cc); kitten: block, hio_wait_syscall sleeps (kernel/hio/hio.c)'],
  ['syscalls.channelCapacity', 'kitten: the HIO ring, MAX_OUTSTANDING_SYSCALLS = 128 (kernel/hio/hio.c)'],
  ['syscalls.proxyThreads', `kitten: HIO stubs per process, ${A}: one`],
  ['syscalls.osNodeShipper', 'cnk: the LWK, and every file call goes to the I/O node, not only the PFS\'s (sysiod, stdiod)'],
  ['syscalls.aggregation.enabled', 'cnk, kitten: off, no glibc shim'],
  ['syscalls.costs.insertNs', 'cnk: posting the request to the I/O node; kitten: enqueue_syscall() under the ring\'s lock'],
  ['lwk.rrQuantumNs', 'kitten: 100 ms, sched_hz = 10 (HobbesOSR/kitten kernel/sched.c)'],
  ['linux.daemons', 'cnk: none, there is no Linux on the node'],
  ['linux.nicIrqPerSec', 'cnk: 0, there is no Linux on the node'],
  ['network.irqPerMessage', `cnk: 0, no Linux CPU to take them (${A}: the MPI library polls the messaging unit)`],
  ['osnode.osNodes', 'cnk: K = 8 for N = 1024, 128 compute nodes per I/O node as on Blue Gene/Q (Sequoia: 768 I/O nodes, 98,304 compute nodes)'],
  ['partitionText', 'cnk: none, every CPU is CNK\'s (docs/designs/cnk.md)'],
  ['roles', 'cnk: every CPU is CNK\'s, there is no Linux'],
  ['appCpus', 'cnk: all but the system core (CPU 0 and its sibling), as Blue Gene/Q keeps its 17th core for system software (IBM Redbook SG24-7948 ch. 3)'],
  ['syscallCpuOf', 'cnk: none'],
  ['lwkMem', 'cnk: all memory but 1 GiB per domain (ASSUMPTION: Blue Gene/Q keeps 16 MiB of 16 GiB for CNK)'],
];

/** Leaf paths of a configuration object (arrays are one leaf). */
export function leafPaths(value: unknown, prefix = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

function show(v: unknown): string {
  if (v === undefined) return '';
  if (Array.isArray(v)) {
    if (v.length > 6) return `(${v.length} values)`;
    return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
  }
  return typeof v === 'string' ? (v === '' ? '(empty)' : v) : String(v);
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** One settable parameter as `mos-explorer params` lists it. */
export interface ParameterRow {
  readonly path: string;
  readonly kind: string;
  readonly unit: string;
  readonly bounds: string;
  /** Numbers: the bounds as numbers (0 is also allowed when offZero). */
  readonly min?: number;
  readonly max?: number;
  readonly offZero?: boolean;
  /** Default per preset (absent where the preset's workload has no such setting). */
  readonly defaults: Readonly<Record<string, unknown>>;
  /** The default a workload kind change brings, for settings no listed preset has. */
  readonly kindDefault?: unknown;
  readonly source: string;
  /** It can change in a running node, from a given simulated time on (config/liveSettings.ts). */
  readonly live: boolean;
}

export function parameterRows(presets: Readonly<Record<string, object>>, order: readonly string[]): ParameterRow[] {
  return PARAM_SPECS.map((spec) => {
    const defaults: Record<string, unknown> = {};
    for (const name of order) {
      const v = valueAt(presets[name] as Readonly<Record<string, unknown>>, spec.path);
      if (v !== undefined) defaults[name] = v;
    }
    const kind = spec.workloadKinds?.[0];
    const kindDefault = Object.keys(defaults).length === 0 && kind !== undefined ? valueAt(WORKLOAD_DEFAULTS.get(kind) as unknown as Readonly<Record<string, unknown>>, spec.path.slice('workload.'.length)) : undefined;
    const n = spec.number;
    const numbers = n ? { min: n.min, max: n.max, ...(n.offZero ? { offZero: true } : {}) } : {};
    return { path: spec.path, kind: kindText(spec), unit: unitText(spec), bounds: boundsText(spec), ...numbers, defaults, ...(kindDefault !== undefined ? { kindDefault } : {}), source: sourceOf(spec.path) ?? 'MISSING', live: isLiveSetting(spec.path) };
  });
}

/** The markdown of docs/parameters.md: each settable parameter with its kind, unit, bounds, defaults and source; then what the preset fixes. */
export function parametersMarkdown(presets: Readonly<Record<string, object>>, order: readonly string[]): string {
  const lines = [
    '# Parameters',
    '',
    'Every parameter of the node model with its kind, unit, bounds, default in each preset and where the number comes from.',
    '`ASSUMPTION` marks a value found in no public source: change it in a config file (`mos-explorer run --config FILE`,',
    'nested as the paths below, e.g. `{ "syscalls": { "costs": { "ipiNs": 5000 } } }`) or in the app\'s configuration panel',
    '(Advanced costs). Values outside the bounds are rejected with the bound named; so are combinations that would keep',
    'a CPU or a server busy 100 % of the time. Generated by `mos-explorer params`; a test keeps it in step with the code.',
    '',
    '"mid-run": `yes` for a cost or duration that can change in a running node from a given simulated time on (the',
    'Configuration panel\'s Apply during a run, or a `settings` command): the run before that time is kept. Real kernels',
    'fix most of these at build or boot time, so such a change is a "what if" of the model, not an operation of mOS or Linux.',
    'The rest is fixed when the node boots or the job launches: changing it restarts the run from time zero.',
    '',
    `| parameter | kind | unit | bounds | mid-run | ${order.join(' | ')} | source |`,
    `|---|---|---|---|---|${order.map(() => '---').join('|')}|---|`,
  ];
  for (const row of parameterRows(presets, order)) {
    const kind = row.kindDefault !== undefined ? `${row.kind}, default ${show(row.kindDefault)}` : row.kind;
    const cells = order.map((p) => cell(show(row.defaults[p])));
    lines.push(`| \`${row.path}\` | ${cell(kind)} | ${row.unit} | ${cell(row.bounds)} | ${row.live ? 'yes' : 'boot'} | ${cells.join(' | ')} | ${cell(row.source)} |`);
  }
  lines.push('', '## From the preset, the topology and the partition', '', 'Not settable one by one: `partition` (lwkcpus=/lwkmem= text) and `topology` are the inputs that decide them.', '');
  lines.push(`| parameter | ${order.join(' | ')} | source |`, `|---|${order.map(() => '---').join('|')}|---|`);
  for (const key of STRUCTURAL_KEYS) {
    const cells = order.map((p) => cell(show((presets[p] as Record<string, unknown>)[key])));
    lines.push(`| \`${key}\` | ${cells.join(' | ')} | ${cell(sourceOf(key) ?? 'MISSING')} |`);
  }
  return lines.join('\n') + '\n';
}

/** The source of a leaf path. */
export function sourceOf(path: string): string | undefined {
  if (!Object.hasOwn(PARAMETER_SOURCES, path)) return undefined;
  const notes = DESIGN_NOTES.filter(([p]) => p === path).map(([, note]) => note);
  return [PARAMETER_SOURCES[path], ...notes].join('; ');
}
