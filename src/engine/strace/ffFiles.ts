/**
 * `strace -ff -o PREFIX` writes one file per thread, PREFIX.PID, whose lines have no pid column.
 * A set of them is merged into one parse (StraceParser.beginFile), the pid taken from each name.
 */
import { PID_MAX_LIMIT } from './limits';

/** The pid of a file named PREFIX.PID (a path's last component), or -1 if the name is not of that form. */
export function pidFromFileName(name: string): number {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return -1;
  const digits = base.slice(dot + 1);
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
  }
  const pid = digits.length > 7 ? Infinity : Number(digits);
  return pid >= 1 && pid <= PID_MAX_LIMIT ? pid : -1;
}

export interface FfFile<T> {
  readonly name: string;
  readonly pid: number;
  readonly item: T;
}

/**
 * Checks a set of -ff files and orders them by pid (the same merge whatever order they were
 * given in). Returns the files, or a message naming the first problem.
 */
export function orderFfFiles<T>(items: readonly T[], nameOf: (item: T) => string): { ok: true; files: FfFile<T>[] } | { ok: false; message: string } {
  const files: FfFile<T>[] = [];
  const byPid = new Map<number, string>();
  for (const item of items) {
    const name = nameOf(item);
    const pid = pidFromFileName(name);
    if (pid < 0) {
      return { ok: false, message: `${name} is not named like a file of strace -ff -o PREFIX (PREFIX.PID, e.g. trace.7711): the pid of its lines cannot be known` };
    }
    const other = byPid.get(pid);
    if (other !== undefined) return { ok: false, message: `${other} and ${name} are both for pid ${pid}: give the files of one run` };
    byPid.set(pid, name);
    files.push({ name, pid, item });
  }
  files.sort((a, b) => a.pid - b.pid);
  return { ok: true, files };
}
