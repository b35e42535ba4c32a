/**
 * Where every parameter's default comes from. docs/parameters.md is generated from this table and
 * the presets (`mos-explorer params`); a test fails if a parameter has no entry or the doc is stale.
 * "ASSUMPTION" marks a value found in no public source: change it in a config file or the panel.
 */
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
  'linux.tickNs': `${A}: tuned Linux noise is single-digit µs (DESIGN.md)`,
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
  'interference.perBusyCpu': `${A}: shared caches and memory bandwidth ("cache pollution" in the seed): compute stretched by this per CPU's worth of recent OS work on the node, the same on every application CPU`,
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
  'syscalls.localCalls': 'DESIGN.md: the paper keeps memory, scheduling, futex, ids and timers local; McKernel and mOS as built per their sources',
  'syscalls.linuxCodeOnLwk': 'intel/mOS arch/x86/include/asm/syscall_wrapper.h (mOS as built only)',
  'syscalls.wait': 'DESIGN.md round trip step 5: spin or block',
  'syscalls.replyIpi': 'the seed: "LWK channels may disable IPIs" (default: polling)',
  'syscalls.ipiPolicy': 'the seed: IPI only on empty -> non-empty; McKernel: on every message',
  'syscalls.channelCapacity': A,
  'syscalls.proxyThreads': 'DESIGN.md: one handler per pid, or a pool of k',
  'syscalls.pfsPrefix': 'files under it are on the parallel filesystem',
  'syscalls.osNodeShipper': 'the seed allows glibc, the LWK or Linux to ship to an OS node',
  'syscalls.aggregation.enabled': 'glibc shim aggregation (the seed: "interception (and aggregation)")',
  'syscalls.aggregation.smallBytes': `${A}: writes below A bytes are buffered`,
  'syscalls.aggregation.bufferBytes': `${A}: B bytes per fd, flushed when full`,
  'syscalls.aggregation.timeoutNs': `${A}: checked at the process's next intercepted call`,
  'syscalls.costs.interceptNs': `${A}: an LD_PRELOAD wrapper is a few function calls`,
  'syscalls.costs.kernelEntryNs': 'syscall/sysret round trip ~100 ns on current x86 (order of magnitude)',
  'syscalls.costs.vdsoNs': 'DESIGN.md: vDSO calls cost tens of ns',
  'syscalls.costs.localNs': A,
  'syscalls.costs.insertNs': `${A}: two cache-line transfers between cores`,
  'syscalls.costs.ipiNs': 'DESIGN.md: IPI 1-3 µs round trip (one way here)',
  'syscalls.costs.ipiEntryNs': `${A}: interrupt entry and exit`,
  'syscalls.costs.handlerBaseNs': A,
  'syscalls.costs.handlerPerMessageNs': A,
  'syscalls.costs.serviceNs.io': `${A}: offload latencies of mOS and McKernel are not public (DESIGN.md)`,
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
  'memory.faultNs': 'DESIGN.md: minor page fault ~1 µs median (0.6-10 µs)',
  'memory.faultSigma': A,
  'memory.faultMinNs': 'DESIGN.md: 0.6 µs',
  'memory.faultMaxNs': 'DESIGN.md: 10 µs',
  'memory.faultSamples': `${A}: a modelling shortcut`,
  'memory.kindOrder': 'mOS lets a job prefer high-bandwidth memory (MCDRAM) and fall back to DDR',
  'memory.heapStepBytes': 'mOS grows the heap in 2 MiB steps',
  'memory.fragPerChurn': A,
  'memory.initialFrag': A,
  'memory.tlb.entries4k': 'Intel Skylake-SP STLB (optimization reference manual)',
  'memory.tlb.entries2m': 'Intel Skylake-SP STLB',
  'memory.tlb.entries1g': 'Intel Skylake-SP STLB',
  'memory.tlb.walkNs': 'DESIGN.md: TLB miss + walk 100-200 ns',
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
};

/** Leaf paths of a configuration object (arrays are one leaf). */
export function leafPaths(value: unknown, prefix = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

function show(v: unknown): string {
  if (Array.isArray(v)) {
    if (v.length > 6) return `(${v.length} values)`;
    return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
  }
  return typeof v === 'string' ? (v === '' ? '(empty)' : v) : String(v);
}

/** The markdown of docs/parameters.md: each preset's defaults with their source. */
export function parametersMarkdown(presets: Readonly<Record<string, object>>, order: readonly string[]): string {
  const rows = new Map<string, Map<string, unknown>>();
  for (const name of order) for (const [path, v] of leafPaths(presets[name])) (rows.get(path) ?? rows.set(path, new Map()).get(path)!).set(name, v);
  const lines = [
    '# Parameters',
    '',
    'Every parameter of the node model with its default in each preset and where the number comes from.',
    '`ASSUMPTION` marks a value found in no public source: change it in a config file (`mos-explorer run --config FILE`,',
    'the same keys as below) or in the app\'s configuration panel. Generated by `mos-explorer params`; a test keeps it in step with the code.',
    '',
    `| parameter | ${order.join(' | ')} | source |`,
    `|---|${order.map(() => '---').join('|')}|---|`,
  ];
  for (const [path, values] of rows) {
    const cells = order.map((p) => (values.has(p) ? show(values.get(p)).replace(/\|/g, '\\|') : ''));
    lines.push(`| \`${path}\` | ${cells.join(' | ')} | ${(sourceOf(path) ?? 'MISSING').replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n') + '\n';
}

/** The source of a leaf path (workload fields are shared across workload kinds). */
export function sourceOf(path: string): string | undefined {
  return PARAMETER_SOURCES[path];
}
