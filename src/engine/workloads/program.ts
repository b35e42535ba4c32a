/**
 * What application threads do, as a stream of actions. A workload is a small state machine in
 * plain data (ProgramState); `next` returns its thread's next action. The executor
 * (src/engine/node/executor.ts) performs actions; workloads never touch CPUs or queues.
 */

export type Action =
  | { readonly op: 'compute'; readonly ns: number }
  | { readonly op: 'syscall'; readonly name: string; readonly fd: number; readonly bytes: number; readonly path: string; readonly arg: number }
  /** Wait until every thread of the process has arrived (futex based). */
  | { readonly op: 'barrier' }
  /** Halo exchange through the network card with OS bypass: no syscall, the thread polls for completion. */
  | { readonly op: 'mpi'; readonly bytes: number }
  /** Wait for something outside the node's model (a peer, a child, a terminal): the thread blocks for ns. */
  | { readonly op: 'external'; readonly ns: number }
  | { readonly op: 'exit' };

export type ProgramState =
  | { readonly kind: 'fwq'; quanta: number }
  | { readonly kind: 'bsp'; iteration: number; step: number; readonly leader: boolean; logFd: number; ckptFd: number }
  | { readonly kind: 'syscall'; count: number; think: boolean; fd: number }
  | { readonly kind: 'proxy' }
  /** Replay of a traced thread: its index in the workload, the next call, and the step within that call. */
  | { readonly kind: 'replay'; readonly thread: number; index: number; step: number }
  /** Hobbes' analytics (another enclave's program): output steps read so far, XEMEM segments attached, an attach in flight. */
  | { readonly kind: 'analytics'; readonly share: number; seen: number; readonly attached: number[]; pending: number };

export type SyscallAction = Extract<Action, { op: 'syscall' }>;

export const NO_FD = -1;

export function syscallAction(name: string, fd = NO_FD, bytes = 0, path = '', arg = 0): SyscallAction {
  return { op: 'syscall', name, fd, bytes, path, arg };
}

/** `arg` of a futex call that is an ordinary futex operation, not the application's barrier. */
export const FUTEX_PLAIN = -1;
