/**
 * UI state only (never per-event simulation state): what the user chose and what the worker
 * acknowledged. Settings persist across reloads; stored values are untrusted and re-validated.
 */
import { create } from 'zustand';
import { PRESETS } from '../engine/config/presets';

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
  helpOpen: boolean;
  workerError: string | null;
  /** A short notice such as "Paused while the page was hidden". */
  notice: string | null;
  /** The process highlighted in every view, or null. */
  selectedPid: number | null;
  /** The CPU being inspected, or null. */
  inspectedCpu: number | null;
}

const STORAGE_KEY = 'mos-explorer.settings.v1';

interface Persisted {
  presetName: string;
  seed: number;
  speed: number;
}

export function loadSettings(storage: Pick<Storage, 'getItem'> | null): Partial<Persisted> {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return {};
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return {};
    const o = v as Record<string, unknown>;
    const out: Partial<Persisted> = {};
    if (typeof o.presetName === 'string' && PRESETS[o.presetName]) out.presetName = o.presetName;
    if (typeof o.seed === 'number' && Number.isSafeInteger(o.seed) && o.seed >= 0) out.seed = o.seed;
    if (typeof o.speed === 'number' && o.speed >= SPEED_MIN && o.speed <= SPEED_MAX) out.speed = o.speed;
    return out;
  } catch {
    return {}; // unreadable settings are ignored, never fatal
  }
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const saved = loadSettings(storage());

export const useUi = create<UiState>(() => ({
  presetName: saved.presetName ?? DEFAULT_PRESET,
  seed: saved.seed ?? 1,
  speed: saved.speed ?? DEFAULT_SPEED,
  running: false,
  helpOpen: false,
  workerError: null,
  notice: null,
  selectedPid: null,
  inspectedCpu: null,
}));

useUi.subscribe((s, prev) => {
  if (s.presetName === prev.presetName && s.seed === prev.seed && s.speed === prev.speed) return;
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify({ presetName: s.presetName, seed: s.seed, speed: s.speed } satisfies Persisted));
  } catch {
    // Storage full or denied: settings simply do not persist.
  }
});
