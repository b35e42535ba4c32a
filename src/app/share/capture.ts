/**
 * The page's state now, as a shared state: the left (or only) session's run — preset, edits,
 * seed, injections, the time of the frame on screen — and the open views around it.
 */
import type { Page } from '../session/page';
import { isCompareView } from '../compare/viewIds';
import type { SharedState } from './sharedState';
import type { SharedViews } from './sharedViews';
import { editsInForce } from '../session/settingsInForce';

export function currentState(page: Page): SharedState {
  const session = page.primary;
  const s = session.store.getState();
  const p = page.store.getState();
  const right = p.sessions.length > 1 ? p.sessions[1].store.getState() : null;
  const views: SharedViews = {
    inspectedCpu: s.inspectedCpu,
    selectedPid: s.selectedPid,
    timeline: s.timelineWindow,
    // The other side's live settings are written into its edits (it starts with them; its own log is not carried).
    compare: right && isCompareView(p.compareView) ? { preset: right.presetName, edits: editsInForce(right.edits, right.commandLog), view: p.compareView } : null,
    presenter: p.presenter && { view: p.presenter.view },
    lesson: p.lesson && { id: p.lesson.id, step: p.lesson.step },
    exercise: p.exercise && { topic: p.exercise.topic, seed: p.exercise.seed },
  };
  return { preset: s.presetName, seed: s.seed, edits: s.edits, commands: s.commandLog, time: session.bus.frame?.time ?? 0, views };
}
