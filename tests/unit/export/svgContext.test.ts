/** The SVG drawing context: what a view draws with canvas calls comes out as the same shapes, in vectors. */
import { describe, expect, it } from 'vitest';
import { fontAttrs, SvgContext } from '../../../src/app/export/svgContext';
import { xmlEscape } from '../../../src/app/export/xml';

const measure = (text: string) => text.length * 7;
const svgOf = (draw: (ctx: SvgContext) => void, w = 100, h = 50) => {
  const ctx = new SvgContext(w, h, measure);
  draw(ctx);
  return ctx.toSvg('test');
};

describe('SvgContext', () => {
  it('writes rectangles, paths and text with their paint, font, alignment and transform', () => {
    const svg = svgOf((ctx) => {
      ctx.setTransform(2, 0, 0, 2, 0, 0);
      ctx.fillStyle = '#0072b2';
      ctx.fillRect(1, 2, 30, 10);
      ctx.strokeStyle = '#e69f00';
      ctx.lineWidth = 2;
      ctx.setLineDash([4, 2]);
      ctx.beginPath();
      ctx.moveTo(0, 0);
      ctx.lineTo(10, 5);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = "600 13px 'IBM Plex Sans', sans-serif";
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillStyle = '#111';
      ctx.fillText('CPU <0> & "1"', 50, 25);
    });
    expect(svg).toContain('<rect x="1" y="2" width="30" height="10" fill="#0072b2" transform="matrix(2 0 0 2 0 0)"/>');
    expect(svg).toContain('<path d="M0 0L10 5" fill="none" stroke="#e69f00" stroke-width="2" stroke-dasharray="4 2" transform="matrix(2 0 0 2 0 0)"/>');
    expect(svg).toContain(
      `<text x="50" y="25" font-family="&apos;IBM Plex Sans&apos;, sans-serif" font-size="13" font-weight="600" text-anchor="middle" dominant-baseline="central" fill="#111" transform="matrix(2 0 0 2 0 0)">CPU &lt;0&gt; &amp; &quot;1&quot;</text>`,
    );
  });

  it('draws a full circle as two arcs and a partial arc with the right flags', () => {
    const svg = svgOf((ctx) => {
      ctx.beginPath();
      ctx.arc(10, 10, 5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.beginPath();
      ctx.arc(0, 0, 10, 0, Math.PI / 2);
      ctx.stroke();
    });
    expect(svg).toContain('d="M15 10A5 5 0 1 1 5 10A5 5 0 1 1 15 10"');
    expect(svg).toContain('d="M10 0A10 10 0 0 1 0 10"');
  });

  it('keeps state across save/restore, skips invisible shapes, and forgets everything on a full clear', () => {
    const ctx = new SvgContext(100, 50, measure);
    ctx.fillStyle = 'red';
    ctx.fillRect(0, 0, 5, 5);
    ctx.clearRect(0, 0, 100, 50);
    ctx.save();
    ctx.fillStyle = 'blue';
    ctx.globalAlpha = 0.5;
    ctx.fillRect(1, 1, 2, 2);
    ctx.restore();
    ctx.globalAlpha = 0;
    ctx.fillRect(9, 9, 1, 1);
    ctx.globalAlpha = 1;
    ctx.fillRect(3, 3, 1, 1);
    const svg = ctx.toSvg('t');
    expect(svg).not.toContain('fill="red" opacity');
    expect(svg.match(/<rect/g)).toHaveLength(2);
    expect(svg).toContain('fill="blue" opacity="0.5"');
    expect(svg).toContain('<rect x="3" y="3" width="1" height="1" fill="red"/>');
  });

  it('measures text with the given measure and clips in canvas coordinates', () => {
    const ctx = new SvgContext(100, 50, measure);
    expect(ctx.measureText('abcd').width).toBe(28);
    ctx.beginPath();
    ctx.rect(0, 0, 10, 10);
    ctx.clip();
    ctx.fillRect(0, 0, 50, 50);
    const svg = ctx.toSvg('t');
    expect(svg).toContain('<clipPath id="clip1"><path d="M0 0h10v10h-10Z"/></clipPath>');
    expect(svg).toContain('<g clip-path="url(#clip1)"><rect x="0" y="0" width="50" height="50" fill="#000000"/></g>');
  });

  it('parses font shorthands and escapes text for XML', () => {
    expect(fontAttrs('12px monospace')).toEqual({ 'font-family': 'monospace', 'font-size': '12' });
    expect(fontAttrs('bold 10.5px "IBM Plex Mono"')).toEqual({ 'font-family': "'IBM Plex Mono'", 'font-size': '10.5', 'font-weight': 'bold' });
    expect(xmlEscape('a\u0001<b>')).toBe('a&lt;b&gt;');
  });
});
