/**
 * McKernel's launcher and proxy process, `mcexec [options] [<mcos-id>] <program> [args]`
 * (RIKEN-SysSoft/mckernel executer/user/mcexec.c, getopt_long "+c:n:t:M:h:e:s:m:u:S:f:" and its
 * long options; man page executer/user/mcexec.1in). What the model uses:
 *
 * - `-n N`: N MPI ranks on the node ("partitioned execution"): the BSP mini-app with N processes;
 *   mcexec refuses more ranks than McKernel CPUs.
 * - `-t N`: N syscall threads in the proxy process: syscalls.proxyThreads.
 * - `-h SIZE`, `--extend-heap-by=SIZE`: brk extends the heap by at least SIZE: memory.heapStepBytes.
 * - With -n, mcexec binds itself to the Linux CPUs its ranks' IKC messages go to ("Bind to CPU
 *   cores where the LWK process' IKC target maps to"): syscalls.proxyAffinity 'syscall-cpu';
 *   `--no-bind-ikc-map` keeps it on the NUMA node instead (numa_run_on_node): 'domain'.
 *
 * Every other option is accepted with a warning that it has no effect in the model.
 */
import type { Diagnostic } from '../diagnostic';
import { diag } from '../diagnostic';
import { formatSize, parseSize } from '../size';
import type { FoundCommand } from './commands';
import { getopt, lastUse, type OptionSpec } from './getopt';
import { diagIn } from './shell';
import { readPositive } from './words';

export const MCEXEC_OPTIONS: readonly OptionSpec[] = [
  { key: 'procs', short: 'n', arg: 'required', hint: 'the number of MPI ranks on the node, e.g. -n 4' },
  { key: 'threads', short: 't', arg: 'required', hint: 'the number of syscall threads in the proxy process, e.g. -t 4' },
  { key: 'heap', short: 'h', long: ['extend-heap-by'], arg: 'required', hint: 'a size such as 2M' },
  { key: 'nobind', long: ['no-bind-ikc-map'], arg: 'none' },
  { key: 'core', short: 'c', arg: 'required', ignored: 'the target CPU of the program' },
  { key: 'mpolThreshold', short: 'M', long: ['mpol-threshold'], arg: 'required', ignored: 'size under which allocations ignore the NUMA policy' },
  { key: 'mpolBind', short: 'm', arg: 'required', ignored: 'NUMA nodes to bind memory to' },
  { key: 'stack', short: 's', long: ['stack-premap'], arg: 'required', ignored: 'stack mapped at start, and its maximum' },
  { key: 'uti', short: 'u', long: ['uti-thread-rank'], arg: 'required', ignored: 'the rank whose helper threads run on Linux (UTI)' },
  { key: 'straight', short: 'S', long: ['straight-map-threshold'], arg: 'required', ignored: 'straight mapping threshold' },
  { key: 'flags', short: 'f', long: ['flags'], arg: 'required', ignored: 'mcexec flags' },
  { key: 'env', short: 'e', arg: 'required', ignored: 'an extra environment variable' },
  { key: 'vdsoOff', long: ['disable-vdso'], arg: 'none', ignored: 'vDSO off (deprecated)' },
  { key: 'vdsoOn', long: ['enable-vdso'], arg: 'none', ignored: 'vDSO on, the default (deprecated)' },
  { key: 'profile', long: ['profile'], arg: 'none', ignored: 'system call profiling' },
  { key: 'noHeap', long: ['mpol-no-heap'], arg: 'none', ignored: 'the heap ignores the NUMA policy' },
  { key: 'noStack', long: ['mpol-no-stack'], arg: 'none', ignored: 'the stack ignores the NUMA policy' },
  { key: 'noBss', long: ['mpol-no-bss'], arg: 'none', ignored: 'the BSS ignores the NUMA policy' },
  { key: 'shmPremap', long: ['mpol-shm-premap'], arg: 'none', ignored: "pre-populates Intel MPI's shared memory" },
  { key: 'noYield', long: ['disable-sched-yield'], arg: 'none', ignored: 'sched_yield does nothing' },
  { key: 'straightOn', long: ['enable-straight-map'], arg: 'none', ignored: 'straight mapping of memory' },
  { key: 'utiOn', long: ['enable-uti'], arg: 'none', ignored: 'utility threads on Linux (UTI)' },
  { key: 'utiLast', long: ['uti-use-last-cpu'], arg: 'none', ignored: 'UTI threads on the last Linux CPU' },
  { key: 'debug', long: ['debug-mcexec'], arg: 'none', ignored: "mcexec's debug output" },
  { key: 'tofu', long: ['enable-tofu'], arg: 'none', ignored: 'the Tofu interconnect' },
];

/** The model's bounds (docs/parameters.md): at most 1,024 ranks and 64 proxy threads; a heap step of 4 KiB to 1 TiB. */
const MAX_PROCESSES = 1024;
const MAX_PROXY_THREADS = 64;
const MIN_HEAP = 4096;
const MAX_HEAP = 2 ** 40;

export interface McexecResult {
  readonly processes?: number;
  readonly proxyThreads?: number;
  readonly heapStepBytes?: number;
  readonly proxyAffinity?: 'syscall-cpu' | 'domain';
}

/** mcexec's options; `lwkCpus`: McKernel's CPU count when mcreboot.sh is given (mcexec checks -n against it). */
export function readMcexec(cmd: FoundCommand, lwkCpus: number | undefined, errors: Diagnostic[], warnings: Diagnostic[]): McexecResult {
  const opts = getopt('mcexec', cmd.args, MCEXEC_OPTIONS, errors, warnings);
  const out: { -readonly [K in keyof McexecResult]: McexecResult[K] } = {};
  const n = lastUse(opts, 'procs');
  if (n?.value) {
    const v = readPositive(n.value, 'mcexec -n (MPI ranks on the node)', errors);
    if (v !== undefined && v > MAX_PROCESSES) errors.push(diagIn(`mcexec -n ${v}: the model runs at most ${MAX_PROCESSES} ranks on a node`, n.value));
    else if (v !== undefined && lwkCpus !== undefined && v > lwkCpus) {
      errors.push(diagIn(`mcexec -n ${v}: more ranks than McKernel CPUs (${lwkCpus}); mcexec refuses ("nr_processes can't exceed nr. of CPUs")`, n.value));
    } else if (v !== undefined) {
      out.processes = v;
      out.proxyAffinity = lastUse(opts, 'nobind') ? 'domain' : 'syscall-cpu';
    }
  } else if (lastUse(opts, 'nobind')) {
    const u = lastUse(opts, 'nobind')!;
    warnings.push(diag('mcexec --no-bind-ikc-map is accepted, has no effect without -n (mcexec binds itself only for partitioned execution)', u.nameStart, u.end));
  }
  const t = lastUse(opts, 'threads');
  if (t?.value) {
    const v = readPositive(t.value, 'mcexec -t (syscall threads)', errors);
    if (v !== undefined && v > MAX_PROXY_THREADS) errors.push(diagIn(`mcexec -t ${v}: the model runs at most ${MAX_PROXY_THREADS} proxy threads per process`, t.value));
    else if (v !== undefined) out.proxyThreads = v;
  }
  const h = lastUse(opts, 'heap');
  if (h?.value) {
    const size = parseSize(h.value.text);
    if (!size.ok) errors.push(diagIn(`mcexec ${h.written}: ${size.message}`, h.value));
    else if (size.bytes < MIN_HEAP || size.bytes > MAX_HEAP) {
      errors.push(diagIn(`mcexec ${h.written} ${h.value.text}: the model's heap step is 4K to 1T`, h.value));
    } else {
      if (size.warning !== undefined) warnings.push(diagIn(size.warning, h.value));
      out.heapStepBytes = size.bytes;
    }
  }
  // The operands: an optional McKernel instance number, then the program.
  let ops = opts.operands;
  if (ops.length > 0 && /^\d/.test(ops[0].text)) {
    warnings.push(diag(`mcexec's McKernel instance number (${ops[0].text}) is accepted, has no effect in the model (it runs one instance)`, ops[0].start, ops[0].end));
    ops = ops.slice(1);
  }
  if (ops.length === 0) {
    const end = cmd.args.length > 0 ? cmd.args[cmd.args.length - 1].end : cmd.nameWord.end;
    errors.push(diag('mcexec needs the program to run, e.g. mcexec -n 4 ./app', cmd.nameWord.start, end));
  }
  return out;
}

/** The canonical mcexec command: -n only for the BSP mini-app (ranks), then -t and -h. */
export function printMcexec(r: { processes?: number; proxyThreads: number; heapStepBytes: number; proxyAffinity: string }): string {
  const words = ['mcexec'];
  if (r.processes !== undefined) words.push('-n', String(r.processes));
  words.push('-t', String(r.proxyThreads), '-h', formatSize(r.heapStepBytes));
  if (r.processes !== undefined && r.proxyAffinity === 'domain') words.push('--no-bind-ikc-map');
  words.push('./app');
  return words.join(' ');
}
