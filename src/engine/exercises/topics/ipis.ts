/**
 * Doorbell IPIs for a burst of forwarded calls: mOS rings the syscall CPU only when its channel
 * goes from empty to non-empty (later messages ride on the pending IPI); McKernel sends one per
 * message. The student predicts the messages, the IPIs and how many rode along.
 */
import { US } from '../../kernel/time';
import { registerExerciseTopic } from '../registry';
import { nodeSetupOf, runNodeSetup } from '../nodeRun';
import { bytesText, count, partitionText, roundDuration, syscallWorkload } from '../nodeSetup';
import type { ExerciseAnswer } from '../types';

const DESIGNS = [
  { preset: 'mos', name: 'mOS function shipping (a doorbell IPI only when the channel goes from empty to non-empty)' },
  { preset: 'mckernel', name: 'McKernel-style offloading (an IPI for every message)' },
] as const;
const CALLS = [
  { call: 'write', bytes: [64, 4096, 65536] },
  { call: 'read', bytes: [4096, 65536] },
  { call: 'fstat', bytes: [0] },
] as const;
const CORES = [1, 2, 3, 4] as const;
const THINK_NS = [2 * US, 5 * US, 20 * US, 50 * US] as const;
const WINDOW_NS = [100 * US, 200 * US, 500 * US] as const;
/** The syscall CPU of the partition's only group. */
const SYSCALL_CPU = 0;

export const IPIS = registerExerciseTopic({
  id: 'ipis',
  title: 'Doorbell IPIs for a burst of calls',
  summary: 'Count the messages, the doorbell IPIs and the messages that ride on a pending IPI when LWK threads forward calls to one syscall CPU.',
  draft(pick, seed) {
    const design = pick.oneOf(DESIGNS);
    const cores = pick.oneOf(CORES);
    const { call, bytes: sizes } = pick.oneOf(CALLS);
    const bytes = pick.oneOf(sizes);
    const thinkNs = pick.oneOf(THINK_NS);
    const windowNs = pick.oneOf(WINDOW_NS);
    const threads = 2 * cores;
    const what = call === 'fstat' ? 'fstat()' : `${call}() of ${bytesText(bytes)}`;
    const config = {
      preset: design.preset,
      partition: partitionText(cores, 1),
      workload: syscallWorkload(call, bytes, thinkNs, '/tmp/exercise'),
    };
    return {
      intro:
        `Design: ${design.name}. ${threads} application threads, one on each LWK CPU (${config.partition}), ` +
        `all served by syscall CPU ${SYSCALL_CPU}. Each thread opens a local file, then repeats ${what}, computing ${roundDuration(thinkNs)} between calls. ` +
        `Look at the first ${roundDuration(windowNs)} after the job launches.`,
      setup: { kind: 'node', config, seed, windowNs },
      params: { design: design.preset, threads, call, bytes, thinkNs, windowNs },
      questions: [
        { id: 'messages', text: `How many messages do the threads insert into the Linux channel of syscall CPU ${SYSCALL_CPU} in that time?` },
        { id: 'ipis', text: `How many doorbell IPIs does syscall CPU ${SYSCALL_CPU} receive for them?` },
        { id: 'rode', text: 'How many of those messages needed no IPI of their own (they found one pending)?' },
      ],
    };
  },
  answer(ex): ExerciseAnswer[] {
    const run = runNodeSetup(nodeSetupOf(ex));
    const channel = (m: typeof run.atEnd) => m.channels.linux.find((c) => c.syscallCpu === SYSCALL_CPU) ?? { messages: 0, ipis: 0 };
    const messages = channel(run.atEnd).messages - channel(run.atLaunch).messages;
    const ipis = channel(run.atEnd).ipis - channel(run.atLaunch).ipis;
    const rode = messages - ipis;
    return [
      { id: 'messages', value: messages, text: count(messages, 'message') },
      { id: 'ipis', value: ipis, text: `${count(ipis, 'doorbell IPI')}${ipis > 0 ? ` (${(messages / ipis).toFixed(2)} messages per IPI)` : ''}` },
      { id: 'rode', value: rode, text: `${count(rode, 'message')} rode on a pending IPI` },
    ];
  },
});
