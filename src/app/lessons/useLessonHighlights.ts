/** The views the current lesson step points at; the first is brought into sight when the step opens. */
import { useEffect } from 'react';
import { usePage, usePageState } from '../session/context';
import { reducedMotion } from '../motion';

const NONE: readonly string[] = [];

export function useLessonHighlights(): readonly string[] {
  const page = usePage();
  const position = usePageState((p) => p.lesson);
  const step = position ? page.lessons.catalogue.byId(position.id)?.steps[position.step] : undefined;
  const views = step?.setup.highlight ?? NONE;
  useEffect(() => {
    const first = views[0];
    if (!first) return;
    document.querySelector(`[data-view="${CSS.escape(first)}"]`)?.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
  }, [views]);
  return views;
}
