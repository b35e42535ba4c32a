/** The simulated speed achieved, measured over a sliding window of (wall ms, simulated ns) samples of about a second. */
export class SpeedMeter {
  private readonly samples: { wall: number; sim: number }[] = [];

  add(wall: number, sim: number): void {
    this.samples.push({ wall, sim });
    while (this.samples.length > 2 && wall - this.samples[0].wall > 1000) this.samples.shift();
  }

  /** Simulated ns per wall second over the window (0 before two samples). */
  speed(): number {
    if (this.samples.length < 2) return 0;
    const a = this.samples[0], b = this.samples[this.samples.length - 1];
    return b.wall > a.wall ? ((b.sim - a.sim) / (b.wall - a.wall)) * 1000 : 0;
  }
}
