/**
 * Every OS design's info (no simulation code: what the page, the config checker and the CLI's
 * listings need), registered by importing it. The order fixes the codes of the routes and stages
 * they add, so ./index.ts imports this module before any behaviour.
 * Adding a design: its info module here (one line), its behaviour in ./index.ts (one line).
 */
import './info/shipping';
import './info/mckernel';
import './info/asBuilt';
import './info/linux';
import './info/cnk';
import './info/kitten';
import './info/kittenPalacios';
import './info/hobbes';
import './info/argo';
import './info/ffmk';
import './info/cake';

export { allDesignInfos, designInfoById, type DesignInfo } from './registry';
