/**
 * The page's side of the scale worker (a second worker, apart from the node simulation):
 * started on the first run, one run at a time, replies of older runs ignored. A crash of the
 * worker is reported to the listener as an error and the next run starts a fresh worker.
 */
import { SCALE_PROTOCOL_VERSION, type FromScaleWorker, type ScaleBase, type ScaleSeries, type ToScaleWorker } from '../worker/scaleProtocol';
import type { ScalePoint } from '../engine/scale';
import ScaleWorker from '../worker/scale.worker.ts?worker';

export interface ScaleListener {
  progress(fraction: number, nodes: number, series: string, activity: 'measuring' | 'simulating'): void;
  point(series: string, point: ScalePoint): void;
  done(cancelled: boolean, elapsedMs: number): void;
  error(message: string): void;
}

const CANCEL_GRACE_MS = 250;

export class ScaleClient {
  private worker: Worker | null = null;
  private runId = 0;
  private listener: ScaleListener | null = null;
  private startedAt = 0;
  private cancelTimer = 0;

  /** Starts a run (cancelling any run in progress); returns its id. */
  run(params: ScaleBase, series: readonly ScaleSeries[], listener: ScaleListener): number {
    this.runId++;
    this.listener = listener;
    this.startedAt = performance.now();
    window.clearTimeout(this.cancelTimer);
    try {
      const plain = series.map(({ key, noise, phase }) => ({ key, noise, phase }));
      this.post(this.ensure(), { type: 'start', version: SCALE_PROTOCOL_VERSION, runId: this.runId, params, series: plain });
    } catch (e) {
      this.listener = null;
      listener.error(e instanceof Error ? e.message : String(e));
    }
    return this.runId;
  }

  /**
   * Asks the worker to stop between slices; one iteration at 2^20 nodes cannot be split, so if
   * the worker has not answered within CANCEL_GRACE_MS it is terminated (a fresh one starts next run).
   */
  cancel(): void {
    if (!this.worker || !this.listener) return;
    this.post(this.worker, { type: 'cancel', runId: this.runId });
    const runId = this.runId;
    window.clearTimeout(this.cancelTimer);
    this.cancelTimer = window.setTimeout(() => {
      const l = this.listener;
      if (runId !== this.runId || !l) return;
      this.worker?.terminate();
      this.worker = null;
      this.listener = null;
      l.done(true, performance.now() - this.startedAt);
    }, CANCEL_GRACE_MS);
  }

  /** Drops the listener (an unmounting view); the run is cancelled. */
  detach(listener: ScaleListener): void {
    if (this.listener !== listener) return;
    this.cancel();
    this.listener = null;
  }

  private post(worker: Worker, msg: ToScaleWorker): void {
    worker.postMessage(msg);
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new ScaleWorker();
    worker.onmessage = (e: MessageEvent<FromScaleWorker>) => this.receive(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.crashed(`The scale worker crashed: ${e.message || 'unknown error'}`);
    };
    worker.onmessageerror = () => this.crashed('A message from the scale worker could not be read.');
    this.worker = worker;
    return worker;
  }

  private crashed(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    const l = this.listener;
    this.listener = null;
    l?.error(message);
  }

  private receive(msg: FromScaleWorker): void {
    const l = this.listener;
    if (!l || msg.runId !== this.runId) return;
    switch (msg.type) {
      case 'progress':
        l.progress(msg.fraction, msg.nodes, msg.series, msg.activity);
        break;
      case 'point':
        l.point(msg.series, msg.point);
        break;
      case 'done':
        this.listener = null;
        l.done(msg.cancelled, msg.elapsedMs);
        break;
      case 'error':
        this.listener = null;
        l.error(msg.message);
        break;
    }
  }
}

