/**
 * The designs' own configuration syntaxes (McKernel's `mcreboot.sh`/`mcexec`, mOS's
 * `lwkctl`/`yod`, CNK's, Kitten's, Hobbes' enclave XML, Argo's manifest), registered by importing
 * this module. Only what reads a configuration's `options` text loads it: the CLI at once, the page
 * on demand (app/optionSyntaxes.ts); the simulation worker never.
 */
import './catalogue'; // every design's info first: their order fixes the codes of their routes and stages
import { registerDesignSyntax } from './registry';
import { MOS_SYNTAX } from '../config/syntax/mosSyntax';
import { MCKERNEL_SYNTAX } from '../config/syntax/mckernelSyntax';
import { CNK_SYNTAX } from './cnk/syntax';
import { KITTEN_SYNTAX } from './kitten/syntax';
import { ENCLAVE_SYNTAX } from './hobbes/enclaveXml';
import { MANIFEST_SYNTAX } from './argo/manifest';

registerDesignSyntax('shipping', MOS_SYNTAX);
registerDesignSyntax('evanescence', MOS_SYNTAX);
registerDesignSyntax('mckernel', MCKERNEL_SYNTAX);
registerDesignSyntax('cnk', CNK_SYNTAX);
registerDesignSyntax('kitten', KITTEN_SYNTAX);
registerDesignSyntax('kitten-palacios', KITTEN_SYNTAX);
registerDesignSyntax('hobbes', ENCLAVE_SYNTAX);
registerDesignSyntax('argo', MANIFEST_SYNTAX);
