/**
 * Continuations that many rules use: ask the workload for the next action, and return from a
 * system call. They are declared here (low in the import graph) and bound by the modules that
 * implement them (actions.ts and syscalls/issue.ts). Everything else a thread can continue
 * with is defined by the module or design that owns it (rules.ts).
 */
import { declareContinuation } from './rules';

export const Cont = {
  /** Ask the workload for the next action (or run one postponed behind glibc flushes). */
  Next: declareContinuation('next action'),
  /** The call is done: return to user space. */
  Return: declareContinuation('return to user'),
} as const;
export type Cont = number;
