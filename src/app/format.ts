/** Display formats shared by views. */
import { formatDuration } from '../engine/kernel/time';

/** "10 ms/s": simulated time per wall second. */
export function formatSpeed(nsPerSecond: number): string {
  return `${formatDuration(Math.round(nsPerSecond)).replace(/\.?0+ /, ' ')}/s`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
