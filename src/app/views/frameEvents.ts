/**
 * A frame's animated events, decoded once per frame however many views read them (the views
 * share one frame object from the frame bus).
 */
import type { TraceEvent } from '../../engine/trace/decode';
import { eventAt } from '../../worker/frameLayout';
import type { Frame } from '../../worker/protocol';

const cache = new WeakMap<Frame, readonly TraceEvent[]>();

export function frameEvents(frame: Frame): readonly TraceEvent[] {
  let events = cache.get(frame);
  if (!events) {
    const out: TraceEvent[] = [];
    for (let i = 0; i < frame.eventCountInFrame; i++) out.push(eventAt(frame.buffers.events, i));
    cache.set(frame, (events = out));
  }
  return events;
}
