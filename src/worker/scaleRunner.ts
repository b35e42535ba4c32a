/**
 * Runs scale sweeps for the scale worker: one series after another, each through the engine's
 * `scaleSteps` generator in slices of a few milliseconds, yielding between slices so that a
 * cancel (or a newer start) is seen at once. No DOM: it is driven by the worker entry or a test.
 */
import { scaleSteps, type ScaleEvent, type ScalePoint } from '../engine/scale';
import { parseScaleNoiseSpec } from '../engine/scale/nodeProfiles';
import { SCALE_PROTOCOL_VERSION, type FromScaleWorker, type ScaleBase, type ScaleSeries, type ToScaleWorker } from './scaleProtocol';

export interface ScaleRunnerHost {
  now(): number;
  post(message: FromScaleWorker): void;
  /** Runs `fn` after pending messages have been handled. */
  yieldThen(fn: () => void): void;
}

const SLICE_MS = 8;
const PROGRESS_EVERY_MS = 50;

interface Run {
  readonly id: number;
  readonly params: ScaleBase;
  readonly series: readonly ScaleSeries[];
  readonly started: number;
  index: number;
  steps: Generator<ScaleEvent, ScalePoint[]> | null;
  cancelled: boolean;
  lastProgress: number;
  /** Of the current series, from its latest progress event. */
  fraction: number;
}

export class ScaleRunner {
  private run: Run | null = null;

  constructor(private readonly host: ScaleRunnerHost) {}

  handle(msg: ToScaleWorker): void {
    if (msg.type === 'cancel') {
      if (this.run && this.run.id === msg.runId) this.run.cancelled = true;
      return;
    }
    if (msg.version !== SCALE_PROTOCOL_VERSION) {
      this.host.post({ type: 'error', runId: msg.runId, message: `scale worker protocol ${SCALE_PROTOCOL_VERSION}, page sent ${msg.version}: reload the page` });
      return;
    }
    if (this.run) this.finish(this.run, true);
    const run: Run = { id: msg.runId, params: msg.params, series: msg.series, started: this.host.now(), index: 0, steps: null, cancelled: false, lastProgress: -Infinity, fraction: 0 };
    this.run = run;
    this.host.yieldThen(() => this.slice(run));
  }

  private finish(run: Run, cancelled: boolean): void {
    if (this.run !== run) return;
    this.run = null;
    this.host.post({ type: 'done', runId: run.id, cancelled, elapsedMs: this.host.now() - run.started });
  }

  private fail(run: Run, e: unknown): void {
    if (this.run !== run) return;
    this.run = null;
    this.host.post({ type: 'error', runId: run.id, message: e instanceof Error ? e.message : String(e) });
  }

  private progress(run: Run, fraction: number, nodes: number, activity: 'measuring' | 'simulating', force = false): void {
    const now = this.host.now();
    if (!force && now - run.lastProgress < PROGRESS_EVERY_MS) return;
    run.lastProgress = now;
    const overall = (run.index + fraction) / run.series.length;
    this.host.post({ type: 'progress', runId: run.id, fraction: Math.min(1, overall), nodes, series: run.series[run.index].key, activity });
  }

  /** Opens the generator of the current series (measuring a node profile first if it needs one). */
  private open(run: Run): Generator<ScaleEvent, ScalePoint[]> {
    const s = run.series[run.index];
    const parsed = parseScaleNoiseSpec(s.noise);
    if (!parsed.ok) throw new Error(parsed.error);
    return scaleSteps({ ...run.params, noise: parsed.profile, phase: s.phase });
  }

  private slice(run: Run): void {
    if (this.run !== run) return;
    if (run.cancelled) return this.finish(run, true);
    try {
      const deadline = this.host.now() + SLICE_MS;
      while (this.host.now() < deadline) {
        if (!run.steps) {
          if (run.index >= run.series.length) return this.finish(run, false);
          if (run.series[run.index].noise.startsWith('node:')) this.progress(run, 0, 0, 'measuring', true);
          run.steps = this.open(run);
          break; // measuring may take a while: let a cancel in before simulating
        }
        const next = run.steps.next();
        if (next.done) {
          run.steps = null;
          run.index++;
          run.fraction = 0;
          continue;
        }
        const ev = next.value;
        if (ev.kind === 'point') {
          this.host.post({ type: 'point', runId: run.id, series: run.series[run.index].key, point: ev.point });
          this.progress(run, run.fraction, ev.point.nodes, 'simulating', true);
        } else {
          run.fraction = ev.fraction;
          this.progress(run, ev.fraction, ev.nodes, 'simulating');
        }
      }
    } catch (e) {
      return this.fail(run, e);
    }
    this.host.yieldThen(() => this.slice(run));
  }
}
