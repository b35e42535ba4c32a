/**
 * The job: its processes and threads, laid out on the application CPUs (process i takes the
 * i-th contiguous share, in NUMA order), plus one Linux-side proxy per LWK process (or a pool).
 */
import type { NodeConfig } from '../config/nodeConfig';
import type { ProgramState } from '../workloads/program';
import { Activity } from './kinds';
import { Cont, TState, type NodeState, type Process, type Thread } from './state';
import { FIRST_PID } from '../syscalls/issue';

function processCount(config: NodeConfig): number {
  const w = config.workload;
  if (w.kind === 'replay') return w.processes;
  return w.kind === 'bsp' ? Math.max(1, Math.min(w.processes, config.appCpus.length)) : 1;
}

function program(config: NodeConfig, leader: boolean): ProgramState {
  switch (config.workload.kind) {
    case 'fwq': return { kind: 'fwq', quanta: 0 };
    case 'bsp': return { kind: 'bsp', iteration: 0, step: -2, leader, logFd: -1, ckptFd: -1 };
    case 'syscall': return { kind: 'syscall', count: 0, think: false, fd: -2 };
    case 'replay': return { kind: 'replay', thread: 0, index: -1, step: 0 };
  }
}

function newThread(state: NodeState, pid: number, home: number, kind: 'app' | 'proxy', prog: ProgramState): Thread {
  const t: Thread = {
    tid: state.threads.length, pid, cpu: home, home, kind, state: TState.Blocked, seg: Activity.App, segLeft: -1,
    cont: kind === 'app' ? Cont.Next : Cont.ProxyLoop, call: -1, serving: -1, signalsSentAt: [], flushes: [],
    deferred: null, lastRet: 0, wakePending: false, tlbFactor: 1, touched: 0, prog,
  };
  state.threads.push(t);
  return t;
}

export function createJob(state: NodeState, config: NodeConfig): void {
  const cpus = [...config.appCpus].sort((a, b) => config.numaOf[a] - config.numaOf[b] || a - b);
  const n = processCount(config);
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
    else share.forEach((cpu, k) => p.threads.push(newThread(state, pid, cpu, 'app', program(config, k === 0)).tid));
    if (config.system === 'mos') {
      const home = config.syscallCpuOf[state.threads[p.threads[0]]?.home ?? share[0]];
      for (let k = 0; k < config.syscalls.proxyThreads; k++) p.proxies.push(newThread(state, pid, home, 'proxy', { kind: 'proxy' }).tid);
    }
  }
}

/**
 * strace replay: the process's traced threads, placed on the application CPUs round-robin in
 * the order of the log (more threads than CPUs share them: the LWK scheduler is cooperative).
 */
function addReplayThreads(state: NodeState, config: NodeConfig, p: Process, cpus: readonly number[]): void {
  if (config.workload.kind !== 'replay') return;
  const index = p.pid - FIRST_PID;
  config.workload.threads.forEach((rt, k) => {
    if (rt.process !== index) return;
    const cpu = cpus[k % cpus.length];
    p.threads.push(newThread(state, p.pid, cpu, 'app', { kind: 'replay', thread: k, index: -1, step: 0 }).tid);
  });
}
