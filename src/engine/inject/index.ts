/** Every injection, registered on import (the model imports this once). */
import './injections';

export { applyInjection, checkInjection, describeInjection, injectionByType, INJECTIONS, type InjectionSpec, type InjectionTarget } from './registry';
export { MAX_INJECTED_COUNT, MAX_INJECTED_NS, type FieldSpec } from './fields';
export { MAX_COMMANDS, parseCommandLog } from './commandLog';
