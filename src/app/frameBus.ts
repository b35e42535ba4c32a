/**
 * A session's frame bus: the latest frame from its worker and the views that draw from it. The
 * page's animation loop (session/loop.ts) ticks every session's bus once per animation frame.
 * Lives outside React: a new frame never causes a render.
 */
import type { Frame } from '../worker/protocol';

export type FrameListener = (frame: Frame, now: number) => void;

export class FrameBus {
  private latest: Frame | null = null;
  private fresh = false;
  private readonly listeners = new Set<FrameListener>();
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

  /**
   * Draws the latest frame: called once per animation frame by the page's loop. Returns whether
   * a new simulation frame was drawn (for bench:ui).
   */
  tick(now: number): boolean {
    this.stats.animationFrames++;
    if (!this.latest) return false;
    const fresh = this.fresh;
    if (fresh) this.stats.drewNewFrame++;
    this.fresh = false;
    for (const l of this.listeners) l(this.latest, now);
    return fresh;
  }

  /** Forgets every listener (the session is closed). */
  dispose(): void {
    this.listeners.clear();
    this.observer?.disconnect();
    this.observer = null;
    this.visible.clear();
    this.latest = null;
  }
}
