/** The injections without the engine (for the page): descriptions, checks, command logs. */
import './specs';

export { checkInjection, describeInjection, injectionByType, INJECTIONS, type InjectionSpec, type InjectionTarget } from './registry';
export { MAX_INJECTED_COUNT, MAX_INJECTED_NS, type FieldSpec } from './fields';
export { MAX_COMMANDS, parseCommandLog } from './commandLog';
