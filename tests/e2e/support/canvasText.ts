// Canvas text as drawn, for browser tests: pass RECORD_CANVAS_TEXT to page.addInitScript.
import type { Page } from '@playwright/test';

export interface DrawnText {
  readonly px: number;
  readonly text: string;
  /** The accessible name of the canvas it was drawn on. */
  readonly canvas: string;
}

/** Records the size every canvas text is drawn at (CSS px on screen), before the page's scripts run. */
export const RECORD_CANVAS_TEXT = () => {
  const w = window as unknown as { __canvasText: { px: number; text: string; canvas: string }[] };
  w.__canvasText = [];
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['fillText', 'strokeText'] as const) {
    const original = proto[name];
    proto[name] = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
      const m = /(\d+(?:\.\d+)?)px/.exec(this.font);
      const t = this.getTransform();
      const scale = Math.hypot(t.a, t.b) / (window.devicePixelRatio || 1);
      if (m && String(text).trim() !== '') w.__canvasText.push({ px: Number(m[1]) * scale, text: String(text), canvas: this.canvas.getAttribute('aria-label') ?? '' });
      return maxWidth === undefined ? original.call(this, text, x, y) : original.call(this, text, x, y, maxWidth);
    };
  }
};

/** The texts recorded so far (and forgets them when `clear`). */
export async function drawnTexts(page: Page, clear = false): Promise<DrawnText[]> {
  return page.evaluate((c) => {
    const w = window as unknown as { __canvasText: DrawnText[] };
    const out = w.__canvasText;
    if (c) w.__canvasText = [];
    return out;
  }, clear);
}
