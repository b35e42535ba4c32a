/**
 * The discrete-event core: a clock, the future event list, seeded random streams, the trace,
 * and a model (plain-data state plus named rules, one handler per event kind).
 *
 * A run is fully defined by (model, config, seed, command log): commands are logged with the
 * simulated time and the number of events processed when they were applied, so replaying the
 * log reproduces the run exactly. The whole state checkpoints to bytes and restores into a
 * fresh simulation.
 */
import { EventQueue, type QueueImage } from './eventQueue';
import { Rng } from './rng';
import { TraceRing, type TraceBatch, type TraceRecord } from './trace';
import { encodePlain, decodePlain, type Plain } from './plainData';
import type { SimTime } from './time';

/** A user command applied to a running simulation (inject noise, change a parameter, ...). */
export interface EngineCommand {
  readonly type: string;
  readonly [key: string]: Plain;
}

export interface LoggedCommand {
  /** Simulated time at which it was applied. */
  readonly time: SimTime;
  /** Number of events processed before it was applied (its exact place in the run). */
  readonly atEvent: number;
  readonly command: EngineCommand;
}

export type EventHandler<S, C = unknown> = (sim: Simulation<S, C>, a: number, b: number) => void;

export interface ModelDefinition<C, S> {
  readonly name: string;
  /** Builds the initial state; may schedule the first events through `sim`. */
  init(sim: Simulation<S, C>, config: C): S;
  /** Handlers indexed by event kind. */
  readonly handlers: readonly EventHandler<S, C>[];
  /** Applies a user command at the current simulated time. Unknown commands are reported, not thrown. */
  applyCommand(sim: Simulation<S, C>, command: EngineCommand): string | null;
  /** One line of text for a trace record. */
  describe(record: TraceRecord, sim: Simulation<S, C>): string;
  /** Summary metrics of the run so far (plain data, JSON-ready). */
  metrics(sim: Simulation<S, C>): Readonly<Record<string, unknown>>;
}

export interface Snapshot {
  readonly model: string;
  readonly seed: number;
  readonly time: SimTime;
  readonly eventCount: number;
  readonly traceHash: string;
  readonly lastEvent: { readonly time: SimTime; readonly description: string } | null;
  readonly metrics: Readonly<Record<string, unknown>>;
}

interface CheckpointImage<C, S> {
  readonly format: 'mos-explorer-checkpoint';
  readonly version: 1;
  readonly model: string;
  readonly config: C;
  readonly seed: number;
  readonly now: SimTime;
  readonly eventCount: number;
  readonly queue: QueueImage;
  readonly rng: Record<string, number[]>;
  readonly trace: { written: number; drained: number; h1: number; h2: number };
  readonly state: S;
  readonly log: readonly LoggedCommand[];
  readonly pending: readonly LoggedCommand[];
}

export class Simulation<S, C = unknown> {
  readonly model: ModelDefinition<C, S>;
  /** The configuration in force now: only `reconfigure` (a live setting) changes it mid-run; checkpoints keep it. */
  readonly config: C;
  readonly seed: number;
  now: SimTime = 0;
  eventCount = 0;
  state!: S;
  queue: EventQueue;
  rng: Rng;
  readonly trace: TraceRing;
  private readonly handlers: readonly EventHandler<S, C>[];
  private log: LoggedCommand[] = [];
  /** Commands still to be replayed, in log order. */
  private pending: LoggedCommand[] = [];
  /** Replayed commands the model refused (a log made for another node), with why. */
  readonly rejected: { readonly command: LoggedCommand; readonly error: string }[] = [];

  private constructor(model: ModelDefinition<C, S>, config: C, seed: number, traceCapacity: number) {
    this.model = model;
    this.config = config;
    this.seed = seed;
    this.handlers = model.handlers;
    this.queue = new EventQueue(4096);
    this.rng = new Rng(seed);
    this.trace = new TraceRing(traceCapacity);
  }

  static create<C, S>(
    model: ModelDefinition<C, S>,
    config: C,
    seed: number,
    options: { commands?: readonly LoggedCommand[]; traceCapacity?: number } = {},
  ): Simulation<S, C> {
    const sim = new Simulation<S, C>(model, config, seed, options.traceCapacity ?? 1 << 16);
    sim.state = model.init(sim, config);
    sim.pending = [...(options.commands ?? [])];
    return sim;
  }

  /** Replaces the configuration from now on (a live setting, applied by a logged command; the model checks it). */
  reconfigure(config: C): void {
    // A plain field, not a getter: the rules read it on every event.
    (this as { config: C }).config = config;
  }

  // ---- used by model rules ----

  /** Schedules an event of `kind` at absolute time `time` (never in the past). */
  at(time: SimTime, kind: number, a = 0, b = 0): void {
    // Simulated time is integer nanoseconds: a computed time is rounded up, never into the past.
    const t = Math.ceil(time);
    this.queue.push(t < this.now ? this.now : t, kind, a, b);
  }

  /** Schedules an event `delay` ns from now. */
  after(delay: SimTime, kind: number, a = 0, b = 0): void {
    this.queue.push(this.now + (delay > 0 ? Math.round(delay) : 0), kind, a, b);
  }

  /** Appends a trace record stamped with the current time. */
  emit(kind: number, cpu: number, pid: number, a = 0, b = 0): void {
    this.trace.emit(this.now, kind, cpu, pid, a, b);
  }

  // ---- driving the run ----

  /** Processes exactly one event. Returns false when there is none left. */
  step(): boolean {
    const q = this.queue;
    if (this.pending.length > 0) this.replayDue(q.peekTime());
    if (!q.pop()) return false;
    this.now = q.popTime;
    this.eventCount++;
    this.handlers[q.popKind](this, q.popA, q.popB);
    return true;
  }

  /**
   * Processes every event up to and including time `until`, at most `maxEvents` of them,
   * then advances the clock to `until` if it got there. Returns the number processed.
   */
  runUntil(untilTime: SimTime, maxEvents = Infinity): number {
    const until = Math.floor(untilTime); // simulated time is integer nanoseconds
    const q = this.queue;
    const handlers = this.handlers;
    let n = 0;
    while (n < maxEvents) {
      if (this.pending.length > 0) this.replayDue(Math.min(until, q.peekTime()));
      if (!(q.peekTime() <= until)) break;
      q.pop();
      this.now = q.popTime;
      this.eventCount++;
      n++;
      handlers[q.popKind](this, q.popA, q.popB);
    }
    if (n < maxEvents && this.now < until) {
      this.now = until;
      if (this.pending.length > 0) this.replayDue(until);
    }
    return n;
  }

  /** Applies a user command now and logs it for replay. Returns an error text, or null. */
  command(command: EngineCommand): string | null {
    const error = this.model.applyCommand(this, command);
    if (error === null) this.log.push({ time: this.now, atEvent: this.eventCount, command });
    return error;
  }

  get commandLog(): readonly LoggedCommand[] {
    return this.log;
  }

  /** Commands logged but not replayed yet (after a restore, or given to create). */
  get pendingCommands(): readonly LoggedCommand[] {
    return this.pending;
  }

  /** Applies the logged commands whose place is the present (after a run stopped by an event count). */
  applyDueCommands(): void {
    if (this.pending.length > 0) this.replayDue(this.now);
  }

  /**
   * Sets the commands still to replay, in log order. Time travel restores a checkpoint taken
   * before some commands and replays the rest; an empty list forks (later commands dropped).
   */
  setPending(commands: readonly LoggedCommand[]): void {
    this.pending = [...commands];
  }

  get traceHash(): string {
    return this.trace.hash;
  }

  drainTrace(): TraceBatch {
    return this.trace.drain();
  }

  describe(record: TraceRecord): string {
    return this.model.describe(record, this);
  }

  snapshot(): Snapshot {
    const last = this.trace.last();
    return {
      model: this.model.name,
      seed: this.seed,
      time: this.now,
      eventCount: this.eventCount,
      traceHash: this.traceHash,
      lastEvent: last ? { time: last.time, description: this.describe(last) } : null,
      metrics: this.model.metrics(this),
    };
  }

  // ---- checkpoints ----

  checkpoint(): Uint8Array {
    const img: CheckpointImage<C, S> = {
      format: 'mos-explorer-checkpoint',
      version: 1,
      model: this.model.name,
      config: this.config,
      seed: this.seed,
      now: this.now,
      eventCount: this.eventCount,
      queue: this.queue.image(),
      rng: this.rng.image(),
      trace: this.trace.image(),
      state: this.state,
      log: this.log,
      pending: this.pending,
    };
    return encodePlain(img);
  }

  static restore<C, S>(model: ModelDefinition<C, S>, bytes: Uint8Array, traceCapacity = 1 << 16): Simulation<S, C> {
    const img = decodePlain<CheckpointImage<C, S>>(bytes);
    if (img.format !== 'mos-explorer-checkpoint' || img.version !== 1) throw new Error('not a mos-explorer checkpoint (version 1)');
    if (img.model !== model.name) throw new Error(`checkpoint is of model "${img.model}", not "${model.name}"`);
    const sim = new Simulation<S, C>(model, img.config, img.seed, traceCapacity);
    sim.now = img.now;
    sim.eventCount = img.eventCount;
    sim.queue = EventQueue.fromImage(img.queue);
    sim.rng = Rng.fromImage(img.seed, img.rng);
    sim.trace.restoreImage(img.trace);
    sim.state = img.state;
    sim.log = [...img.log];
    sim.pending = [...img.pending];
    return sim;
  }

  /** Re-applies logged commands whose place in the run has come, up to simulated time `horizon`. */
  private replayDue(horizon: SimTime): void {
    while (this.pending.length > 0) {
      const next = this.pending[0];
      // A command is applied at its place in the run; one whose place has passed (a log from
      // another configuration, or hand-written) is applied at the first chance, never dropped.
      if (next.atEvent > this.eventCount || next.time > horizon) return;
      this.pending.shift();
      if (next.time > this.now) this.now = next.time;
      const error = this.command(next.command);
      if (error !== null) this.rejected.push({ command: next, error });
    }
  }
}
