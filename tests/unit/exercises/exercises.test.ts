/**
 * Exercises: the same seed gives the same exercise; every answer equals what a separate run of
 * the simulation shows, read another way (trace records counted by hand, the CLI's scale run).
 */
import { describe, expect, it } from 'vitest';
import { answerExercise, EXERCISE_TOPICS, makeExercise, parseExerciseSeed, type Exercise } from '../../../src/engine/exercises';
import { exerciseConfig } from '../../../src/engine/exercises/nodeRun';
import { applyOverrides } from '../../../src/engine/config/parseConfig';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { Role } from '../../../src/engine/node/kinds';
import { IpiKind } from '../../../src/engine/node/events';
import { nodeMetrics } from '../../../src/engine/node/metrics';
import { decodeBatch, type TraceEvent } from '../../../src/engine/trace/decode';
import { Route, ROUTES, STAGES } from '../../../src/engine/descriptors';
import { syscallName } from '../../../src/engine/syscalls/table';
import { runCli } from '../../../src/cli/dispatch';
import { fakeIO } from '../cli/fakeIO';

const SEEDS = Array.from({ length: 12 }, (_, i) => i * 37 + 1);

/** A whole run of an exercise's node setup, every trace record kept, and the launch time the model recorded. */
function separateRun(ex: Exercise) {
  const setup = ex.setup;
  if (setup.kind !== 'node') throw new Error('node setup expected');
  const config = exerciseConfig(setup);
  const sim = createNodeSimulation(config, setup.seed, { traceCapacity: 1 << 22 });
  const events: TraceEvent[] = [];
  const drain = () => {
    const b = sim.drainTrace();
    expect(b.lost).toBe(0);
    for (let i = 0; i < b.time.length; i++) events.push(decodeBatch(b, i));
  };
  // Far enough for any preset's launch; the window is then cut from the launch the model reports.
  sim.runUntil(5_000_000);
  drain();
  const launch = sim.state.launchedAt;
  expect(launch).toBeGreaterThan(0);
  sim.runUntil(launch + setup.windowNs);
  drain();
  const inWindow = events.filter((e) => e.time > launch && e.time <= launch + setup.windowNs);
  return { config, sim, launch, inWindow };
}

/** The events of the first `name` call issued on `cpu`: from its issue to the next issue in the same call slot. */
function callEvents(events: readonly TraceEvent[], cpu: number, name: string): TraceEvent[] {
  const start = events.findIndex((e) => e.type === 'syscallIssue' && e.cpu === cpu && syscallName(e.syscall) === name);
  expect(start).toBeGreaterThanOrEqual(0);
  const slot = (events[start] as { call: number }).call;
  const end = events.findIndex((e, i) => i > start && e.type === 'syscallIssue' && e.call === slot);
  return events.slice(start, end < 0 ? undefined : end).filter((e) => 'call' in e && e.call === slot);
}

function exercisesOf(topic: string) {
  return SEEDS.map((seed) => makeExercise(topic, seed));
}

describe('exercises', () => {
  it('registers at least the four topics of the issue', () => {
    expect(EXERCISE_TOPICS.map((t) => t.id)).toEqual(expect.arrayContaining(['ipis', 'routing', 'latency', 'scale']));
  });

  it('the same topic and seed give the same questions and answers; seeds vary the setup', () => {
    for (const topic of EXERCISE_TOPICS) {
      const a = makeExercise(topic.id, 7), b = makeExercise(topic.id, 7);
      expect(b).toEqual(a);
      expect(answerExercise(b)).toEqual(answerExercise(a));
      const intros = new Set(exercisesOf(topic.id).map((ex) => ex.intro));
      expect(intros.size, `${topic.id}: seeds give different setups`).toBeGreaterThan(3);
    }
  });

  it('every node setup is a configuration the config checker accepts without a warning', () => {
    for (const topic of EXERCISE_TOPICS) {
      for (const ex of exercisesOf(topic.id)) {
        if (ex.setup.kind !== 'node') continue;
        const r = applyOverrides(ex.setup.config);
        expect(r.ok && r.warnings, `${topic.id} seed ${ex.seed}`).toEqual([]);
      }
    }
  });

  it('rejects seeds that are not whole numbers in range, naming them', () => {
    expect(parseExerciseSeed('7')).toEqual({ ok: true, seed: 7 });
    for (const bad of ['-1', '1.5', 'seven', '', '4294967296']) {
      const r = parseExerciseSeed(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain(`"${bad}"`);
    }
    expect(() => makeExercise('nope', 1)).toThrow(/unknown exercise topic "nope" \(one of: ipis/);
  });
});

describe('answers equal a separate run', () => {
  it('ipis: messages and doorbell IPIs are the channel inserts and channel IPIs to syscall CPU 0 in the trace', () => {
    const designs = new Set<string>();
    for (const ex of exercisesOf('ipis')) {
      const [messages, ipis, rode] = answerExercise(ex).map((a) => a.value);
      const { inWindow } = separateRun(ex);
      const inserts = inWindow.filter((e) => e.type === 'channelInsert' && e.channel === 0).length;
      const doorbells = inWindow.filter((e) => e.type === 'ipiSend' && e.purpose === IpiKind.Channel && e.to === 0).length;
      expect([messages, ipis, rode], `seed ${ex.seed}`).toEqual([inserts, doorbells, inserts - doorbells]);
      expect(inserts).toBeGreaterThan(0);
      designs.add(String(ex.params.design));
      // McKernel rings for every message; mOS at most once per message.
      if (ex.params.design === 'mckernel') expect(doorbells).toBe(inserts);
      else expect(doorbells).toBeLessThanOrEqual(inserts);
    }
    expect(designs).toEqual(new Set(['mos', 'mckernel']));
  });

  it('routing: the level is the one the metrics count for the call; a message goes to its group’s syscall CPU; a Linux CPU runs the proxy', () => {
    const routes = new Set<string | number>();
    for (const ex of exercisesOf('routing')) {
      const [route, handler, proxy] = answerExercise(ex).map((a) => a.value);
      routes.add(route);
      const { config, sim, inWindow } = separateRun(ex);
      const cpu = Number(ex.params.cpu), call = String(ex.params.call);
      const byName = nodeMetrics(sim).syscalls.byName[call];
      const key = ROUTES.find((r) => r.short === route)!.key;
      // Every call of that name took the same route.
      expect(Object.keys(byName), `seed ${ex.seed}`).toEqual([key]);
      const events = callEvents(inWindow, cpu, call);
      const viaChannel = events.some((e) => e.type === 'channelInsert');
      expect(handler, `seed ${ex.seed}`).toBe(viaChannel ? config.syscallCpuOf[cpu] : 'none');
      const proxyStart = events.find((e) => e.type === 'proxyStart');
      expect(proxy).toBe(proxyStart ? proxyStart.cpu : 'none');
      if (proxyStart) expect(config.roles[proxyStart.cpu]).not.toBe(Role.Lwk);
      if (route === ROUTES[Route.Lwk].short || route === ROUTES[Route.Glibc].short) expect(viaChannel).toBe(false);
    }
    expect(routes.size, 'the seeds cover several triage levels').toBeGreaterThan(1);
  });

  it('latency: the first call is the trace’s; the mean is that of the Linux-routed calls done in the window; the stage is one of the stages', () => {
    for (const ex of exercisesOf('latency')) {
      const [first, mean, stage] = answerExercise(ex).map((a) => a.value);
      const { inWindow } = separateRun(ex);
      const cpu = Number(ex.params.cpu);
      const done = callEvents(inWindow, cpu, 'write').find((e) => e.type === 'syscallDone');
      expect(first, `seed ${ex.seed}`).toBe(done && done.latencyNs);
      // Call ids are slots reused once a call is done: follow the route of the call open in each slot.
      const routeOfSlot = new Map<number, number>();
      const latencies: number[] = [];
      for (const e of inWindow) {
        if (e.type === 'syscallRoute') routeOfSlot.set(e.call, e.route);
        if (e.type === 'syscallDone' && routeOfSlot.get(e.call) === Route.Linux) latencies.push(e.latencyNs);
        if (e.type === 'syscallDone') routeOfSlot.delete(e.call);
      }
      expect(latencies.length).toBeGreaterThan(0);
      expect(Math.abs(Number(mean) - latencies.reduce((a, b) => a + b, 0) / latencies.length), `seed ${ex.seed}`).toBeLessThanOrEqual(0.5);
      expect(STAGES.map((s) => s.short)).toContain(stage);
    }
  });

  it('scale: the slowdowns and the iteration time are those `mos-explorer scale --json` prints for the setup', async () => {
    for (const ex of exercisesOf('scale').slice(0, 6)) {
      if (ex.setup.kind !== 'scale') throw new Error('scale setup expected');
      const f = fakeIO();
      expect(await runCli(['scale', ...ex.setup.args, '--json'], f.io), f.err()).toBe(0);
      const points = JSON.parse(f.out()).points as { nodes: number; slowdown: number; meanIterationNs: number }[];
      expect(points.map((p) => p.nodes)).toEqual([1, ex.params.nodes]);
      const [one, many, iteration] = answerExercise(ex).map((a) => Number(a.value));
      expect(one).toBeCloseTo(points[0].slowdown, 4);
      expect(many).toBeCloseTo(points[1].slowdown, 4);
      expect(iteration).toBe(Math.round(points[1].meanIterationNs));
      expect(many).toBeGreaterThanOrEqual(one);
    }
  });
});
