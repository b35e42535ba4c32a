/**
 * A session's UI state only (never per-event simulation state): what the user chose and what
 * its worker acknowledged. Each session (session/session.ts) has its own store, reached through
 * React context (useUi). The first session's settings persist across reloads; stored values are
 * untrusted and re-validated.
 */
import { createStore, useStore, type StoreApi } from 'zustand';
import { useSession } from './session/context';
import { editsInForce } from './session/settingsInForce';
import { hasOptions } from './optionSyntaxes';
import { PRESETS } from '../engine/config/presets';
import { presetByName } from '../engine/config/presetByName';
import { applyOverrides } from '../engine/config/parseConfig';
import type { NodeConfig } from '../engine/config/nodeConfig';
import type { StraceSummary } from '../engine/strace';
import type { ReplayReport } from '../engine/strace/replay';
import type { LoggedCommand } from '../engine/kernel/simulation';
import type { ProcessCpus } from '../engine/node/jobCpus';

/** The user's changes on top of the preset: the same shape as a config file's (docs/parameters.md). */
export type ConfigEdits = Readonly<Record<string, unknown>>;

/** Resolves a preset plus edits; the edits are untrusted (stored, typed, or from a link). */
export function resolveConfig(presetName: string, edits: ConfigEdits): { ok: true; config: NodeConfig; warnings: string[] } | { ok: false; errors: string[] } {
  const r = applyOverrides({ ...edits, preset: presetName }, 'settings');
  return r.ok ? { ok: true, config: r.config, warnings: r.warnings } : r;
}

export const SPEED_MIN = 1e3; // 1 µs of simulated time per second: one IPI crosses the screen slowly
export const SPEED_MAX = 1e10; // 10 s per second
export const DEFAULT_SPEED = 1e6; // 1 ms per second: ticks, calls and IPIs are visible one by one
/** The richest preset: the mOS node running the BSP mini-app (noise, syscalls, channels, IPIs, OS nodes). */
export const DEFAULT_PRESET = 'mos-bsp';

export interface UiState {
  presetName: string;
  seed: number;
  /** Simulated ns per wall second. */
  speed: number;
  /** As acknowledged by the worker. */
  running: boolean;
  workerError: string | null;
  /** A short notice such as "Paused while the page was hidden". */
  notice: string | null;
  /** The process highlighted in every view, or null. */
  selectedPid: number | null;
  /** The CPU being inspected, or null. */
  inspectedCpu: number | null;
  /** The user's configuration changes on top of the preset (last valid ones). */
  edits: ConfigEdits;
  /** The edits in force before the last Apply: what "restore the previous settings" goes back to. */
  previousEdits: ConfigEdits | null;
  /** The configuration the simulation runs: the preset plus the last valid edits (and an imported replay). */
  config: NodeConfig;
  /** The imported strace log being replayed, with its summary and per-call report. */
  replay: ReplayInfo | null;
  /** Import in progress: bytes read of the total, or null. */
  importing: { loaded: number; total: number; name: string } | null;
  /** The run's injections, in order, as its worker reported them (the Injections panel, links). */
  commandLog: readonly LoggedCommand[];
  /** The Timeline's window (simulated ns) when the user zoomed or panned it, null while it follows the present (shared links carry it). */
  timelineWindow: { readonly from: number; readonly to: number } | null;
  /** The running job's processes and the CPUs each uses, as its worker reported them for `config` (null until it is ready). */
  jobProcesses: { readonly config: NodeConfig; readonly processes: readonly ProcessCpus[] } | null;
  /** How the Timeline groups its lanes: by partition or by process (kept across restarts of the run). */
  timelineGrouping: TimelineGrouping;
}

export type TimelineGrouping = 'partition' | 'process';

export interface ReplayInfo {
  readonly fileName: string;
  readonly summary: StraceSummary;
  readonly report: ReplayReport | null;
  /** The page goes to the Replay region once it shows this (a user's import). */
  readonly reveal?: boolean;
}

const STORAGE_KEY = 'mos-explorer.settings.v1';

/** What persists across reloads (and what a new compare session copies). */
export interface Persisted {
  presetName: string;
  seed: number;
  speed: number;
  edits: ConfigEdits;
}

export type UiStore = StoreApi<UiState>;

/** Whether the stored settings carry design options (their parsers must load before they are read: app/optionSyntaxes.ts). */
export function storedSettingsHaveOptions(storage: Pick<Storage, 'getItem'> | null): boolean {
  try {
    const v: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
    const edits = typeof v === 'object' && v !== null ? (v as Record<string, unknown>).edits : null;
    return typeof edits === 'object' && hasOptions(edits as Readonly<Record<string, unknown>> | null);
  } catch {
    return false;
  }
}

export function loadSettings(storage: Pick<Storage, 'getItem'> | null): Partial<Persisted> {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return {};
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return {};
    const o = v as Record<string, unknown>;
    const out: Partial<Persisted> = {};
    if (typeof o.presetName === 'string' && presetByName(o.presetName)) out.presetName = o.presetName;
    if (typeof o.seed === 'number' && Number.isSafeInteger(o.seed) && o.seed >= 0) out.seed = o.seed;
    if (typeof o.speed === 'number' && o.speed >= SPEED_MIN && o.speed <= SPEED_MAX) out.speed = o.speed;
    // Stored edits are kept only if they still make a valid configuration.
    if (typeof o.edits === 'object' && o.edits !== null && resolveConfig(out.presetName ?? DEFAULT_PRESET, o.edits as ConfigEdits).ok) out.edits = o.edits as ConfigEdits;
    return out;
  } catch {
    return {}; // unreadable settings are ignored, never fatal
  }
}

export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** A new session's store from (validated) settings; anything missing takes its default. */
export function createUiStore(settings: Partial<Persisted>): UiStore {
  const presetName = settings.presetName && presetByName(settings.presetName) ? settings.presetName : DEFAULT_PRESET;
  const edits = settings.edits ?? {};
  const resolved = resolveConfig(presetName, edits);
  return createStore<UiState>(() => ({
    presetName,
    seed: settings.seed ?? 1,
    speed: settings.speed ?? DEFAULT_SPEED,
    running: false,
    workerError: null,
    previousEdits: null,
    notice: null,
    selectedPid: null,
    inspectedCpu: null,
    edits: resolved.ok ? edits : {},
    config: resolved.ok ? resolved.config : PRESETS[presetName],
    replay: null,
    importing: null,
    commandLog: [],
    timelineWindow: null,
    jobProcesses: null,
    timelineGrouping: 'partition',
  }));
}

/** The settings of a store, as persisted. */
export function settingsOf(s: UiState): Persisted {
  return { presetName: s.presetName, seed: s.seed, speed: s.speed, edits: editsInForce(s.edits, s.commandLog) };
}

/** Switches preset: the edits belong to the old one and are dropped. */
export function choosePreset(store: UiStore, name: string): void {
  const config = presetByName(name);
  if (!config) return;
  store.setState({ presetName: name, edits: {}, config, selectedPid: null, inspectedCpu: null, replay: null, timelineWindow: null });
}

/** Applies edits if they make a valid configuration (restarting the run); returns the problems otherwise. */
export function applyEdits(store: UiStore, edits: ConfigEdits): string[] {
  const r = resolveConfig(store.getState().presetName, edits);
  if (!r.ok) return r.errors;
  const replay = store.getState().replay;
  // An imported replay stays the workload under the new settings.
  const config = replay ? { ...r.config, workload: store.getState().config.workload } : r.config;
  const previousEdits = store.getState().edits;
  store.setState({ edits, previousEdits, config, notice: 'Configuration applied: the simulation restarted from time zero.', selectedPid: null, inspectedCpu: null });
  return [];
}

/** Goes back to the settings in force before the last Apply (after a run that failed under the new ones). */
export function restorePreviousEdits(store: UiStore): void {
  const previous = store.getState().previousEdits;
  if (previous === null) return;
  applyEdits(store, previous);
  store.setState({ previousEdits: null, notice: 'The previous settings are restored: the simulation restarted from time zero.' });
}

/** Saves the store's settings whenever they change (and once now); returns the unsubscription. */
export function persistSettings(store: UiStore, storage: Pick<Storage, 'setItem'> | null): () => void {
  const save = (s: UiState) => {
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(settingsOf(s)));
    } catch {
      // Storage full or denied: settings simply do not persist.
    }
  };
  save(store.getState());
  return store.subscribe((s, prev) => {
    if (s.presetName === prev.presetName && s.seed === prev.seed && s.speed === prev.speed && s.edits === prev.edits && s.commandLog === prev.commandLog) return;
    save(s);
  });
}

/** The UI state of the session in context (re-renders when the selected part changes). */
export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useSession().store, selector);
}
