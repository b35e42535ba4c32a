/**
 * Every OS design's behaviour, registered by importing it (the order fixes the ids of the rules
 * they add), after every design's info (./catalogue.ts). Adding a design: its info in ./info and
 * one line in ./catalogue.ts, its behaviour in this folder and one line here, its tests and its
 * docs (see docs/architecture.md).
 */
import './catalogue';
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
