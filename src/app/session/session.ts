/**
 * A session: one simulation with everything the page needs to show it — its worker client,
 * its frame bus, its UI store and its metrics poller. The normal page has one; compare mode a
 * second. Views reach theirs through React context (context.tsx); actions receive it.
 */
import { FrameBus } from '../frameBus';
import { SimClient } from '../simClient';
import { createUiStore, resolveConfig, SPEED_MAX, SPEED_MIN, type Persisted, type UiState, type UiStore } from '../store';
import { isSettingsCommand } from './settingsInForce';
import type { SharedState } from '../share/sharedState';
import { MetricsPoller } from '../views/memory/metricsPoller';
import type { LoggedCommand } from '../../engine/kernel/simulation';

/** What Play, Pause, Step, Reset and the speed drive: one session, or both in lockstep (compare/lockstep.ts). */
export interface Transport {
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  /** Simulated ns per wall second (already within bounds). */
  setSpeed(nsPerSecond: number): void;
}

/** A command log replayed by simulated time alone (in a run whose events differ). */
export function atTimes(commands: readonly LoggedCommand[]): LoggedCommand[] {
  return commands.map((c) => ({ ...c, atEvent: 0 }));
}

/**
 * The commands a restart keeps: none after a change of preset (another node's CPUs and
 * processes); after a change of configuration, all but the live settings (the new
 * configuration has them folded in: session/applySettings.ts); after a new seed, all.
 */
function keptCommands(s: UiState, prev: UiState): readonly LoggedCommand[] {
  if (s.presetName !== prev.presetName) return [];
  return s.config !== prev.config ? s.commandLog.filter((c) => !isSettingsCommand(c)) : s.commandLog;
}

export const clampSpeed = (nsPerSecond: number) => Math.min(SPEED_MAX, Math.max(SPEED_MIN, nsPerSecond));

export class Session {
  readonly store: UiStore;
  readonly bus = new FrameBus();
  readonly client: SimClient;
  readonly metrics: MetricsPoller;
  private driver: Transport | null = null;
  /** Ends the slow motion of a "run to the next ..." in progress (app/moments), or null. */
  endSlowMotion: (() => void) | null = null;
  /** "Run to the next ...": the call name typed for Next call, and the last moment run (F5 runs it again). */
  readonly moments: { callName: string; last: string | null } = { callName: '', last: null };
  private readonly offStore: () => void;

  /** Drives this session alone. */
  private readonly solo: Transport = {
    play: () => this.client.play(),
    pause: () => this.client.pause(),
    step: () => this.client.step(),
    reset: () => this.client.reset(),
    setSpeed: (nsPerSecond) => {
      this.store.setState({ speed: nsPerSecond });
      this.client.setSpeed(nsPerSecond);
    },
  };

  constructor(
    /** Stable for the session's life (React keys, test hooks). */
    readonly id: string,
    settings: Partial<Persisted>,
  ) {
    this.store = createUiStore(settings);
    this.client = new SimClient(this.bus, this.store);
    this.metrics = new MetricsPoller(this.bus, () => this.client.queryMetrics());
    this.client.onStart(() => this.metrics.forget());
    // A new configuration or seed restarts the worker (outside React: no effect needed). The
    // injections stay, at their simulated times (their event counts belong to the old run),
    // unless the preset changed: its CPUs and processes are another node's.
    this.offStore = this.store.subscribe((s, prev) => {
      if (this.loading) return;
      if (s.config !== prev.config || s.seed !== prev.seed) this.client.start(s.config, s.seed, atTimes(keptCommands(s, prev)));
    });
    const s = this.store.getState();
    this.client.start(s.config, s.seed);
  }

  private loading = false;

  /**
   * Opens a shared state (a link, a file): its preset, edits and seed, its command log replayed,
   * then a seek to its time and its selections. The state is checked already (sharedState.ts).
   * Resolves once the worker is at the state's time.
   */
  async load(state: SharedState): Promise<void> {
    const resolved = resolveConfig(state.preset, state.edits);
    if (!resolved.ok) {
      this.store.setState({ notice: `This state could not be opened: ${resolved.errors.join('; ')}` });
      return;
    }
    this.loading = true;
    try {
      this.store.setState({
        presetName: state.preset, edits: state.edits, config: resolved.config, seed: state.seed, replay: null,
        inspectedCpu: state.views.inspectedCpu !== null && state.views.inspectedCpu < resolved.config.cpuCount ? state.views.inspectedCpu : null,
        selectedPid: state.views.selectedPid,
        timelineWindow: state.views.timeline,
      });
    } finally {
      this.loading = false;
    }
    this.client.start(resolved.config, state.seed, state.commands);
    if (state.time > 0) await this.client.seekAndWait(state.time);
  }

  /** Play, Pause, Step, Reset and speed: this session's own, or the lockstep of compare mode. */
  get transport(): Transport {
    return this.driver ?? this.solo;
  }

  /** Hands the transport to a lockstep (compare mode), or back to this session (null). */
  setDriver(driver: Transport | null): void {
    this.driver = driver;
  }

  /** The session is closed: its worker ends and its bus forgets its views. */
  dispose(): void {
    this.offStore();
    this.client.dispose();
    this.bus.dispose();
  }
}
