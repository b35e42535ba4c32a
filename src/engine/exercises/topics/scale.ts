/**
 * The slowdown at N nodes (scale mode): a bulk-synchronous application whose every node has the
 * same periodic OS noise, out of phase; at a barrier each iteration waits for the unluckiest node.
 */
import { MS, US } from '../../kernel/time';
import { DEFAULT_SCALE_PARAMS, runScale, validateScaleParams, type ScaleParams } from '../../scale';
import { registerExerciseTopic } from '../registry';
import { roundDuration } from '../nodeSetup';
import type { Exercise, ExerciseAnswer } from '../types';

const FREQUENCIES_HZ = [100, 250, 1000] as const;
const DETOURS_NS = [10 * US, 25 * US, 100 * US] as const;
const COMPUTE_NS = [200 * US, 1 * MS, 5 * MS] as const;
const NODES = [64, 256, 1024, 4096] as const;
const ITERATIONS = 50;

/** The `mos-explorer scale` arguments of these choices (the answers are that command's figures). */
function argsOf(hz: number, detourNs: number, computeNs: number, nodes: number, seed: number): string[] {
  const dur = (ns: number) => roundDuration(ns).replace(' µs', 'us').replace(' ms', 'ms');
  return ['--nodes', `1,${nodes}`, '--iterations', String(ITERATIONS), '--compute', dur(computeNs), '--noise', `periodic:${hz}Hz:${dur(detourNs)}`, '--collective', 'barrier', '--seed', String(seed)];
}

function paramsOf(ex: Exercise): ScaleParams {
  const p = ex.params;
  const params: ScaleParams = {
    ...DEFAULT_SCALE_PARAMS,
    nodes: [1, Number(p.nodes)],
    iterations: ITERATIONS,
    computeNs: Number(p.computeNs),
    noise: { kind: 'periodic', periodNs: Math.round(1e9 / Number(p.hz)), durationNs: Number(p.detourNs) },
    collective: 'barrier',
    seed: ex.seed,
  };
  const bad = validateScaleParams(params);
  if (bad) throw new Error(`scale exercise: ${bad}`);
  return params;
}

export const SCALE = registerExerciseTopic({
  id: 'scale',
  title: 'The slowdown at N nodes',
  summary: 'Predict how periodic OS noise on every node slows a bulk-synchronous application as the node count grows.',
  draft(pick, seed) {
    const hz = pick.oneOf(FREQUENCIES_HZ);
    const detourNs = pick.oneOf(DETOURS_NS);
    const computeNs = pick.oneOf(COMPUTE_NS);
    const nodes = pick.oneOf(NODES);
    return {
      intro:
        `Every node computes ${roundDuration(computeNs)}, then all meet at a barrier (LogGP defaults), ${ITERATIONS} iterations. ` +
        `Each node is interrupted ${hz} times a second for ${roundDuration(detourNs)}, at its own random phase.`,
      setup: { kind: 'scale', args: argsOf(hz, detourNs, computeNs, nodes, seed) },
      params: { hz, detourNs, computeNs, nodes },
      questions: [
        { id: 'one', text: 'What is the slowdown on 1 node (mean iteration time over the noiseless one)?' },
        { id: 'many', text: `What is the slowdown on ${nodes} nodes?` },
        { id: 'iteration', text: `How long is a mean iteration on ${nodes} nodes?` },
      ],
    };
  },
  answer(ex): ExerciseAnswer[] {
    const { points } = runScale(paramsOf(ex));
    const [one, many] = points;
    const round = (x: number) => Math.round(x * 10_000) / 10_000;
    return [
      { id: 'one', value: round(one.slowdown), text: `${round(one.slowdown).toFixed(4)} (noiseless iteration ${micros(one.noiselessIterationNs)})` },
      { id: 'many', value: round(many.slowdown), text: `${round(many.slowdown).toFixed(4)}` },
      { id: 'iteration', value: Math.round(many.meanIterationNs), text: micros(Math.round(many.meanIterationNs)) },
    ];
  },
});

function micros(ns: number): string {
  return `${(ns / US).toFixed(2)} µs`;
}
