/** What a call costs where it is served: service time by kind, and data copies across NUMA distance. */
import type { NodeConfig } from '../config/nodeConfig';
import { transferDirection } from './classes';

const OPEN = new Set(['open', 'openat', 'openat2', 'creat']);
const META = new Set(['stat', 'fstat', 'lstat', 'newfstatat', 'statx', 'access', 'faccessat', 'faccessat2', 'close', 'lseek', 'fsync', 'fdatasync', 'getdents64', 'unlink', 'unlinkat', 'mkdir', 'mkdirat', 'fcntl', 'ioctl', 'readlink', 'readlinkat']);
const PROCESS = new Set(['fork', 'vfork', 'clone', 'clone3', 'execve', 'execveat', 'exit_group', 'wait4', 'waitid']);
const IO = new Set(['read', 'write', 'pread64', 'pwrite64', 'readv', 'writev', 'preadv', 'pwritev', 'sendto', 'recvfrom', 'sendmsg', 'recvmsg']);

export function serviceNs(config: NodeConfig, name: string): number {
  const s = config.syscalls.costs.serviceNs;
  if (IO.has(name)) return s.io;
  if (OPEN.has(name)) return s.open;
  if (META.has(name)) return s.meta;
  if (PROCESS.has(name)) return s.process;
  return s.other;
}

/** Copy between the caller's memory (near `fromCpu`) and the server (on `toCpu`): per byte, scaled by NUMA distance / 10. */
export function copyNs(config: NodeConfig, name: string, bytes: number, fromCpu: number, toCpu: number): number {
  if (bytes <= 0 || transferDirection(name) === undefined) return 0;
  const distance = config.numaDistance[config.numaOf[fromCpu]]?.[config.numaOf[toCpu]] ?? 10;
  return bytes * config.syscalls.costs.copyNsPerByte * (distance / 10);
}
