/**
 * The frame bus: the latest frame from the worker and the views that draw from it, all in
 * one shared requestAnimationFrame loop. Lives outside React: a new frame never causes a render.
 */
import type { Frame } from '../worker/protocol';

export type FrameListener = (frame: Frame, now: number) => void;

class FrameBus {
  private latest: Frame | null = null;
  private fresh = false;
  private readonly listeners = new Set<FrameListener>();
  private readonly beforeDraw = new Set<() => void>();
  private rafId = 0;
  /** Animation frames seen, and those that drew a new simulation frame (for bench:ui). */
  stats = { animationFrames: 0, drewNewFrame: 0 };

  get frame(): Frame | null {
    return this.latest;
  }

  publish(frame: Frame): void {
    this.latest = frame;
    this.fresh = true;
  }

  /**
   * Registers a draw callback; returns its removal. Called every animation frame with the latest
   * frame. With `onlyWhileVisible`, it is skipped while that element is scrolled out of view:
   * off-screen canvases cost nothing (hidden tables subscribe without it and stay current).
   */
  subscribe(listener: FrameListener, onlyWhileVisible?: Element | null): () => void {
    let l = listener;
    if (onlyWhileVisible) {
      const el = onlyWhileVisible;
      this.watch(el);
      l = (frame, now) => {
        if (this.visible.get(el) !== false) listener(frame, now);
      };
    }
    this.listeners.add(l);
    if (this.latest) l(this.latest, performance.now());
    return () => {
      this.listeners.delete(l);
      if (onlyWhileVisible) this.unwatch(onlyWhileVisible);
    };
  }

  private readonly visible = new Map<Element, boolean>();
  private observer: IntersectionObserver | null = null;

  private watch(el: Element): void {
    if (typeof IntersectionObserver === 'undefined') return;
    this.observer ??= new IntersectionObserver((entries) => {
      for (const e of entries) this.visible.set(e.target, e.isIntersecting);
    });
    this.observer.observe(el);
  }

  private unwatch(el: Element): void {
    this.observer?.unobserve(el);
    this.visible.delete(el);
  }

  /** Work done at the start of every animation frame (the client's frame request). */
  onAnimationFrame(fn: () => void): () => void {
    this.beforeDraw.add(fn);
    return () => this.beforeDraw.delete(fn);
  }

  start(): void {
    if (this.rafId) return;
    const loop = (now: number) => {
      this.rafId = requestAnimationFrame(loop);
      this.stats.animationFrames++;
      for (const fn of this.beforeDraw) fn();
      if (!this.latest) return;
      if (this.fresh) this.stats.drewNewFrame++;
      this.fresh = false;
      for (const l of this.listeners) l(this.latest, now);
    };
    this.rafId = requestAnimationFrame(loop);
  }
}

export const frameBus = new FrameBus();
