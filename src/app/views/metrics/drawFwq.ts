/**
 * FWQ noise per application CPU, grouped by partition: a light bar for the largest noise a
 * quantum saw and a dark bar for the mean noise per quantum, on a shared linear scale.
 */
import { scaleLinear } from 'd3';
import type { NodeConfig } from '../../../engine/config/nodeConfig';
import { Role, ROLE_NAMES } from '../../../engine/node/kinds';
import { fwqValue } from '../../../worker/frameLayout';
import type { Theme } from '../../palette';
import { cpuGroups } from '../cpuLayout';
import { ns, nsShort } from './drawLatency';
import { fmtInt } from '../memory/memoryModel';
import { canvasFont } from '../type';

export const FWQ_HEIGHT = 150;
const AXIS_W = 58;
const TOP = 24;
const BOTTOM = 6;
const GROUP_GAP = 14;

export const FWQ_COLORS = {
  lwk: { mean: '#0072B2', max: '#56B4E9' },
  linux: { mean: '#D55E00', max: '#E69F00' },
} as const;

export interface FwqBar {
  readonly cpu: number;
  readonly x: number;
  readonly w: number;
}
export interface FwqLayout {
  readonly groups: readonly { readonly title: string; readonly x: number; readonly w: number; readonly lwk: boolean }[];
  readonly bars: readonly FwqBar[];
}

export function layoutFwq(config: NodeConfig, width: number): FwqLayout {
  const app = new Set(config.appCpus);
  const groups = cpuGroups(config)
    .map((g) => ({ ...g, cpus: g.cpus.filter((c) => app.has(c)) }))
    .filter((g) => g.cpus.length > 0);
  const n = groups.reduce((a, g) => a + g.cpus.length, 0);
  const avail = Math.max(10, width - AXIS_W - GROUP_GAP * (groups.length - 1));
  const step = Math.min(24, avail / Math.max(1, n));
  const bars: FwqBar[] = [];
  const out: FwqLayout['groups'][number][] = [];
  let x = AXIS_W;
  for (const g of groups) {
    const lwk = config.roles[g.cpus[0]] === Role.Lwk;
    out.push({ title: lwk ? 'LWK CPUs' : 'Linux CPUs', x, w: g.cpus.length * step, lwk });
    for (const cpu of g.cpus) {
      bars.push({ cpu, x, w: step });
      x += step;
    }
    x += GROUP_GAP;
  }
  return { groups: out, bars };
}

export function fwqScale(fwq: Float64Array, layout: FwqLayout) {
  let hi = 0;
  for (const b of layout.bars) hi = Math.max(hi, fwqValue(fwq, b.cpu, 'maxNoise'));
  return scaleLinear().domain([0, Math.max(hi, 100)]).nice(4).range([FWQ_HEIGHT - BOTTOM, TOP]);
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
  const y = fwqScale(fwq, layout);
  ctx.font = canvasFont(13);
  ctx.textAlign = 'right';
  for (const t of y.ticks(4)) {
    const py = Math.round(y(t)) + 0.5;
    ctx.strokeStyle = theme.muted;
    ctx.globalAlpha = 0.22;
    ctx.beginPath();
    ctx.moveTo(AXIS_W - 4, py);
    ctx.lineTo(width, py);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillStyle = theme.muted;
    ctx.fillText(nsShort(t), AXIS_W - 8, py);
  }
  const base = y(0);
  for (const g of layout.groups) {
    ctx.fillStyle = theme.text;
    ctx.font = canvasFont(13, { bold: true });
    ctx.textAlign = 'left';
    ctx.fillText(g.title, g.x, 8);
  }
  for (const b of layout.bars) {
    const lwk = config.roles[b.cpu] === Role.Lwk;
    const c = lwk ? FWQ_COLORS.lwk : FWQ_COLORS.linux;
    const gap = b.w >= 4 ? 1 : 0;
    const maxY = y(fwqValue(fwq, b.cpu, 'maxNoise'));
    const meanY = y(fwqValue(fwq, b.cpu, 'meanNoise'));
    ctx.fillStyle = c.max;
    ctx.fillRect(b.x, maxY, b.w - gap, base - maxY);
    ctx.fillStyle = c.mean;
    ctx.fillRect(b.x, meanY, b.w - gap, Math.max(1, base - meanY));
  }
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
