/** Scale mode: OS noise at scale for a bulk-synchronous application (see docs/scale.md). */
export * from './types';
export { runScale, scaleSteps, simulateIterations, validateScaleParams, type ScaleEvent, type ScaleHooks } from './run';
export {
  closedForm,
  expectedMaxDelay,
  periodicExpectedMax,
  periodicLongRunOverhead,
  empiricalExpectedMax,
  harmonic,
  messageNs,
  noiselessCollectiveNs,
  type ClosedFormOptions,
} from './closedForm';
export { compileNoise, registerNoiseProfile, getNoiseProfile, listNoiseProfiles, type CompiledNoise, type NamedNoiseProfile } from './profiles';
export { parseNoiseTrace, makePattern, advance, type DetourPattern } from './pattern';
export { parseNoiseSpec, traceFileOf } from './spec';
