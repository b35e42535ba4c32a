/**
 * FWQ noise per application CPU, grouped by partition: a light bar for the largest noise a
 * quantum saw and a dark bar for the mean noise per quantum. One fixed log scale, 10 ns to
 * 10 ms, for every preset (so untuned Linux, tuned Linux and the LWK compare at a glance), and
 * CPU numbers along the bottom.
 */
import { scaleLog } from 'd3';
import type { NodeConfig } from '../../../engine/config/nodeConfig';
import { Role, ROLE_NAMES } from '../../../engine/node/kinds';
import { fwqValue } from '../../../worker/frameLayout';
import type { Theme } from '../../palette';
import { cpuGroups } from '../cpuLayout';
import { ns, nsShort } from './drawLatency';
import { fmtInt } from '../memory/memoryModel';
import { canvasFont } from '../type';

export const FWQ_HEIGHT = 210;
const AXIS_W = 62;
const TOP = 26;
/** Room for the CPU numbers and the axis title under the bars. */
const BOTTOM = 40;
const GROUP_GAP = 16;
/** The fixed scale: noise per quantum from 10 ns to 10 ms. */
export const FWQ_DOMAIN_NS: readonly [number, number] = [10, 1e7];
/** CPU labels keep at least this far apart (px). */
const LABEL_PITCH = 30;

export const FWQ_COLORS = {
  lwk: { mean: '#0072B2', max: '#56B4E9' },
  linux: { mean: '#D55E00', max: '#E69F00' },
} as const;

export interface FwqBar {
  readonly cpu: number;
  readonly x: number;
  readonly w: number;
  /** The CPU number is written under this bar. */
  readonly labelled: boolean;
}
export interface FwqLayout {
  readonly groups: readonly { readonly title: string; readonly x: number; readonly w: number; readonly lwk: boolean }[];
  readonly bars: readonly FwqBar[];
}

export function layoutFwq(config: NodeConfig, width: number): FwqLayout {
  const app = new Set(config.appCpus);
  // In CPU order along the axis (the numbers read left to right).
  const groups = cpuGroups(config)
    .map((g) => ({ ...g, cpus: g.cpus.filter((c) => app.has(c)).sort((a, b) => a - b) }))
    .filter((g) => g.cpus.length > 0);
  const n = groups.reduce((a, g) => a + g.cpus.length, 0);
  const avail = Math.max(10, width - AXIS_W - GROUP_GAP * (groups.length - 1));
  const step = Math.min(24, avail / Math.max(1, n));
  const every = Math.max(1, Math.ceil(LABEL_PITCH / step));
  const bars: FwqBar[] = [];
  const out: FwqLayout['groups'][number][] = [];
  let x = AXIS_W;
  for (const g of groups) {
    const lwk = config.roles[g.cpus[0]] === Role.Lwk;
    out.push({ title: lwk ? 'LWK CPUs' : 'Linux CPUs', x, w: g.cpus.length * step, lwk });
    g.cpus.forEach((cpu, i) => {
      bars.push({ cpu, x, w: step, labelled: i % every === 0 });
      x += step;
    });
    x += GROUP_GAP;
  }
  return { groups: out, bars };
}

/** The y scale: fixed, log, the same for every preset and run. */
export function fwqScale() {
  return scaleLog().domain(FWQ_DOMAIN_NS).range([FWQ_HEIGHT - BOTTOM, TOP]).clamp(true);
}

export function drawFwq(ctx: CanvasRenderingContext2D, config: NodeConfig, layout: FwqLayout, fwq: Float64Array, theme: Theme, dpr: number, width: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, FWQ_HEIGHT);
  let quanta = 0;
  for (const b of layout.bars) quanta += fwqValue(fwq, b.cpu, 'quanta');
  ctx.textBaseline = 'middle';
  if (layout.bars.length === 0 || quanta === 0) {
    ctx.fillStyle = theme.muted;
    ctx.font = canvasFont(13);
    ctx.textAlign = 'center';
    const fwqPreset = config.workload.kind === 'fwq';
    ctx.fillText(fwqPreset ? 'No quantum has completed yet: press Play or Step.' : 'This workload runs no FWQ: choose an FWQ preset (mos, linux, linux-tuned, xeon-phi).', width / 2, FWQ_HEIGHT / 2);
    return;
  }
  const y = fwqScale();
  const base = y(FWQ_DOMAIN_NS[0]);
  ctx.font = canvasFont(13);
  ctx.textAlign = 'right';
  for (let t = FWQ_DOMAIN_NS[0]; t <= FWQ_DOMAIN_NS[1]; t *= 10) {
    const py = Math.round(y(t)) + 0.5;
    ctx.strokeStyle = theme.muted;
    ctx.lineWidth = 1;
    ctx.globalAlpha = 0.22;
    ctx.beginPath();
    ctx.moveTo(AXIS_W - 4, py);
    ctx.lineTo(width, py);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillStyle = theme.muted;
    ctx.fillText(nsShort(t), AXIS_W - 8, py);
  }
  for (const g of layout.groups) {
    ctx.fillStyle = theme.text;
    ctx.font = canvasFont(13, { bold: true });
    ctx.textAlign = 'left';
    ctx.fillText(g.title, g.x, 9);
  }
  ctx.font = canvasFont(13, { mono: true });
  ctx.textAlign = 'center';
  for (const b of layout.bars) {
    const lwk = config.roles[b.cpu] === Role.Lwk;
    const c = lwk ? FWQ_COLORS.lwk : FWQ_COLORS.linux;
    const gap = b.w >= 4 ? 1 : 0;
    const max = fwqValue(fwq, b.cpu, 'maxNoise'), mean = fwqValue(fwq, b.cpu, 'meanNoise');
    if (max > 0) {
      const maxY = y(max);
      ctx.fillStyle = c.max;
      ctx.fillRect(b.x, maxY, b.w - gap, base - maxY);
    }
    if (mean > 0) {
      const meanY = y(mean);
      ctx.fillStyle = c.mean;
      ctx.fillRect(b.x, meanY, b.w - gap, Math.max(1, base - meanY));
    }
    if (b.labelled) {
      ctx.fillStyle = theme.muted;
      ctx.fillRect(b.x + b.w / 2 - 0.5, base, 1, 4);
      ctx.fillText(String(b.cpu), b.x + b.w / 2, base + 12);
    }
  }
  ctx.fillStyle = theme.muted;
  ctx.font = canvasFont(13);
  ctx.textAlign = 'left';
  ctx.fillText('CPU · noise per quantum, log scale (the same for every preset)', AXIS_W, FWQ_HEIGHT - 8);
}

export function fwqTooltip(config: NodeConfig, layout: FwqLayout, fwq: Float64Array, px: number): string[] | null {
  const b = layout.bars.find((x) => px >= x.x && px < x.x + x.w);
  if (!b) return null;
  return [
    `CPU ${b.cpu} (${ROLE_NAMES[config.roles[b.cpu]]}, NUMA ${config.numaOf[b.cpu]})`,
    `${fmtInt(fwqValue(fwq, b.cpu, 'quanta'))} quanta`,
    `mean noise per quantum ${ns(fwqValue(fwq, b.cpu, 'meanNoise'))}`,
    `max noise in one quantum ${ns(fwqValue(fwq, b.cpu, 'maxNoise'))}`,
  ];
}
