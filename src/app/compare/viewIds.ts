/** Views compare mode can show for both sessions (data only: lessons and tests read it without the page). */
export const COMPARE_VIEW_IDS = ['cores', 'channels', 'triage', 'timeline', 'memory', 'metrics', 'config'] as const;
export type CompareViewId = (typeof COMPARE_VIEW_IDS)[number];

export function isCompareView(id: string): id is CompareViewId {
  return (COMPARE_VIEW_IDS as readonly string[]).includes(id);
}
