/**
 * False until the page has drawn its first simulation frame (`Page.stats.firstFrameAt`) and the
 * browser has a moment to spare (or 250 ms have passed), then true for good: deferred views
 * (views/index.ts) render from then on, so their code is fetched after the first frame rather
 * than before it. A run that never draws a frame (its worker failed) does not keep them away:
 * after 2 s they load anyway (the Configuration panel is where a bad setting is fixed).
 */
import { useEffect, useState } from 'react';
import type { Page } from '../session/page';

const IDLE_TIMEOUT_MS = 250;
const NO_FRAME_MS = 2000;

export function useAfterFirstFrame(page: Page): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return;
    let frame = 0;
    let idle: number | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const whenIdle = () => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(() => setReady(true), { timeout: IDLE_TIMEOUT_MS });
      else timer = setTimeout(() => setReady(true), 0);
    };
    const since = performance.now();
    const check = () => {
      if (page.stats.firstFrameAt !== null || performance.now() - since > NO_FRAME_MS) whenIdle();
      else frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => {
      cancelAnimationFrame(frame);
      if (idle !== null) cancelIdleCallback(idle);
      if (timer !== null) clearTimeout(timer);
    };
  }, [ready, page]);
  return ready;
}
