/**
 * How long a forwarded call takes, and where the time goes: the stages of its latency (queue,
 * doorbell IPI, handler, proxy scheduling, service, copy, reply) under three designs.
 */
import { STAGES } from '../../descriptors';
import { formatDuration, US } from '../../kernel/time';
import { registerExerciseTopic } from '../registry';
import { nodeSetupOf, runNodeSetup, type NodeMetrics } from '../nodeRun';
import { bytesText, firstCall, lwkCpusOf, partitionText, roundDuration, syscallWorkload } from '../nodeSetup';
import type { ExerciseAnswer } from '../types';

const DESIGNS = [
  { preset: 'mos', name: 'mOS function shipping (a proxy on the syscall CPU serves the call)' },
  { preset: 'mckernel', name: 'McKernel-style offloading (an IPI per message, the caller spins)' },
  { preset: 'mos-as-built', name: 'mOS as built (the thread itself migrates to the syscall CPU and back)' },
] as const;
const BYTES = [512, 4096, 65536, 1 << 20] as const;
const CORES = [1, 2, 3] as const;
const THINK_NS = [10 * US, 50 * US] as const;
const WINDOW_NS = 1000 * US;
const CALL = 'write';

/** Count and mean latency of the calls Linux served by `m`'s time, with each stage's mean. */
const linuxRoute = (m: NodeMetrics) => m.syscalls.routes.linux;

export const LATENCY = registerExerciseTopic({
  id: 'latency',
  title: 'How long a forwarded call takes',
  summary: 'Time a write() forwarded from an LWK CPU to Linux, and find the stage that costs the most.',
  draft(pick, seed) {
    const design = pick.oneOf(DESIGNS);
    const cores = pick.oneOf(CORES);
    const bytes = pick.oneOf(BYTES);
    const thinkNs = pick.oneOf(THINK_NS);
    const cpu = pick.oneOf(lwkCpusOf(cores, 0));
    const config = { preset: design.preset, partition: partitionText(cores, 1), workload: syscallWorkload(CALL, bytes, thinkNs, '/tmp/exercise') };
    return {
      intro:
        `Design: ${design.name}. ${2 * cores} application threads on the LWK CPUs of ${config.partition}, served by syscall CPU 0; ` +
        `each opens a local file, then repeats write() of ${bytesText(bytes)}, computing ${roundDuration(thinkNs)} between calls. ` +
        `Look at the first ${roundDuration(WINDOW_NS)} after the job launches.`,
      setup: { kind: 'node', config, seed, windowNs: WINDOW_NS },
      params: { design: design.preset, cpu, bytes, thinkNs },
      questions: [
        { id: 'first', text: `How long does the first write() issued on LWK CPU ${cpu} take, from its issue to its return?` },
        { id: 'mean', text: 'What is the mean latency of the calls forwarded to Linux that complete in that time?' },
        { id: 'stage', text: 'Which stage of their latency takes the most time on average?' },
      ],
    };
  },
  answer(ex): ExerciseAnswer[] {
    const run = runNodeSetup(nodeSetupOf(ex));
    const cpu = Number(ex.params.cpu);
    const done = firstCall(run.events, cpu, CALL)?.of('syscallDone');
    if (!done) throw new Error(`latency: the first write() on CPU ${cpu} did not complete within the window`);
    // The window's calls: the run's totals at its end less those at the launch.
    const end = linuxRoute(run.atEnd), start = linuxRoute(run.atLaunch);
    const count = end.count - start.count;
    const total = (e: number, s: number) => e * end.count - s * start.count;
    const meanNs = count > 0 ? total(end.meanNs, start.meanNs) / count : 0;
    // Metrics name stages by their short names (src/engine/node/metrics.ts).
    const stages = STAGES.map((stage) => ({
      stage,
      ns: count > 0 ? total(end.stagesMeanNs[stage.short] ?? 0, start.stagesMeanNs[stage.short] ?? 0) / count : 0,
    }));
    const top = stages.reduce((a, b) => (b.ns > a.ns ? b : a));
    const stage = top.ns > 0 ? top.stage : undefined;
    return [
      { id: 'first', value: done.latencyNs, text: formatDuration(done.latencyNs) },
      { id: 'mean', value: Math.round(meanNs), text: `${formatDuration(Math.round(meanNs))} over ${count} calls` },
      {
        id: 'stage',
        value: stage?.short ?? 'none',
        text: stage ? `${stage.short} (${stage.title}): ${formatDuration(Math.round(top.ns))} of ${formatDuration(Math.round(meanNs))} on average` : 'none: no call was forwarded',
      },
    ];
  },
});
