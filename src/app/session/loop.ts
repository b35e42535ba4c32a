/**
 * The page's one requestAnimationFrame loop: each animation frame it runs the page's tick
 * (the compare clock, every session's frame request, then every session's views).
 */
export class AnimationLoop {
  private rafId = 0;

  constructor(private readonly tick: (now: number) => void) {}

  start(): void {
    if (this.rafId) return;
    const loop = (now: number) => {
      this.rafId = requestAnimationFrame(loop);
      this.tick(now);
    };
    this.rafId = requestAnimationFrame(loop);
  }

  stop(): void {
    cancelAnimationFrame(this.rafId);
    this.rafId = 0;
  }
}
