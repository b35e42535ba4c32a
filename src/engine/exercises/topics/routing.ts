/**
 * Where a system call goes: the triage levels (glibc in user space, the LWK itself, Linux by
 * function shipping, an OS node for the parallel filesystem) and, for a forwarded call, which
 * Linux CPU takes the message (the syscall CPU of the caller's group) and which runs its proxy.
 */
import { Route, ROUTES } from '../../descriptors';
import { MS, US } from '../../kernel/time';
import { registerExerciseTopic } from '../registry';
import { nodeSetupOf, runNodeSetup } from '../nodeRun';
import { firstCall, lwkCpusOf, partitionText, syscallWorkload } from '../nodeSetup';
import type { ExerciseAnswer } from '../types';

/** Calls and the file they work on: local, on the parallel filesystem, or none. */
const CALLS = [
  { call: 'write', bytes: 4096, path: '/tmp/exercise', what: 'write() of 4 KiB to a local file' },
  { call: 'write', bytes: 4096, path: '/pfs/exercise', what: 'write() of 4 KiB to a file on the parallel filesystem (/pfs)' },
  { call: 'read', bytes: 4096, path: '/tmp/exercise', what: 'read() of 4 KiB from a local file' },
  { call: 'fstat', bytes: 0, path: '/tmp/exercise', what: 'fstat() of a local file' },
  { call: 'getpid', bytes: 0, path: '', what: 'getpid()' },
  { call: 'clock_gettime', bytes: 0, path: '', what: 'clock_gettime()' },
  { call: 'nanosleep', bytes: 5000, path: '', what: 'nanosleep() of 5 µs' },
] as const;
const CORES = [2, 3, 4] as const;
// Long enough for an open and a write on the parallel filesystem (two OS-node round trips).
const WINDOW_NS = 10 * MS;
const THINK_NS = 20 * US;
const NONE = 'none';
/** The paper's triage levels (designs register more routes; these setups use none of them). */
const LEVELS = [Route.Glibc, Route.Lwk, Route.Linux, Route.OsNode].map((code) => ROUTES[code].short);

export const ROUTING = registerExerciseTopic({
  id: 'routing',
  title: 'Which CPU serves a call',
  summary: 'Follow one system call through the triage: the level that serves it, the CPU that takes its message and the CPU that runs its proxy.',
  draft(pick, seed) {
    const cores = pick.oneOf(CORES);
    const c = pick.oneOf(CALLS);
    const group = pick.int(0, 1);
    const cpu = pick.oneOf(lwkCpusOf(cores, group));
    const config = { preset: 'mos', partition: partitionText(cores, 2), workload: syscallWorkload(c.call, c.bytes, THINK_NS, c.path || '/tmp/exercise') };
    return {
      intro:
        `Design: mOS function shipping, partition ${config.partition} (two groups: syscall CPU 0 with its LWK CPUs, syscall CPU 16 with its own). ` +
        `One application thread on every LWK CPU repeats a ${c.what}. Follow the first ${c.call}() issued on LWK CPU ${cpu}.`,
      setup: { kind: 'node', config, seed, windowNs: WINDOW_NS },
      params: { cpu, call: c.call },
      questions: [
        { id: 'route', text: `Where is it finally served: ${LEVELS.join(', ')}?` },
        { id: 'handler', text: `If it goes through a Linux channel, which CPU's IPI handler takes its message (else "${NONE}")?` },
        { id: 'proxy', text: `Which CPU runs the proxy that performs it for the thread (else "${NONE}")?` },
      ],
    };
  },
  answer(ex): ExerciseAnswer[] {
    const setup = nodeSetupOf(ex);
    const run = runNodeSetup(setup);
    const cpu = Number(ex.params.cpu);
    const name = String(ex.params.call);
    const call = firstCall(run.events, cpu, name);
    if (!call) throw new Error(`routing: no ${name}() from CPU ${cpu} within the window`);
    if (!call.of('syscallDone')) throw new Error(`routing: the first ${name}() from CPU ${cpu} did not complete within the window`);
    // Its final level: Linux may ship a call on to an OS node.
    const route = call.last('syscallRoute');
    const handler = call.of('handlerRoute');
    const proxy = call.of('proxyStart');
    const level = route ? ROUTES[route.route] : undefined;
    return [
      { id: 'route', value: level?.short ?? NONE, text: level ? level.title : 'not routed within the window' },
      { id: 'handler', value: handler ? handler.cpu : NONE, text: handler ? `CPU ${handler.cpu}${handler.cpu === run.config.syscallCpuOf[cpu] ? ', the syscall CPU of its group' : ''}` : 'none: no message to Linux' },
      { id: 'proxy', value: proxy ? proxy.cpu : NONE, text: proxy ? `CPU ${proxy.cpu}` : 'none: no proxy runs it' },
    ];
  },
});
