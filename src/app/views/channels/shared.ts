/**
 * Helpers shared by the Channels and Syscall triage views: pid colours (always with a digit),
 * the theme with border and accent, and the clock that replays a frame's events over the next
 * frame interval so that tokens move in simulated-time order.
 */
import { useEffect, useRef } from 'react';
import type { Frame } from '../../../worker/protocol';
import { readTheme, type Theme } from '../../palette';
import type { UiStore } from '../../store';
import { useSession } from '../../session/context';

const PID_FILLS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'] as const;
const PID_INKS = ['#ffffff', '#111111', '#ffffff', '#111111', '#111111', '#ffffff', '#111111'] as const;

/** A pid's colour, ink and one-character code (its last digit): never colour alone. */
export function pidStyle(pid: number): { fill: string; ink: string; code: string } {
  const i = ((pid % PID_FILLS.length) + PID_FILLS.length) % PID_FILLS.length;
  return { fill: PID_FILLS[i], ink: PID_INKS[i], code: String(Math.abs(pid) % 10) };
}

export interface ViewTheme extends Theme {
  readonly border: string;
  readonly accent: string;
}

export function readViewTheme(el: Element): ViewTheme {
  const cs = getComputedStyle(el);
  return { ...readTheme(el), border: cs.getPropertyValue('--border').trim() || '#999', accent: cs.getPropertyValue('--accent').trim() || '#0072B2' };
}

export const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
export const easeInOut = (t: number) => (t < 0.5 ? 2 * t * t : 1 - 2 * (1 - t) * (1 - t));

/** Minimum and maximum wall time (ms) of one visible transition. */
export const MIN_MS = 280;
export const MAX_MS = 2500;

/**
 * Maps simulated time to wall time: the events of a frame (which happened between the previous
 * frame's time and this one's) are replayed over the coming frame interval, in order.
 */
export class FrameClock {
  private simA = 0;
  private simB = 0;
  private wallA = 0;
  private wallB = 0;
  private lastNow = -1;
  private prevTime = 0;
  private prevEpoch = 0;
  /** Simulated ns per wall second, as achieved (or requested while paused). */
  speed = 1e6;

  /** Takes a new frame; returns true when time went backwards (a reset or a new run) or jumped (time travel). */
  advance(frame: Frame, now: number): boolean {
    const reset = frame.time < this.prevTime || frame.epoch !== this.prevEpoch;
    this.prevEpoch = frame.epoch;
    const dt = this.lastNow < 0 ? 16 : clamp(now - this.lastNow, 8, 100);
    this.lastNow = now;
    this.simA = reset ? frame.time : this.prevTime;
    this.simB = frame.time;
    this.wallA = now;
    this.wallB = frame.running ? now + dt : now;
    this.prevTime = frame.time;
    this.speed = frame.running && frame.achievedSpeed > 0 ? frame.achievedSpeed : frame.requestedSpeed;
    return reset;
  }

  wallOf(sim: number): number {
    if (this.simB <= this.simA) return this.wallA;
    return this.wallA + (clamp(sim, this.simA, this.simB) - this.simA) / (this.simB - this.simA) * (this.wallB - this.wallA);
  }

  /** Wall ms that `ns` of simulated time take on screen, kept visible and bounded. */
  durMs(ns: number): number {
    return clamp((ns * 1000) / Math.max(1, this.speed), MIN_MS, MAX_MS);
  }
}

/** The selected pid in a ref (no React render), calling `onChange` when it changes. */
export function useSelectedPidRef(onChange: () => void) {
  const { store } = useSession();
  const ref = useRef<number | null>(store.getState().selectedPid);
  useEffect(
    () =>
      store.subscribe((s) => {
        if (s.selectedPid === ref.current) return;
        ref.current = s.selectedPid;
        onChange();
      }),
    [onChange, store],
  );
  return ref;
}

export function selectPid(store: UiStore, pid: number | null): void {
  store.setState({ selectedPid: pid });
}

/** A gate for DOM text writes: open at most ten times a second while running, always when paused. */
export function textGate(minMs = 100) {
  let last = -Infinity;
  return (now: number, running: boolean): boolean => {
    if (running && now - last < minMs) return false;
    last = now;
    return true;
  };
}

export function writeText(el: Element | null, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}
