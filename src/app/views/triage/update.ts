/** DOM writes of the triage diagram: numbers (at most 10 Hz), bar segments and highlights. */
import { formatDuration } from '../../../engine/kernel/time';
import { STAGES } from '../../../engine/descriptors';
import { Counter, type Frame } from '../../../worker/protocol';
import { routeValue, stageMean } from '../../../worker/frameLayout';
import { columnOfRoute, triageGeometry } from './geometry';

export const fmtNs = (ns: number) => formatDuration(Math.round(ns));

function setText(el: Element | null | undefined, s: string): void {
  if (el && el.textContent !== s) el.textContent = s;
}

function setAttr(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

interface Refs {
  readonly boxes: { g: SVGGElement; count: Element | null; line1: Element | null; line2: Element | null }[];
  readonly rows: { g: SVGGElement; segs: SVGRectElement[]; labels: SVGTextElement[]; total: Element | null }[];
}

const cache = new WeakMap<SVGSVGElement, Refs>();

/** The diagram's live elements, looked up once per SVG. */
function refs(svg: SVGSVGElement): Refs {
  let r = cache.get(svg);
  if (!r) {
    r = {
      boxes: Array.from(svg.querySelectorAll<SVGGElement>('.triage-box'), (g) => ({
        g, count: g.querySelector('[data-f="count"]'), line1: g.querySelector('[data-f="line1"]'), line2: g.querySelector('[data-f="line2"]'),
      })),
      rows: Array.from(svg.querySelectorAll<SVGGElement>('.triage-bar-row'), (g) => ({
        g, segs: Array.from(g.querySelectorAll<SVGRectElement>('.triage-seg')), labels: Array.from(g.querySelectorAll<SVGTextElement>('.triage-seg-label')), total: g.querySelector('[data-f="total"]'),
      })),
    };
    cache.set(svg, r);
  }
  return r;
}

/** The sum of a route's stage means: the bar's 100 %. */
export function stageTotal(routes: Float64Array, r: number): number {
  let total = 0;
  for (let s = 0; s < STAGES.length; s++) total += stageMean(routes, r, s);
  return total;
}

/** Writes counts, latencies and stage bars from a frame. */
export function writeNumbers(svg: SVGSVGElement, f: Frame): void {
  const { boxes, rows } = refs(svg);
  const { barX, barW } = triageGeometry();
  const rt = f.buffers.routes;
  setText(boxes[0].count, `${f.buffers.counters[Counter['syscalls issued']].toLocaleString('en-US')} issued`);
  setText(boxes[0].line1, `${f.buffers.counters[Counter['syscalls completed']].toLocaleString('en-US')} done`);
  rows.forEach(({ segs, labels, total: totalText }, r) => {
    const box = boxes[columnOfRoute(r)];
    const count = routeValue(rt, r, 'count');
    if (box) {
      setAttr(box.g, 'data-active', count > 0 ? 'true' : 'false');
      setText(box.count, `${count.toLocaleString('en-US')} calls`);
      setText(box.line1, count > 0 ? `p50 ${fmtNs(routeValue(rt, r, 'p50'))}` : 'p50 –');
      setText(box.line2, count > 0 ? `p99 ${fmtNs(routeValue(rt, r, 'p99'))}` : 'p99 –');
    }
    const total = stageTotal(rt, r);
    let x = barX;
    segs.forEach((seg, s) => {
      const w = total > 0 ? (stageMean(rt, r, s) / total) * barW : 0;
      setAttr(seg, 'x', x.toFixed(1));
      setAttr(seg, 'width', w.toFixed(1));
      const letter = STAGES[s].letter;
      setText(labels[s], w >= letter.length * 10 + 4 ? letter : '');
      setAttr(labels[s], 'x', (x + w / 2).toFixed(1));
      x += w;
    });
    setText(totalText, count > 0 ? `mean ${fmtNs(routeValue(rt, r, 'mean'))}` : '–');
  });
}

/** Highlights the routes in `bits` (a syscall's), their edges and stages; dims the others while a name is chosen. */
export function writeHighlight(svg: SVGSVGElement, f: Frame | null, name: string, bits: number): void {
  const chosen = name !== '';
  let maxCol = 0;
  refs(svg).boxes.forEach(({ g: box }, col) => {
    if (col === 0) return;
    const on = chosen && (bits & (1 << (col - 1))) !== 0;
    if (on) maxCol = col;
    setAttr(box, 'data-highlighted', on ? 'true' : 'false');
    setAttr(box, 'aria-current', on ? 'true' : null);
    setAttr(box, 'data-dimmed', chosen && !on ? 'true' : 'false');
  });
  svg.querySelectorAll<SVGLineElement>('.triage-edge').forEach((edge) => setAttr(edge, 'data-highlighted', chosen && Number(edge.dataset.edge) <= maxCol ? 'true' : 'false'));
  refs(svg).rows.forEach(({ g: row, segs }, r) => {
    const on = chosen && (bits & (1 << r)) !== 0;
    setAttr(row, 'data-highlighted', on ? 'true' : 'false');
    setAttr(row, 'data-dimmed', chosen && !on ? 'true' : 'false');
    segs.forEach((seg, s) => {
      setAttr(seg, 'data-highlighted', on && f !== null && stageMean(f.buffers.routes, r, s) > 0 ? 'true' : 'false');
    });
  });
}
