/**
 * A session's side of its worker: starts it, sends user intents, pulls frames once per
 * animation frame (never more than one outstanding) into the session's frame bus, watches for
 * crashes and silence. What the worker acknowledges goes to the session's UI store.
 */
import { PROTOCOL_VERSION, transferablesOf, type FrameBuffers, type FromWorker, type MomentResult, type TimelineReply, type ToWorker, type TravelStats } from '../worker/protocol';
import type { MomentTarget } from '../engine/moments/registry';
import type { NodeConfig } from '../engine/config/nodeConfig';
import type { EngineCommand, LoggedCommand } from '../engine/kernel/simulation';
import type { FrameBus } from './frameBus';
import type { UiStore } from './store';
import SimWorker from '../worker/sim.worker.ts?worker';
import type { ImportOutcome } from '../worker/importStrace';

const SILENCE_LIMIT_MS = 3000;

export class SimClient {
  private worker: Worker | null = null;
  private outstanding = false;
  private reuse: FrameBuffers | null = null;
  /** The frame on screen: its buffers stay here until a newer frame replaces it. */
  private shown: FrameBuffers | null = null;
  private lastHeard = 0;
  private wantFrame = false;
  private config: NodeConfig | null = null;
  private seed = 1;
  /** The command log the worker last reported (a restart after a crash replays it). */
  private commands: readonly LoggedCommand[] = [];
  private watchdog = 0;
  /**
   * Whether the worker's acknowledgements set the store's `running` (false in compare mode, where
   * the lockstep owns it: an acknowledgement sent before its latest 'follow' would be stale).
   */
  acksSetRunning = true;
  /** A lockstep target not reached yet: frames are pulled even while paused. */
  private following = false;
  private readonly started = new Set<() => void>();
  /** Waiting for the next pause acknowledgement (with the time the run stopped at). */
  private pauseWaiters: ((time: number) => void)[] = [];
  private seekWaiters: ((time: number) => void)[] = [];
  private nextQueryId = 1;
  private readonly pending = new Map<number, (value: unknown) => void>();

  constructor(
    private readonly bus: FrameBus,
    private readonly store: UiStore,
  ) {}

  /** Calls `fn` after every (re)start of the worker; returns its removal. */
  onStart(fn: () => void): () => void {
    this.started.add(fn);
    return () => this.started.delete(fn);
  }

  /** The configuration of the running simulation (for views that need its layout). */
  get currentConfig(): NodeConfig | null {
    return this.config;
  }

  /** Asks the worker for timeline spans of a window; resolves with null if the worker restarts first. */
  queryTimeline(from: number, to: number, bins: number): Promise<TimelineReply | null> {
    return this.query<TimelineReply>((id) => ({ type: 'timeline', id, from, to, bins }));
  }

  /** The full metrics of the run (the same object the CLI prints). */
  queryMetrics(): Promise<Readonly<Record<string, unknown>> | null> {
    return this.query<Readonly<Record<string, unknown>>>((id) => ({ type: 'metrics', id }));
  }

  /** Streams a strace log into the worker's parser; progress arrives as it reads. */
  importStrace(file: Blob, onProgress: (loaded: number, total: number) => void): Promise<ImportOutcome | null> {
    return this.query<ImportOutcome>((id) => {
      this.progress.set(id, onProgress);
      return { type: 'importStrace', id, file };
    });
  }

  /** What time travel holds in the worker (checkpoints and their bytes). */
  travelStats(): Promise<TravelStats | null> {
    return this.query<TravelStats>((id) => ({ type: 'travelStats', id }));
  }

  /** Runs to just before the next event of a moment (src/engine/moments); null if the worker restarts first. */
  runToMoment(moment: string, target: MomentTarget): Promise<MomentResult | null> {
    return this.query<MomentResult>((id) => ({ type: 'runToMoment', id, moment, target }));
  }

  /** Chrome Trace Event JSON of the run so far. */
  exportTrace(maxEvents = 400_000): Promise<string | null> {
    return this.query<string>((id) => ({ type: 'exportTrace', id, maxEvents }));
  }

  private readonly progress = new Map<number, (loaded: number, total: number) => void>();

  private query<T>(make: (id: number) => ToWorker): Promise<T | null> {
    if (!this.worker) return Promise.resolve(null);
    const id = this.nextQueryId++;
    return new Promise<T | null>((resolve) => {
      this.pending.set(id, resolve as (value: unknown) => void);
      this.post(make(id));
    });
  }

  /** Starts (or restarts) the worker with a configuration, seed and command log to replay. */
  start(config: NodeConfig, seed: number, commands: readonly LoggedCommand[] = []): void {
    this.stop();
    this.config = config;
    this.seed = seed;
    this.commands = commands;
    const worker = new SimWorker();
    this.worker = worker;
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    worker.onerror = (e) => this.fail(`The simulation worker crashed: ${e.message || 'unknown error'}`);
    worker.onmessageerror = () => this.fail('A message from the simulation worker could not be read.');
    this.lastHeard = performance.now();
    this.post({ type: 'init', version: PROTOCOL_VERSION, config, seed, commands });
    this.post({ type: 'setSpeed', nsPerSecond: this.store.getState().speed });
    this.wantFrame = true;
    // The job's CPUs follow from the configuration: kept for the same one (a new seed), until the worker says.
    const job = this.store.getState().jobProcesses;
    this.store.setState({ running: false, workerError: null, jobProcesses: job?.config === config ? job : null });
    this.watchdog = window.setInterval(() => this.checkSilence(), 500);
    for (const fn of this.started) fn();
  }

  /** Restarts from the last valid configuration (after a crash). */
  restart(): void {
    if (this.config) this.start(this.config, this.seed, this.commands);
  }

  /** Pauses and resolves with the simulated time the run stopped at (the last frame's if the worker is gone). */
  pauseAndGetTime(): Promise<number> {
    if (!this.worker) return Promise.resolve(this.bus.frame?.time ?? 0);
    return new Promise((resolve) => {
      this.pauseWaiters.push(resolve);
      this.pause();
    });
  }

  play(): void { this.post({ type: 'play' }); }
  pause(): void { this.post({ type: 'pause' }); }
  step(): void { this.post({ type: 'step' }); }
  reset(): void { this.post({ type: 'reset' }); }
  setSpeed(nsPerSecond: number): void { this.post({ type: 'setSpeed', nsPerSecond }); }
  command(command: EngineCommand): void { this.post({ type: 'command', command }); }
  /** Time travel: to the state at simulated time `time` (ns). */
  seek(time: number): void { this.post({ type: 'seek', time }); }
  /** Seeks and resolves once the worker is there (with the time it reports). */
  seekAndWait(time: number): Promise<number> {
    if (!this.worker) return Promise.resolve(this.bus.frame?.time ?? 0);
    return new Promise((resolve) => {
      this.seekWaiters.push(resolve);
      this.seek(time);
    });
  }
  stepBack(): void { this.post({ type: 'stepBack' }); }
  /** Removes injection `index`: the run forks from just before it. */
  removeCommand(index: number): void { this.post({ type: 'removeCommand', index }); }
  /** Lockstep: run to `target` and hold there (the compare mode's shared clock). */
  follow(target: number, playing: boolean, share = 1): void {
    this.following = !playing;
    this.post({ type: 'follow', target, playing, share });
  }
  crashForTest(): void { this.post({ type: 'crashForTest' }); }
  hangForTest(ms: number): void { this.post({ type: 'hangForTest', ms }); }

  /** Called once per animation frame by the frame bus. */
  pump(): void {
    if (!this.worker || this.outstanding) return;
    if (!this.store.getState().running && !this.wantFrame && !this.following) return;
    this.outstanding = true;
    this.wantFrame = false;
    const reuse = this.reuse;
    this.reuse = null;
    this.worker.postMessage({ type: 'frameRequest', reuse } satisfies ToWorker, reuse ? transferablesOf(reuse) : []);
  }

  /** Ends the session: the worker is terminated and nothing more is published. */
  dispose(): void {
    this.started.clear();
    this.stop();
  }

  private post(msg: ToWorker): void {
    this.worker?.postMessage(msg);
  }

  private receive(msg: FromWorker): void {
    this.lastHeard = performance.now();
    switch (msg.type) {
      case 'ready':
        this.wantFrame = true;
        if (this.config) this.store.setState({ jobProcesses: { config: this.config, processes: msg.processes } });
        return;
      case 'frame':
        this.outstanding = false;
        // Double buffering: the previous frame's buffers go back to the worker, the new one is drawn.
        this.reuse = this.shown;
        this.shown = msg.frame.buffers;
        this.bus.publish(msg.frame);
        return;
      case 'ack':
        if (msg.of === 'follow') this.following = false;
        if (msg.of === 'pause') for (const resolve of this.pauseWaiters.splice(0)) resolve(msg.time);
        if (msg.of === 'seek') for (const resolve of this.seekWaiters.splice(0)) resolve(msg.time);
        if (this.acksSetRunning) this.store.setState({ running: msg.running });
        this.wantFrame = true;
        return;
      case 'commandResult':
        if (msg.error) this.store.setState({ notice: msg.error });
        return;
      case 'commandLog':
        this.commands = msg.commands;
        this.store.setState({ commandLog: msg.commands });
        return;
      case 'travelStats':
        this.settle(msg.id, msg.stats);
        return;
      case 'moment':
        this.settle(msg.id, msg.result);
        return;
      case 'timeline':
        this.settle(msg.reply.id, msg.reply);
        return;
      case 'metrics':
        this.settle(msg.id, msg.metrics);
        return;
      case 'importProgress':
        this.progress.get(msg.id)?.(msg.loaded, msg.total);
        return;
      case 'importResult':
        this.progress.delete(msg.id);
        this.settle(msg.id, msg.outcome);
        return;
      case 'exportTrace':
        this.settle(msg.id, msg.text);
        return;
      case 'error':
        this.fail(`The simulation stopped with an error: ${msg.message}`);
        return;
      default:
        msg satisfies never;
    }
  }

  private settle(id: number, value: unknown): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    resolve?.(value);
  }

  private checkSilence(): void {
    if (!this.worker || (!this.store.getState().running && !this.following)) return;
    if (performance.now() - this.lastHeard > SILENCE_LIMIT_MS) this.fail('The simulation has not answered for 3 seconds.');
  }

  private fail(message: string): void {
    this.stop();
    this.store.setState({ running: false, workerError: message });
  }

  private stop(): void {
    window.clearInterval(this.watchdog);
    this.worker?.terminate();
    this.worker = null;
    this.outstanding = false;
    this.following = false;
    this.reuse = null;
    this.shown = null;
    for (const resolve of this.pending.values()) resolve(null);
    for (const resolve of [...this.pauseWaiters.splice(0), ...this.seekWaiters.splice(0)]) resolve(this.bus.frame?.time ?? 0);
    this.pending.clear();
  }
}
