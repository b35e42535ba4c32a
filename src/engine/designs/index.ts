/**
 * Every OS design, registered by importing it (the order fixes the ids of the rules they add).
 * Adding a design: one file in this folder that calls registerDesign (see docs/architecture.md),
 * one line here, its tests and its docs.
 */
import './shipping';
import './mckernel';
import './asBuilt';
import './linux';
import './cnk';
import './kitten';
import './kittenPalacios';
import './hobbes';
import './argo';
import './ffmk';
import './cake';

export { allDesigns, designById, designOf, type Design } from './registry';
