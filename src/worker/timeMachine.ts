/**
 * One run and its past, as time travel sees it: the simulation, its command log and checkpoints
 * (travel.ts) and the activity history the Timeline asks for (history.ts). What moves the run in
 * time is here — a command (in the past it forks), removing one, the restore before a seek,
 * stepping back one event, running to an exact event count or to the next moment of a kind. The
 * runner (runner.ts) paces the run, follows the page's clock and writes frames.
 */
import type { NodeConfig } from '../engine/config/nodeConfig';
import type { EngineCommand, LoggedCommand } from '../engine/kernel/simulation';
import type { TraceBatch } from '../engine/kernel/trace';
import { formatClock } from '../engine/kernel/time';
import { createNodeSimulation, restoreNodeSimulation } from '../engine/node/model';
import type { NodeSim } from '../engine/node/cpu';
import { allMoments, momentByKey, type MomentTarget } from '../engine/moments/registry';
import { findNextMoment } from '../engine/moments/find';
import { ActivityHistory } from './history';
import { Travel } from './travel';
import { CheckpointRing } from './checkpointRing';
import type { MomentResult } from './protocol';

/** Events run between two looks at the wall clock or the history (the runner's slices too). */
export const EVENTS_PER_CHECK = 512;

export interface TimeMachineHooks {
  /** New trace records, once the history has them (the runner animates some). */
  onRecords(batch: TraceBatch): void;
  /** A jump in time (a restore, a fork): views start again and nothing animates it. */
  onJump(): void;
}

export class TimeMachine {
  private current: NodeSim;
  readonly travel: Travel;
  readonly history: ActivityHistory;

  constructor(config: NodeConfig, seed: number, commands: readonly LoggedCommand[], checkpointIntervalNs: number, private readonly hooks: TimeMachineHooks) {
    this.current = createNodeSimulation(config, seed, { commands });
    this.travel = new Travel(commands, new CheckpointRing(checkpointIntervalNs));
    this.history = new ActivityHistory(config.cpuCount);
    this.drain();
  }

  get sim(): NodeSim {
    return this.current;
  }

  /** Moves new trace records into the history (and to the runner), and lets travel take a checkpoint. */
  drain(): void {
    const batch = this.current.drainTrace();
    this.history.ingest(batch);
    this.hooks.onRecords(batch);
    this.travel.observe(this.current);
  }

  /** Runs forward to exactly `events` events (no further than `until`), feeding the history. */
  runToEvent(events: number, until = Infinity): void {
    const sim = this.current;
    while (sim.eventCount < events) {
      const n = sim.runUntil(until, Math.min(EVENTS_PER_CHECK, events - sim.eventCount));
      this.drain();
      if (n === 0) break;
    }
  }

  /** Applies a command now; given in the past, it forks: the future computed so far is dropped. Returns its error, or null. */
  command(command: EngineCommand): string | null {
    let sim = this.current;
    if (this.travel.inPast(sim)) {
      // Is it a valid command? Try it on a copy first: a bad one must not fork anything.
      const error = restoreNodeSimulation(sim.checkpoint()).command(command);
      if (error !== null) return error;
      // The commands this run has not applied yet are the future that is dropped.
      this.travel.truncate(this.travel.consumed(sim));
      sim = this.rewind(sim.now, sim.eventCount);
    }
    const error = sim.command(command);
    if (error === null) {
      this.travel.applied(sim.commandLog[sim.commandLog.length - 1]);
      this.drain();
    }
    return error;
  }

  /** Removes command `index`: the run forks from just before it (that command and the later ones are gone). */
  removeCommand(index: number): string | null {
    const removed = this.travel.commands[index];
    if (!Number.isInteger(index) || removed === undefined) return `there is no injection number ${index + 1}`;
    this.travel.truncate(index);
    this.rewind(removed.time, removed.atEvent);
    return null;
  }

  /**
   * Before a seek to `target`: back, or forward past a checkpoint, the nearest checkpoint at or
   * before it is restored (the runner then runs to the target); otherwise the run just goes on.
   * Either way it is a jump.
   */
  prepareSeek(target: number): void {
    const sim = this.current;
    const cp = this.travel.ring.latestAtOrBefore(target);
    const restored = target < sim.now || (cp && cp.eventCount > sim.eventCount) ? this.travel.restore(target) : null;
    if (restored) this.current = restored;
    this.hooks.onJump();
  }

  /** Goes back one event: restores the nearest checkpoint and runs to one event fewer. */
  stepBack(): void {
    const sim = this.current;
    const events = sim.eventCount - 1;
    const restored = events >= 0 ? this.travel.restore(sim.now, events) : null;
    if (!restored) return;
    this.jumpTo(restored);
    this.runToEvent(events);
  }

  /** Stops just before the next event of moment `key` (searched on a restored copy), feeding the history on the way. */
  runToMoment(key: string, target: MomentTarget): MomentResult {
    const sim = this.current;
    const moment = momentByKey(key);
    if (!moment) return { found: false, searchedUntil: sim.now, message: `no moment "${key}" (moments: ${allMoments().map((m) => m.key).join(', ')})` };
    const search = findNextMoment(sim.checkpoint(), moment, target);
    if (!search.found) return { found: false, searchedUntil: search.searchedUntil, message: `no ${moment.label.replace(/^Next /, '').toLowerCase()} before ${formatClock(search.searchedUntil)}` };
    this.runToEvent(sim.eventCount + search.eventsBefore);
    return { found: true, time: search.time, description: search.description };
  }

  /**
   * A fork at (`time`, `events`): the history from `time` on is forgotten and the run is taken
   * again from the nearest checkpoint to exactly that point (the records at `time` itself are
   * ingested again, those of the dropped future are not), then the future is cut off there.
   */
  private rewind(time: number, events: number): NodeSim {
    const sim = this.travel.restore(time, events);
    if (!sim) throw new Error(`no checkpoint before ${time} ns`);
    this.history.truncate(time);
    this.jumpTo(sim);
    this.runToEvent(events, time);
    if (sim.now < time && sim.queue.peekTime() > time) sim.runUntil(time);
    // Commands given at this very point before (kept) apply again before the fork.
    sim.applyDueCommands();
    this.drain();
    this.travel.fork(sim);
    return sim;
  }

  /** The run continues from `sim` (restored from a checkpoint). */
  private jumpTo(sim: NodeSim): void {
    this.current = sim;
    this.hooks.onJump();
  }
}
