/**
 * Fits a view to its stage with no scrolling and type as large as the stage allows: a CSS zoom
 * such that the view, laid out at the stage's width divided by the zoom, is as tall as the stage
 * (below 1 on a projector's 1280x720, up to 6 on a 4K screen). A view that keeps its aspect
 * ratio (its height grows with its width: zooming out cannot make it fit) is narrowed instead.
 */
import { useLayoutEffect, type RefObject } from 'react';

const MIN_ZOOM = 0.35;
const MAX_ZOOM = 6;
const MIN_WIDTH = 0.2;
const MARGIN = 0.995;

export function useFitZoom(stage: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>, key: unknown): void {
  useLayoutEffect(() => {
    const s = stage.current, c = content.current;
    if (!s || !c) return;
    let zoom = 1, width = 1;
    const apply = () => {
      c.style.zoom = String(zoom);
      c.style.width = `${width * 100}%`;
    };
    const height = () => c.getBoundingClientRect().height;
    // The stage's height inside its padding.
    const stageRoom = () => {
      const cs = getComputedStyle(s);
      return s.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
    };
    const fit = () => {
      for (let round = 0; round < 16; round++) {
        const room = stageRoom(), h = height();
        if (h <= 0 || room <= 0) return;
        const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, (room / (h / zoom)) * MARGIN));
        if (next === MIN_ZOOM && zoom === MIN_ZOOM && h > room && width > MIN_WIDTH) {
          width = Math.max(MIN_WIDTH, width * (room / h) * MARGIN);
          zoom = 1;
        } else if (Math.abs(next - zoom) / zoom < 0.01 && h <= room) {
          return;
        } else {
          zoom = next;
        }
        apply();
      }
      // Not settled (a layout that jumps with the width): step down until it fits.
      while (height() > stageRoom() && zoom > MIN_ZOOM) {
        zoom = Math.max(MIN_ZOOM, zoom * 0.95);
        apply();
      }
    };
    apply();
    fit();
    // Refit when the stage or the view changes size, in the next frame (not inside the observer's callback).
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fit);
    });
    observer.observe(s);
    observer.observe(c);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [stage, content, key]);
}
