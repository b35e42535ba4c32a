/**
 * The job: its processes and threads, laid out on the application CPUs (process i takes the
 * i-th contiguous share, in NUMA order), plus Linux-side proxy threads for each LWK process when
 * the design uses proxies (one per pid, or a pool of k), allowed on the Linux CPUs that
 * `syscalls.proxyAffinity` names.
 */
import type { NodeConfig } from '../config/nodeConfig';
import type { ProgramState } from '../workloads/program';
import { Activity, Role } from './kinds';
import { processCount } from './jobShape';
import { FIRST_PID, TState, type NodeState, type Process, type Thread } from './state';
import { Cont } from './continuations';
import { designOf } from '../designs/registry';


function program(config: NodeConfig, leader: boolean): ProgramState {
  switch (config.workload.kind) {
    case 'fwq': return { kind: 'fwq', quanta: 0 };
    case 'bsp': return { kind: 'bsp', iteration: 0, step: -2, leader, logFd: -1, ckptFd: -1 };
    case 'syscall': return { kind: 'syscall', count: 0, think: false, fd: -2 };
    case 'replay': return { kind: 'replay', thread: 0, index: -1, step: 0 };
  }
}

function newThread(state: NodeState, pid: number, home: number, kind: 'app' | 'proxy', prog: ProgramState, affinity: readonly number[] | null): Thread {
  const t: Thread = {
    tid: state.threads.length, pid, cpu: home, home, affinity, kind, state: TState.Blocked, seg: Activity.App, segLeft: -1,
    cont: Cont.Next, call: -1, serving: -1, signalsSentAt: [], flushes: [],
    deferred: null, lastRet: 0, wakePending: false, tlbFactor: 1, touched: 0, prog,
  };
  state.threads.push(t);
  return t;
}

/** Linux CPUs a process's proxies may run on (its syscall CPU first: where they start). */
export function proxyCpus(config: NodeConfig, callerCpu: number): number[] {
  const syscallCpu = config.syscallCpuOf[callerCpu];
  const linux = config.roles.map((r, c) => (r !== Role.Lwk ? c : -1)).filter((c) => c >= 0 && !config.appCpus.includes(c));
  const numa = config.numaOf[callerCpu];
  let set: number[];
  switch (config.syscalls.proxyAffinity) {
    case 'syscall-cpu': set = [syscallCpu]; break;
    case 'linux': set = linux; break;
    case 'domain': {
      set = linux.filter((c) => config.numaOf[c] === numa);
      if (set.length === 0) set = linux; // a domain without Linux CPUs (MCDRAM) borrows them all
      break;
    }
  }
  return [syscallCpu, ...set.filter((c) => c !== syscallCpu)].filter((c) => c >= 0);
}

export function createJob(state: NodeState, config: NodeConfig): void {
  const cpus = [...config.appCpus].sort((a, b) => config.numaOf[a] - config.numaOf[b] || a - b);
  const n = processCount(config);
  const proxies = designOf(config).usesProxies;
  for (let i = 0; i < n; i++) {
    const share = cpus.slice(Math.floor((i * cpus.length) / n), Math.floor(((i + 1) * cpus.length) / n));
    const pid = FIRST_PID + i;
    const p: Process = {
      pid, threads: [], proxies: [], pidQueue: [], fds: { 0: '/dev/stdin', 1: '/dev/stdout', 2: '/dev/stderr' }, nextFd: 3,
      aggregation: {}, aggregationOldest: Infinity, barrierWaiting: [], barrierArrived: 0, exited: false,
    };
    state.processes.push(p);
    state.progress.perProcess.push(0);
    if (config.workload.kind === 'replay') addReplayThreads(state, config, p, cpus);
    else share.forEach((cpu, k) => p.threads.push(newThread(state, pid, cpu, 'app', program(config, k === 0), null).tid));
    const leaderCpu = state.threads[p.threads[0]]?.home ?? share[0];
    if (proxies && config.roles[leaderCpu] === Role.Lwk) {
      const allowed = proxyCpus(config, leaderCpu);
      for (let k = 0; k < config.syscalls.proxyThreads; k++) p.proxies.push(newThread(state, pid, allowed[0], 'proxy', { kind: 'proxy' }, allowed).tid);
    }
  }
  for (const hook of jobHooks) hook(state, config);
}

/**
 * A rule a design adds to the job's creation: processes and threads beyond the application's
 * (another enclave's program, a user-level agent, L4Linux's shadow tasks). Each hook checks the
 * configuration itself and does nothing for other designs.
 */
export type JobHook = (state: NodeState, config: NodeConfig) => void;
const jobHooks: JobHook[] = [];

/** Registers a job-creation rule (a design calls it once, at load). */
export function onCreateJob(hook: JobHook): void {
  jobHooks.push(hook);
}

/** A new process without threads (pid FIRST_PID + its index), for a job-creation rule. */
export function addProcess(state: NodeState): Process {
  const p: Process = {
    pid: FIRST_PID + state.processes.length, threads: [], proxies: [], pidQueue: [], fds: { 0: '/dev/stdin', 1: '/dev/stdout', 2: '/dev/stderr' }, nextFd: 3,
    aggregation: {}, aggregationOldest: Infinity, barrierWaiting: [], barrierArrived: 0, exited: false,
  };
  state.processes.push(p);
  state.progress.perProcess.push(0);
  return p;
}

/** A new thread of `p` on `home` (an application thread, or a Linux-side server listed with its proxies), for a job-creation rule. */
export function addThread(state: NodeState, p: Process, home: number, kind: 'app' | 'proxy', prog: ProgramState, affinity: readonly number[] | null): Thread {
  const t = newThread(state, p.pid, home, kind, prog, affinity);
  (kind === 'app' ? p.threads : p.proxies).push(t.tid);
  return t;
}

/**
 * strace replay: the process's traced threads, placed on the application CPUs round-robin in
 * the order of the log (more threads than CPUs share them: the LWK scheduler is cooperative).
 */
function addReplayThreads(state: NodeState, config: NodeConfig, p: Process, cpus: readonly number[]): void {
  if (config.workload.kind !== 'replay') return;
  for (const k of replayThreadsOf(config).get(p.pid - FIRST_PID) ?? []) {
    const cpu = cpus[k % cpus.length];
    p.threads.push(newThread(state, p.pid, cpu, 'app', { kind: 'replay', thread: k, index: -1, step: 0 }, null).tid);
  }
}

/** The replay's thread indices grouped by process, once per configuration (thousands of processes must not each scan all threads). */
const replayGroups = new WeakMap<object, Map<number, number[]>>();
function replayThreadsOf(config: NodeConfig): Map<number, number[]> {
  let groups = replayGroups.get(config.workload);
  if (groups === undefined) {
    groups = new Map();
    if (config.workload.kind === 'replay') config.workload.threads.forEach((rt, k) => (groups!.get(rt.process) ?? groups!.set(rt.process, []).get(rt.process)!).push(k));
    replayGroups.set(config.workload, groups);
  }
  return groups;
}
