/** A canvas that tracks its element's size and device pixel ratio; returns a ref and a size getter. */
import { useEffect, useRef } from 'react';

export interface CanvasSize {
  width: number;
  height: number;
  dpr: number;
}

export function useCanvas(onResize: () => void) {
  const ref = useRef<HTMLCanvasElement>(null);
  const size = useRef<CanvasSize>({ width: 0, height: 0, dpr: 1 });
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const ro = new ResizeObserver(() => {
      const dpr = window.devicePixelRatio || 1;
      const { width, height } = canvas.getBoundingClientRect();
      size.current = { width, height, dpr };
      canvas.width = Math.max(1, Math.round(width * dpr));
      canvas.height = Math.max(1, Math.round(height * dpr));
      onResize();
    });
    ro.observe(canvas);
    return () => ro.disconnect();
  }, [onResize]);
  return { ref, size };
}
