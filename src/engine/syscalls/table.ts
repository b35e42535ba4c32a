/** Lookups over the generated x86_64 syscall table (src/engine/syscalls/x86_64Table.ts). */
import { X86_64_SYSCALLS } from './x86_64Table';

export interface SyscallEntry {
  readonly name: string;
  readonly nr: number;
}

// Built once on first use: the table is small (a few hundred entries) and immutable.
let byName: ReadonlyMap<string, number> | undefined;
let byNr: ReadonlyMap<number, string> | undefined;
let entries: readonly SyscallEntry[] | undefined;

function nameMap(): ReadonlyMap<string, number> {
  byName ??= new Map(X86_64_SYSCALLS.map(([name, nr]) => [name, nr]));
  return byName;
}

function nrMap(): ReadonlyMap<number, string> {
  byNr ??= new Map(X86_64_SYSCALLS.map(([name, nr]) => [nr, name]));
  return byNr;
}

/** The x86_64 number of a syscall name, or undefined if the name is not in the table. */
export function syscallNumber(name: string): number | undefined {
  return nameMap().get(name);
}

/** The name of an x86_64 syscall number, or undefined if the number is unassigned. */
export function syscallName(nr: number): string | undefined {
  return nrMap().get(nr);
}

/** Every syscall of the table, sorted by number. */
export function allSyscalls(): readonly SyscallEntry[] {
  entries ??= Object.freeze(X86_64_SYSCALLS.map(([name, nr]) => Object.freeze({ name, nr })));
  return entries;
}
