/**
 * Time travel in the worker: the run's command log (the injections, in order), the frontier
 * (the furthest the run has been), and the checkpoints to come back from. Seeking restores the
 * latest checkpoint at or before the target and replays the commands after it; a command given
 * in the past, or the removal of one, forks: the later commands and checkpoints are dropped,
 * as in RaftScope.
 */
import type { LoggedCommand } from '../engine/kernel/simulation';
import type { NodeSim } from '../engine/node/cpu';
import { restoreNodeSimulation } from '../engine/node/model';
import { CheckpointRing } from './checkpointRing';

export class Travel {
  private log: LoggedCommand[];
  readonly ring: CheckpointRing;
  /** The furthest point the run has reached (its time and event count). */
  frontierTime = 0;
  frontierEvents = 0;

  constructor(commands: readonly LoggedCommand[], ring = new CheckpointRing()) {
    this.log = [...commands];
    this.ring = ring;
  }

  get commands(): readonly LoggedCommand[] {
    return this.log;
  }

  /** Commands of the log the run has applied (or tried) so far. */
  consumed(sim: NodeSim): number {
    return this.log.length - sim.pendingCommands.length;
  }

  /** After every stretch of running: moves the frontier, takes a checkpoint when one is due. */
  observe(sim: NodeSim): void {
    if (sim.eventCount >= this.frontierEvents) {
      this.frontierEvents = sim.eventCount;
      this.frontierTime = Math.max(this.frontierTime, sim.now);
    }
    if (this.ring.due(sim.now) && sim.eventCount >= this.frontierEvents) {
      this.ring.add({ time: sim.now, eventCount: sim.eventCount, consumed: this.consumed(sim), bytes: sim.checkpoint() });
    }
  }

  /** Whether the run is behind its frontier (its present is in the past of what was computed). */
  inPast(sim: NodeSim): boolean {
    return sim.eventCount < this.frontierEvents || sim.pendingCommands.length > 0;
  }

  /**
   * A fresh simulation from the latest checkpoint at or before (`time`, `events`), with the
   * log's later commands to replay. Null when there is none (the ring always holds time zero,
   * so only for a bad target).
   */
  restore(time: number, events = Infinity): NodeSim | null {
    const cp = this.ring.latestAtOrBefore(time, events, this.log.length);
    if (!cp) return null;
    const sim = restoreNodeSimulation(cp.bytes);
    sim.setPending(this.log.slice(cp.consumed));
    return sim;
  }

  /** The run forks here: the commands not applied yet and the checkpoints after now are dropped. */
  fork(sim: NodeSim): void {
    this.log = this.log.slice(0, this.consumed(sim));
    sim.setPending([]);
    this.ring.discardAfter(sim.eventCount);
    this.frontierEvents = sim.eventCount;
    this.frontierTime = sim.now;
  }

  /** Records a command the run has just applied (at the frontier, after a fork if needed). */
  applied(command: LoggedCommand): void {
    this.log.push(command);
  }

  /** Drops command `index` and every later one (the caller then positions the run just before it). */
  truncate(index: number): void {
    this.log = this.log.slice(0, index);
  }
}
