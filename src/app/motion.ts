/** prefers-reduced-motion, read live (views check it each frame: no animation, state changes still shown). */
const query = typeof window !== 'undefined' ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;

export function reducedMotion(): boolean {
  return query?.matches ?? false;
}
