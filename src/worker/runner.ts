/**
 * Drives a simulation at the speed the page asks for, in slices of at most ~8 ms of wall
 * time, yielding between slices so that Pause and Step are answered at once; follows the
 * page's clock in compare mode; writes frames. The run and its past (commands, checkpoints,
 * history, the moves in time) are a TimeMachine (timeMachine.ts). Independent of the worker
 * global so that it can be tested in Node with a fake clock.
 */
import type { NodeConfig } from '../engine/config/nodeConfig';
import type { LoggedCommand } from '../engine/kernel/simulation';
import type { NodeSim } from '../engine/node/cpu';
import { MemoryCellCache, writeFrame } from './frameWriter';
import { PROTOCOL_VERSION, transferablesOf, type AckOf, type FromWorker, type ToWorker } from './protocol';
import type { MomentTarget } from '../engine/moments/registry';
import { diagnoseStall, STALL_EVENTS } from '../engine/node/watchdog';
import { processCpus } from '../engine/node/jobCpus';
import { CHECKPOINT_INTERVAL_NS } from './checkpointRing';
import { EVENTS_PER_CHECK, TimeMachine } from './timeMachine';
import { AnimatedEvents } from './animatedEvents';
import { SpeedMeter } from './speedMeter';

/** Memory cells are recomputed at most this often (wall ms): memory changes slowly. */
const MEMORY_EVERY_MS = 250;

export interface RunnerHost {
  /** Wall clock in ms (performance.now in the worker). */
  now(): number;
  post(message: FromWorker, transfer?: ArrayBuffer[]): void;
  /** Runs `fn` soon, after pending messages have been handled. */
  yieldThen(fn: () => void): void;
  /** Runs `fn` after `ms` of wall time, leaving the CPU meanwhile (lockstep's share); yieldThen if absent. */
  sleepThen?(ms: number, fn: () => void): void;
}

const SLICE_MS = 5;
/** If the engine falls this far behind the requested pace, forget the backlog instead of racing. */
const MAX_LAG_MS = 250;
/** Lockstep: the wall-time window (about one animation frame) a share of which the worker may compute. */
const SHARE_WINDOW_MS = 16;

/** At the lockstep goal: the clock is there and no event at or before it is left. */
function reached(sim: NodeSim, goal: number): boolean {
  return sim.now >= goal && sim.queue.peekTime() > goal;
}

export class Runner {
  /** The run and its past (none before init). */
  private machine: TimeMachine | null = null;
  private config: NodeConfig | null = null;
  private seed = 1;
  private commands: readonly LoggedCommand[] = [];
  private running = false;
  /** Events processed since simulated time last moved (the watchdog's count). */
  private stuckEvents = 0;
  /** Lockstep (compare mode): the simulated time to reach and hold, set by the page's shared clock; null when paced here. */
  private goal: number | null = null;
  /** Lockstep: share of each SHARE_WINDOW_MS this worker computes, and its work in the current window. */
  private share = 1;
  private windowStart = 0;
  private windowBusy = 0;
  private speed = 1e7;
  /** Pacing anchor: simulated time `anchorSim` corresponded to wall time `anchorWall`. */
  private anchorWall = 0;
  private anchorSim = 0;
  private sliceScheduled = false;
  private frameSeq = 0;
  /** Achieved speed, measured over about the last second of wall time. */
  private speedMeter = new SpeedMeter();
  /** Animated events since the last frame. */
  private readonly events = new AnimatedEvents();
  private memory = new MemoryCellCache();
  /** Counts jumps in time (Frame.epoch). */
  private epoch = 0;
  /** What reaching the goal acknowledges: a lockstep 'follow' or a 'seek'. */
  private goalAck: AckOf = 'follow';

  constructor(
    private readonly host: RunnerHost,
    /** Simulated ns between checkpoints (tests take them often). */
    private readonly checkpointIntervalNs = CHECKPOINT_INTERVAL_NS,
  ) {}

  handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'init':
        if (msg.version !== PROTOCOL_VERSION) {
          this.host.post({ type: 'error', message: `protocol version ${msg.version} is not ${PROTOCOL_VERSION}: reload the page` });
          return;
        }
        this.config = msg.config;
        this.seed = msg.seed;
        this.commands = msg.commands ?? [];
        this.machine = null;
        this.stop();
        this.restart();
        this.host.post({ type: 'ready', version: PROTOCOL_VERSION, cpuCount: msg.config.cpuCount, configName: msg.config.name, processes: processCpus(this.requireSim().state, msg.config) });
        return;
      case 'play':
        this.running = true;
        this.goal = null;
        this.rebase();
        this.ack('play');
        this.scheduleSlice();
        return;
      case 'pause':
        this.stop();
        this.speedMeter = new SpeedMeter();
        this.ack('pause');
        return;
      case 'step':
        this.stop();
        this.requireSim().step();
        this.drain();
        this.ack('step');
        this.sendFrame(null);
        return;
      case 'reset':
        this.stop();
        this.restart();
        this.ack('reset');
        this.sendFrame(null);
        return;
      case 'setSpeed':
        if (Number.isFinite(msg.nsPerSecond) && msg.nsPerSecond > 0) {
          this.speed = msg.nsPerSecond;
          this.rebase();
        }
        this.ack('setSpeed');
        return;
      case 'follow':
        this.share = msg.share !== undefined && msg.share > 0 && msg.share <= 1 ? msg.share : 1;
        this.goalAck = 'follow';
        this.follow(msg.target, msg.playing);
        return;
      case 'command':
        this.command(msg.command);
        return;
      case 'removeCommand':
        this.removeCommand(msg.index);
        return;
      case 'seek':
        this.seek(msg.time);
        return;
      case 'stepBack':
        this.stepBack();
        return;
      case 'runToMoment':
        this.runToMoment(msg.id, msg.moment, msg.target);
        return;
      case 'travelStats': {
        const t = this.requireMachine().travel;
        this.host.post({ type: 'travelStats', id: msg.id, stats: { checkpoints: t.ring.count, bytes: t.ring.bytes, intervalNs: t.ring.intervalNs, frontier: t.frontierTime } });
        return;
      }
      case 'frameRequest': {
        const start = this.host.now();
        this.sendFrame(msg.reuse);
        // Writing frames counts against a lockstep share too.
        if (this.goal !== null) this.spend(start, this.host.now());
        return;
      }
      case 'timeline': {
        const sim = this.requireSim();
        const reply = this.requireMachine().history.query(msg.id, msg.from, msg.to, msg.bins, sim.now);
        this.host.post({ type: 'timeline', reply }, [...reply.spans.map((x) => x.buffer as ArrayBuffer), reply.flows.buffer as ArrayBuffer]);
        return;
      }
      case 'metrics':
        this.host.post({ type: 'metrics', id: msg.id, metrics: this.requireSim().snapshot().metrics });
        return;
      case 'importStrace': {
        const sim = this.requireSim();
        // Parsing yields at every chunk, so the run and Pause/Step go on meanwhile. The parser loads
        // on the first import (the worker's first frame does not wait for it).
        import('./importStrace')
          .then(({ importStrace }) => importStrace(msg.file, sim.config, this.seed, (loaded, total) => this.host.post({ type: 'importProgress', id: msg.id, loaded, total })))
          .then((outcome) => this.host.post({ type: 'importResult', id: msg.id, outcome }))
          .catch((e: unknown) => this.host.post({ type: 'importResult', id: msg.id, outcome: { ok: false, message: `could not read the file: ${e instanceof Error ? e.message : String(e)}` } }));
        return;
      }
      case 'exportTrace': {
        const sim = this.requireSim();
        void import('../engine/export/chromeTrace')
          .then(({ exportChromeTrace }) => exportChromeTrace(sim.config, sim.seed, sim.commandLog, sim.now, { maxEvents: msg.maxEvents }))
          .then((text) => this.host.post({ type: 'exportTrace', id: msg.id, text }));
        return;
      }
      case 'crashForTest':
        throw new Error('crash requested by a test');
      case 'hangForTest': {
        const until = this.host.now() + msg.ms;
        while (this.host.now() < until);
        return;
      }
      default:
        msg satisfies never;
        throw new Error(`unknown message ${JSON.stringify(msg)}`);
    }
  }

  /** The simulation, for queries (tests, exports). */
  get simulation(): NodeSim | null {
    return this.machine?.sim ?? null;
  }

  private get sim(): NodeSim | null {
    return this.machine?.sim ?? null;
  }

  private requireMachine(): TimeMachine {
    if (!this.machine) throw new Error('the worker has no simulation yet (init first)');
    return this.machine;
  }

  private requireSim(): NodeSim {
    return this.requireMachine().sim;
  }

  private restart(): void {
    if (!this.config) return;
    // Reset keeps the injections made since: they replay at their places.
    const commands = this.machine?.travel.commands ?? this.commands;
    this.speedMeter = new SpeedMeter();
    this.events.forget();
    this.memory = new MemoryCellCache();
    this.machine = new TimeMachine(this.config, this.seed, commands, this.checkpointIntervalNs, {
      onRecords: (batch) => this.events.collect(batch),
      onJump: () => this.jumped(),
    });
    this.postLog();
  }

  private postLog(): void {
    if (this.machine) this.host.post({ type: 'commandLog', commands: this.machine.travel.commands });
  }

  // ---- time travel and injections (the moves themselves are the TimeMachine's) ----

  /** A jump in time (with or without a restore): views start again and nothing animates it. */
  private jumped(): void {
    this.epoch++;
    this.events.forget();
    this.memory = new MemoryCellCache();
    this.speedMeter = new SpeedMeter();
    this.stuckEvents = 0;
  }

  /** Stops the run (paced or following): a move in time holds where it lands. */
  private stop(): void {
    this.running = false;
    this.goal = null;
  }

  private command(command: Parameters<NodeSim['command']>[0]): void {
    const error = this.requireMachine().command(command);
    this.host.post({ type: 'commandResult', error });
    if (error === null) this.postLog();
  }

  private seek(time: number): void {
    const machine = this.requireMachine();
    this.running = false;
    if (!Number.isFinite(time) || time < 0) {
      this.ack('seek');
      return;
    }
    const target = Math.floor(time);
    machine.prepareSeek(target);
    this.goalAck = 'seek';
    this.share = 1;
    this.goal = target;
    if (reached(machine.sim, target)) this.ack('seek');
    else this.scheduleSlice();
  }

  private runToMoment(id: number, key: string, target: MomentTarget): void {
    const machine = this.requireMachine();
    this.stop();
    const result = machine.runToMoment(key, target);
    this.host.post({ type: 'moment', id, result });
    this.ack('moment');
    this.sendFrame(null);
  }

  private stepBack(): void {
    const machine = this.requireMachine();
    this.stop();
    machine.stepBack();
    this.ack('stepBack');
    this.sendFrame(null);
  }

  private removeCommand(index: number): void {
    const error = this.requireMachine().removeCommand(index);
    if (error !== null) {
      this.host.post({ type: 'commandResult', error });
      return;
    }
    this.stop();
    this.postLog();
    this.ack('removeCommand');
    this.sendFrame(null);
  }

  private rebase(): void {
    this.anchorWall = this.host.now();
    this.anchorSim = this.sim?.now ?? 0;
  }

  /** Lockstep: run unpaced to `target` and hold there (see the 'follow' message). */
  private follow(target: number, playing: boolean): void {
    const sim = this.requireSim();
    if (!Number.isFinite(target) || target < 0) return;
    this.goal = Math.floor(target);
    if (playing && !this.running) this.speedMeter = new SpeedMeter();
    this.running = playing;
    if (playing) this.speedMeter.add(this.host.now(), sim.now);
    if (reached(sim, this.goal)) {
      if (!playing) this.ack('follow');
      return;
    }
    this.scheduleSlice();
  }

  /** Whether slices should run: paced play, or a lockstep target not reached yet. */
  private active(): boolean {
    if (this.goal !== null) return this.sim !== null && !reached(this.sim, this.goal);
    return this.running;
  }

  private ack(of: AckOf): void {
    const sim = this.requireSim();
    this.host.post({ type: 'ack', of, running: this.running, time: sim.now, eventCount: sim.eventCount });
  }

  private scheduleSlice(afterMs = 0): void {
    if (this.sliceScheduled || !this.active()) return;
    this.sliceScheduled = true;
    const run = () => {
      this.sliceScheduled = false;
      this.slice();
    };
    if (afterMs > 0 && this.host.sleepThen) this.host.sleepThen(afterMs, run);
    else this.host.yieldThen(run);
  }

  /** Advances simulated time toward where the wall clock says it should be, for at most SLICE_MS. */
  private slice(): void {
    if (!this.active() || !this.sim) return;
    if (this.goal !== null) return this.followSlice(this.sim, this.goal);
    const sim = this.sim;
    const start = this.host.now();
    let wall = start;
    let target = this.anchorSim + ((wall - this.anchorWall) / 1000) * this.speed;
    while (sim.now < target && wall - start < SLICE_MS) {
      const before = sim.now;
      const n = sim.runUntil(target, EVENTS_PER_CHECK);
      this.drain();
      // The watchdog: events that never move simulated time stop the run, with the likely cause.
      this.stuckEvents = sim.now > before ? 0 : this.stuckEvents + n;
      if (this.stuckEvents >= STALL_EVENTS) {
        this.running = false;
        this.host.post({ type: 'error', message: diagnoseStall(sim, this.stuckEvents).message });
        return;
      }
      wall = this.host.now();
      target = this.anchorSim + ((wall - this.anchorWall) / 1000) * this.speed;
    }
    const lagMs = ((target - sim.now) / this.speed) * 1000;
    if (lagMs > MAX_LAG_MS) {
      // Too slow for the requested speed: keep going at the achievable pace (reported in frames).
      this.anchorWall = wall - MAX_LAG_MS;
      this.anchorSim = sim.now;
    }
    this.speedMeter.add(wall, sim.now);
    this.scheduleSlice();
  }

  /** Lockstep: as far toward the goal as SLICE_MS allows, unpaced (the page's clock paces). */
  /** Counts work from `start` to `end` against the current share window. */
  private spend(start: number, end: number): void {
    if (start - this.windowStart >= SHARE_WINDOW_MS) {
      this.windowStart = start;
      this.windowBusy = 0;
    }
    this.windowBusy += end - start;
  }

  private followSlice(sim: NodeSim, goal: number): void {
    const start = this.host.now();
    this.spend(start, start);
    const budget = Math.min(SLICE_MS, this.share * SHARE_WINDOW_MS - this.windowBusy);
    let wall = start;
    while (!reached(sim, goal) && wall - start < budget) {
      sim.runUntil(goal, EVENTS_PER_CHECK);
      this.drain();
      wall = this.host.now();
    }
    this.spend(start, wall);
    if (this.running) this.speedMeter.add(wall, sim.now);
    if (reached(sim, goal)) {
      // A seek is a jump: what happened on the way is not animated.
      if (this.goalAck === 'seek') this.events.forget();
      if (!this.running) this.ack(this.goalAck);
      return;
    }
    // Used its share of this window: leave the CPU until the next one.
    const rest = this.windowBusy >= this.share * SHARE_WINDOW_MS ? this.windowStart + SHARE_WINDOW_MS - wall : 0;
    this.scheduleSlice(rest);
  }

  /** Moves new trace records into the history and the animated-event ring (through the TimeMachine). */
  private drain(): void {
    this.machine?.drain();
  }

  private sendFrame(reuse: Parameters<typeof writeFrame>[1]): void {
    const sim = this.requireSim();
    const memory = this.memory.get(sim, this.host.now(), !this.running, MEMORY_EVERY_MS);
    const { buffers, flightCount } = writeFrame(sim, reuse, memory);
    // The most recent animated events, oldest first.
    const { count: n, dropped } = this.events.takeInto(buffers.events);
    const last = sim.trace.last();
    this.host.post(
      {
        type: 'frame',
        frame: {
          seq: ++this.frameSeq,
          time: sim.now,
          eventCount: sim.eventCount,
          running: this.running,
          nextEventTime: Number.isFinite(sim.queue.peekTime()) ? sim.queue.peekTime() : -1,
          traceHash: sim.traceHash,
          lastEvent: last ? { time: last.time, description: sim.describe(last) } : null,
          achievedSpeed: this.running ? this.speedMeter.speed() : 0,
          requestedSpeed: this.speed,
          flightCount,
          eventCountInFrame: n,
          eventsDropped: dropped,
          frontier: this.machine?.travel.frontierTime ?? sim.now,
          epoch: this.epoch,
          buffers,
        },
      },
      transferablesOf(buffers),
    );
  }
}
