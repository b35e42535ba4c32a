/**
 * Readable names for parameters in the Advanced costs section: a table for the known ones and a
 * name made from the path for any parameter added later.
 */

const LABELS: Readonly<Record<string, string>> = {
  'syscalls.costs.interceptNs': 'Interception (glibc wrapper)',
  'syscalls.costs.kernelEntryNs': 'Kernel entry and exit',
  'syscalls.costs.vdsoNs': 'vDSO call',
  'syscalls.costs.localNs': 'Call served locally',
  'syscalls.costs.insertNs': 'Queue insert',
  'syscalls.costs.ipiNs': 'IPI latency (one way)',
  'syscalls.costs.ipiEntryNs': 'IPI entry on the target',
  'syscalls.costs.handlerBaseNs': 'IPI handler, fixed part',
  'syscalls.costs.handlerPerMessageNs': 'IPI handler, per message',
  'syscalls.costs.serviceNs.io': 'Linux service: I/O',
  'syscalls.costs.serviceNs.open': 'Linux service: open',
  'syscalls.costs.serviceNs.meta': 'Linux service: metadata',
  'syscalls.costs.serviceNs.process': 'Linux service: process calls',
  'syscalls.costs.serviceNs.other': 'Linux service: other calls',
  'syscalls.costs.copyNsPerByte': 'Copy between LWK and Linux, per byte',
  'syscalls.costs.replyNs': 'Posting the reply',
  'syscalls.costs.pollNs': 'Polling period',
  'syscalls.costs.migrateNs': 'Thread migration (each way)',
  'syscalls.costs.timerIrqNs': 'One-shot timer interrupt',
  'syscalls.costs.shootdownNs': 'TLB shootdown handler',
  'syscalls.costs.userCopyNsPerByte': 'User-space copy, per byte',
  'syscalls.aggregation.smallBytes': 'Writes buffered below (A)',
  'syscalls.aggregation.bufferBytes': 'Buffer per file (B)',
  'syscalls.aggregation.timeoutNs': 'Flush timeout',
  'memory.zeroNsPerByte': 'Zeroing LWK memory, per byte',
  'memory.faultNs': 'Page fault, median',
  'memory.faultSigma': 'Page fault spread (sigma)',
  'memory.faultMinNs': 'Page fault, shortest',
  'memory.faultMaxNs': 'Page fault, longest',
  'memory.faultSamples': 'Fault costs drawn per call',
  'memory.heapStepBytes': 'Heap growth step',
  'memory.fragPerChurn': 'Fragmentation per churn',
  'memory.initialFrag': 'Fragmentation at boot',
  'memory.tlb.entries4k': 'TLB entries, 4 KiB pages',
  'memory.tlb.entries2m': 'TLB entries, 2 MiB pages',
  'memory.tlb.entries1g': 'TLB entries, 1 GiB pages',
  'memory.tlb.walkNs': 'TLB miss and page walk',
  'memory.tlb.accessesPerNs': 'Accesses to random pages',
  'app.workingSetBytes': 'Working set per thread',
  'app.touchBytesPerSegment': 'Touched per compute phase',
  'linux.tickNs': 'Tick handler',
  'linux.nicIrqPerSec': 'Network-card interrupts',
  'linux.nicIrqNs': 'Network-card interrupt handler',
  'linux.timesliceNs': 'Time slice',
  'linux.switchNs': 'Context switch',
  'linux.wakeupNs': 'Wake-up until running',
  'lwk.switchNs': 'Context switch',
  'network.latencyNs': 'MPI latency',
  'network.bytesPerNs': 'MPI bandwidth',
  'network.irqPerMessage': 'Share of messages raising an interrupt',
  'osnode.osNodes': 'OS nodes (K)',
  'osnode.computeNodes': 'Compute nodes (N)',
  'osnode.network.latencyNs': 'Network latency to the OS node',
  'osnode.network.bandwidthBytesPerNs': 'Network bandwidth to the OS node',
  'osnode.service.perRequestNs': 'OS-node service per request, median',
  'osnode.service.sigma': 'OS-node service spread (sigma)',
  'osnode.service.perByteNs': 'OS-node service per byte',
  'osnode.pfs.latencyNs': 'PFS latency',
  'osnode.pfs.bandwidthBytesPerNs': 'PFS bandwidth per server',
  'osnode.pfs.servers': 'PFS servers',
  'osnode.background.requestsPerSecPerComputeNode': 'Background requests per node',
  'osnode.background.meanBytes': 'Background request size (mean)',
};

const GROUP_TITLES: Readonly<Record<string, string>> = {
  'syscalls.costs': 'Syscall path costs',
  'syscalls.aggregation': 'glibc aggregation',
  memory: 'Memory',
  app: 'Application memory',
  linux: 'Linux',
  lwk: 'LWK',
  network: 'Network (MPI)',
  osnode: 'OS nodes and PFS',
};

const ACRONYMS: Readonly<Record<string, string>> = { pfs: 'PFS', tlb: 'TLB', ipi: 'IPI', irq: 'IRQ', nic: 'NIC', lwk: 'LWK', os: 'OS', cpu: 'CPU', mpi: 'MPI' };
/** Unit suffixes the unit column already says. */
const UNIT_SUFFIX = /(NsPerByte|BytesPerNs|PerByteNs|PerSec|Ns|Bytes)$/;

/** "osnode.pfs.latencyNs" -> "PFS latency": the words of the path below its group. */
export function generatedLabel(path: string, group: string): string {
  const rest = path.startsWith(`${group}.`) ? path.slice(group.length + 1) : path;
  const words = rest
    .split('.')
    .map((part) => part.replace(UNIT_SUFFIX, '') || part)
    .flatMap((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' '))
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function paramLabel(path: string, group: string): string {
  return Object.hasOwn(LABELS, path) ? LABELS[path] : generatedLabel(path, group);
}

export function groupTitle(group: string): string {
  return Object.hasOwn(GROUP_TITLES, group) ? GROUP_TITLES[group] : generatedLabel(group, '');
}
