/**
 * The resolved configuration of one compute node: what the engine trusts.
 * Untrusted text (partition strings, JSON files, URLs) is parsed and validated at the edge
 * (src/engine/config/parse*.ts) into this shape. Every number is a named parameter;
 * docs/parameters.md gives each its default and source, or marks it as an assumption.
 */
import type { Role } from '../node/kinds';
import type { OsNodeParams } from '../osnode';
import type { MemoryParams } from '../node/memory';

export interface DaemonSpec {
  readonly name: string;
  /** Mean wake-ups per second (Poisson). */
  readonly ratePerSec: number;
  /** Median run time per wake-up, ns (log-normal). */
  readonly medianNs: number;
  /** Shape of the log-normal (sigma of the underlying normal). */
  readonly sigma: number;
}

export interface LinuxConfig {
  /** CONFIG_HZ: timer ticks per second on ticking Linux CPUs. */
  readonly hz: number;
  /** Time the tick handler takes, ns. */
  readonly tickNs: number;
  /** nohz_full on the application CPUs: their tick stops while one task runs (a 1 Hz residual tick stays). */
  readonly nohzFull: boolean;
  /** isolcpus on the application CPUs: kernel daemons stay on housekeeping CPUs. */
  readonly isolcpus: boolean;
  /** Device interrupts routed to housekeeping CPUs only. */
  readonly irqAffinity: boolean;
  /** Transparent huge pages for anonymous memory. */
  readonly thp: boolean;
  readonly daemons: readonly DaemonSpec[];
  /** Network-card interrupts per second (management traffic, independent of MPI). */
  readonly nicIrqPerSec: number;
  readonly nicIrqNs: number;
  /** Scheduler time slice before a runnable task preempts the current one at a tick. */
  readonly timesliceNs: number;
  /** Cost of a context switch on Linux. */
  readonly switchNs: number;
  /** From sched_run (a wake-up) to the woken task being able to run: IPI-free local wake-up path. */
  readonly wakeupNs: number;
  /**
   * What still reaches a nohz_full CPU running one task (besides its 1 Hz residual tick), each
   * source on each such CPU independently: vmstat updates, deferred work, TLB shootdowns.
   */
  readonly residual: readonly DaemonSpec[];
}

/** Shared caches and memory bandwidth: OS work anywhere on the node slows application compute. */
export interface InterferenceConfig {
  /** Fractional slowdown of compute per CPU's worth of OS work on the node (ASSUMPTION). */
  readonly perBusyCpu: number;
  /** The window over which OS work counts as recent (exponential average). */
  readonly windowNs: number;
}

/** Costs of the launch daemon's steps (a job start on the node). */
export interface LaunchConfig {
  /** Receiving the job over TCP/IP. */
  readonly receiveNs: number;
  /** Reserving LWK CPUs and memory. */
  readonly reserveNs: number;
  /** Loading the program. */
  readonly loadNs: number;
  /** Creating one process's proxies and channels. */
  readonly proxiesPerProcessNs: number;
  /** Configuring the network card and handing it to the application. */
  readonly nicNs: number;
  /** Starting the application threads. */
  readonly startNs: number;
}

export interface LwkConfig {
  /** Round-robin quantum in ns; 0 = off (the default: cooperative, tickless). `yod -o lwksched-enable-rr=<ms>`. */
  readonly rrQuantumNs: number;
  /** Cost of a cooperative context switch on the LWK. */
  readonly switchNs: number;
}

/**
 * The design that serves the calls: the id of a registered design (src/engine/designs), such as
 * 'shipping' (the paper), 'mckernel', 'evanescence' (mOS as built) or 'native'. Designs are
 * plug-ins, so this is checked against the registry (paramSpecs.ts), not by the type.
 */
export type Mechanism = string;

export interface SyscallCosts {
  /** glibc wrapper and LD_PRELOAD interception. */
  readonly interceptNs: number;
  /** syscall instruction, entry and exit paths. */
  readonly kernelEntryNs: number;
  /** clock_gettime & co. through the vDSO: no kernel entry. */
  readonly vdsoNs: number;
  /** A call the LWK (or Linux) serves locally without I/O (getpid, futex, brk bookkeeping). */
  readonly localNs: number;
  /** Putting a message into a shared-memory queue (cache-line transfers included). */
  readonly insertNs: number;
  /** One-way IPI delivery latency. */
  readonly ipiNs: number;
  /** Time an IPI interrupts its target before the handler's own work. */
  readonly ipiEntryNs: number;
  /** IPI handler on the syscall CPU: fixed part and per routed message. */
  readonly handlerBaseNs: number;
  readonly handlerPerMessageNs: number;
  /** Service time of a forwarded call on Linux, by kind. */
  readonly serviceNs: { readonly io: number; readonly open: number; readonly meta: number; readonly process: number; readonly other: number };
  /** Copying call data between LWK and Linux memory, per byte, at NUMA distance 10 (local); scales with distance/10. */
  readonly copyNsPerByte: number;
  /** Posting a reply into the caller's LWK channel. */
  readonly replyNs: number;
  /** How often a waiting LWK core looks at its channel when polling. */
  readonly pollNs: number;
  /** mOS as built: migrating the calling thread to its syscall CPU (each way). */
  readonly migrateNs: number;
  /** One-shot timer interrupt (nanosleep, timer_*) on an LWK CPU. */
  readonly timerIrqNs: number;
  /** TLB shootdown handler on each CPU hit by munmap. */
  readonly shootdownNs: number;
  /** Memory copy in user space (aggregation buffers), per byte. */
  readonly userCopyNsPerByte: number;
}

/** A Linux guest in a Palacios VM on LWK cores: what leaving the guest and translating its addresses cost. */
export interface VmConfig {
  /** One VM exit and the entry back into the guest (world switch and the VMM's dispatch of the exit). */
  readonly exitNs: number;
  /** Timer interrupts per second the guest kernel takes on each vCPU (each one a VM exit); 0: a tickless guest. */
  readonly guestHz: number;
  /** Page size of the guest's own page tables for the application's memory (4 KiB, or 2 MiB with THP in the guest). */
  readonly guestPageBytes: number;
  /** Page size of the nested (host) page tables that map guest-physical memory. */
  readonly hostPageBytes: number;
}

export interface AggregationConfig {
  readonly enabled: boolean;
  /** Writes smaller than this are buffered (A). */
  readonly smallBytes: number;
  /** Buffer size per fd: flushed when it reaches this (B). */
  readonly bufferBytes: number;
  /** A buffer older than this is flushed at the process's next intercepted call. */
  readonly timeoutNs: number;
}

export interface SyscallConfig {
  readonly mechanism: Mechanism;
  /** Kitten (designs/kitten.ts): the calls its HIO mask forwards to Linux through the ring (absent for other designs). */
  readonly forwardedCalls?: readonly string[];
  /** Palacios (designs/kittenPalacios.ts): the virtual machine the application runs in (absent for other designs). */
  readonly vm?: VmConfig;
  /** Calls the LWK handles itself (defaults per mechanism: docs/sources.md, Local calls). */
  readonly localCalls: readonly string[];
  /** mOS as built: the subset of localCalls that are Linux code run on the LWK CPU (the rest are lwk_sys_*). */
  readonly linuxCodeOnLwk: readonly string[];
  /** How a caller waits for a forwarded call's reply. */
  readonly wait: 'spin' | 'block';
  /** Whether LWK channels take reply IPIs (false: the LWK polls). */
  readonly replyIpi: boolean;
  /** IPI on the empty -> non-empty transition only (the paper, ROSS 2014), or on every message (McKernel). */
  readonly ipiPolicy: 'coalesce' | 'every';
  /** Slots in each Linux channel queue; a full queue makes the sender wait. */
  readonly channelCapacity: number;
  /** Proxy threads per process (1 = one handler per pid). */
  readonly proxyThreads: number;
  /**
   * Where Linux may run a process's proxies: the Linux CPUs of the caller's NUMA domain, its
   * group's syscall CPU only, or any Linux CPU. The scheduler places them at each wake-up.
   */
  readonly proxyAffinity: 'domain' | 'syscall-cpu' | 'linux';
  /** Files under this prefix are on the parallel filesystem. */
  readonly pfsPrefix: string;
  /** Which level ships parallel-filesystem I/O to an OS node ('none': the node is a PFS client itself). */
  readonly osNodeShipper: 'glibc' | 'lwk' | 'linux' | 'none';
  readonly aggregation: AggregationConfig;
  readonly costs: SyscallCosts;
  /** Hobbes only (src/engine/designs/hobbes.ts): the analytics enclave and XEMEM attachments. */
  readonly hobbes?: HobbesConfig;
  /** FFMK only (src/engine/designs/ffmk.ts): the microkernel IPC of decoupled threads. */
  readonly ffmk?: FfmkConfig;
  /** CAKE only (src/engine/designs/cake.ts): the class of calls its user-level agent serves. */
  readonly cake?: CakeConfig;
}

/**
 * Hobbes: a simulation in a Pisces/Kitten co-kernel enclave (the LWK CPUs and memory of the
 * partition) and an analytics program in the Linux enclave, which reads the simulation's output
 * in place through XEMEM attachments.
 */
export interface HobbesConfig {
  /** Analytics processes in the Linux enclave, one thread each, one per Linux CPU that serves no syscall group. */
  readonly analyticsThreads: number;
  /** The simulation publishes an output step every K of its iterations (all its processes). */
  readonly outputEvery: number;
  /** Bytes of one output step; each analytics process reads an equal share in place. */
  readonly outputBytes: number;
  /** Output buffers the simulation cycles through; each share of each one is one XEMEM segment, attached once. */
  readonly buffers: number;
  /** The analytics' work per byte it reads. */
  readonly analysisNsPerByte: number;
  /** How often a waiting analytics thread reads the output flag in the shared segment (it spins). */
  readonly pollNs: number;
  /** xemem_get and the attach command on the attaching side (name service lookup included). */
  readonly attachNs: number;
  /** Per 4 KiB page of an attached segment: the owner's page-frame list, and the attacher's mapping of it. */
  readonly pageNs: number;
}

/** FFMK: decoupled threads on microkernel cores forward Linux calls to L4Linux by microkernel IPC. */
export interface FfmkConfig {
  /** The microkernel's IPC path on one side (exception IPC out of the decoupled thread, or the reply), excluding the IPI. */
  readonly ipcNs: number;
}

/** CAKE: calls of a configured class go to a user-level agent process instead of Linux. */
export interface CakeConfig {
  /** Paths under this prefix (and fds opened on them) belong to the agent's class. */
  readonly prefix: string;
  /** Calls the agent serves whatever their path (unless the LWK serves them itself). */
  readonly calls: readonly string[];
  /** Threads of the agent process, placed by Linux on the housekeeping CPUs. */
  readonly agentThreads: number;
  /** The agent's own work per request, in user space. */
  readonly serviceNs: number;
}

export interface FwqWorkload {
  readonly kind: 'fwq';
  /** Work per quantum, ns (FWQ: fixed work quanta). */
  readonly quantumNs: number;
}

export interface BspWorkload {
  readonly kind: 'bsp';
  /** Processes (MPI ranks) on the node; the application CPUs are shared out among them. */
  readonly processes: number;
  /** Compute per iteration per thread. */
  readonly computeNs: number;
  /** Halo exchange per iteration (bytes per rank), through the NIC with OS bypass. */
  readonly haloBytes: number;
  /** Small syscalls per iteration per process (made by its first thread). */
  readonly syscallsPerIteration: number;
  /** Every K iterations each process writes a checkpoint of this many bytes to the PFS. */
  readonly checkpointEvery: number;
  readonly checkpointBytes: number;
}

export interface SyscallBenchWorkload {
  readonly kind: 'syscall';
  /** The call each thread repeats. */
  readonly call: string;
  readonly bytes: number;
  /** Compute between two calls. */
  readonly thinkNs: number;
  /** Path of the file the I/O calls use (under the PFS prefix to exercise OS nodes). */
  readonly path: string;
}

/** Fields per call in `ReplayThread.calls` (REPLAY_STRIDE numbers each, see src/engine/strace/toWorkload.ts). */
export const REPLAY_STRIDE = 7;

/** One traced thread of a replayed strace log. */
export interface ReplayThread {
  /** Thread id in the log (0 without a pid column). */
  readonly tracedTid: number;
  /** Index of its process (thread group) in the replay: pid FIRST_PID + process. */
  readonly process: number;
  /** When the thread starts: its first call's offset in the log, ns (0 without timestamps). */
  readonly startNs: number;
  /**
   * REPLAY_STRIDE numbers per call: compute gap before it (ns), name index, traced fd (-1 none),
   * bytes, path index (-1 none), external wait (ns; -1 when the call does not block), row in the log.
   */
  readonly calls: readonly number[];
}

/** A strace log replayed as a workload: one process per traced thread group, with its threads. */
export interface ReplayWorkload {
  readonly kind: 'replay';
  /** Syscall names and paths referenced by index from the calls. */
  readonly names: readonly string[];
  readonly paths: readonly string[];
  readonly processes: number;
  readonly threads: readonly ReplayThread[];
}

export type WorkloadConfig = FwqWorkload | BspWorkload | SyscallBenchWorkload | ReplayWorkload;

export interface NetworkConfig {
  /** MPI latency between nodes and bandwidth, through the HPC network card. */
  readonly latencyNs: number;
  readonly bytesPerNs: number;
  /** Share of MPI messages whose completion raises a NIC interrupt (on Linux CPUs under mOS). */
  readonly irqPerMessage: number;
}

export interface NodeConfig {
  /** Preset or user name of this configuration. */
  readonly name: string;
  /** Which kernel runs the application: the LWK (mOS) or Linux (the baselines). */
  readonly system: 'mos' | 'linux';
  /** Hardware topology name (src/engine/node/topologies.ts). */
  readonly topology: string;
  readonly cpuCount: number;
  /** Per CPU: its core, its NUMA domain. */
  readonly coreOf: readonly number[];
  readonly numaOf: readonly number[];
  /** NUMA distances (SLIT), [from][to]. */
  readonly numaDistance: readonly (readonly number[])[];
  /** Per CPU: its role in the partition. */
  readonly roles: readonly Role[];
  /** Per CPU: the syscall CPU serving it (LWK CPUs), or -1. */
  readonly syscallCpuOf: readonly number[];
  /** CPUs that run the application's threads. */
  readonly appCpus: readonly number[];
  /** The partition as text (mOS boot syntax), for display. */
  readonly partitionText: string;
  /** LWK memory per NUMA domain (from lwkmem=); empty for the Linux baselines. */
  readonly lwkMem: readonly { readonly numa: number; readonly bytes: number }[];
  readonly memory: MemoryParams;
  /** The application's memory: each thread's working set, touched this much per compute segment until all of it is. */
  readonly app: { readonly workingSetBytes: number; readonly touchBytesPerSegment: number };
  readonly linux: LinuxConfig;
  readonly lwk: LwkConfig;
  readonly interference: InterferenceConfig;
  readonly launch: LaunchConfig;
  readonly syscalls: SyscallConfig;
  readonly network: NetworkConfig;
  /** OS nodes and the parallel filesystem behind them. */
  readonly osnode: OsNodeParams;
  readonly workload: WorkloadConfig;
}
