/** DOM writes of the triage diagram: numbers (at most 10 Hz), bar segments and highlights. */
import { formatDuration } from '../../../engine/kernel/time';
import { Counter, ROUTE_STRIDE, type Frame } from '../../../worker/protocol';
import { BAR_W, BAR_X, STAGE_STYLES } from './geometry';

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

/** Writes counts, latencies and stage bars from a frame. */
export function writeNumbers(svg: SVGSVGElement, f: Frame): void {
  const { boxes, rows } = refs(svg);
  setText(boxes[0].count, `${f.buffers.counters[Counter['syscalls issued']].toLocaleString('en-US')} issued`);
  setText(boxes[0].line1, `${f.buffers.counters[Counter['syscalls completed']].toLocaleString('en-US')} done`);
  for (let r = 0; r < 4; r++) {
    const o = r * ROUTE_STRIDE;
    const rt = f.buffers.routes;
    const box = boxes[r + 1];
    setAttr(box.g, 'data-active', rt[o] > 0 ? 'true' : 'false');
    setText(box.count, `${rt[o].toLocaleString('en-US')} calls`);
    setText(box.line1, rt[o] > 0 ? `p50 ${fmtNs(rt[o + 1])}` : 'p50 –');
    setText(box.line2, rt[o] > 0 ? `p99 ${fmtNs(rt[o + 2])}` : 'p99 –');
    const { segs, labels, total: totalText } = rows[r];
    let total = 0;
    for (let s = 0; s < 11; s++) total += rt[o + 5 + s];
    let x = BAR_X;
    for (let s = 0; s < 11; s++) {
      const w = total > 0 ? (rt[o + 5 + s] / total) * BAR_W : 0;
      setAttr(segs[s], 'x', x.toFixed(1));
      setAttr(segs[s], 'width', w.toFixed(1));
      const code = STAGE_STYLES[s].code;
      setText(labels[s], w >= code.length * 7 + 4 ? code : '');
      setAttr(labels[s], 'x', (x + w / 2).toFixed(1));
      x += w;
    }
    setText(totalText, rt[o] > 0 ? `mean ${fmtNs(rt[o + 4])}` : '–');
  }
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
      setAttr(seg, 'data-highlighted', on && f !== null && f.buffers.routes[r * ROUTE_STRIDE + 5 + s] > 0 ? 'true' : 'false');
    });
  });
}
