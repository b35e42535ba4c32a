/** Every injection, described and bound (the model imports this once). */
import './injections';

export { applyInjection } from './registry';
export * from './catalog';
