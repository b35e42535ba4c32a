/**
 * OS designs as plug-ins. A design is one registered record: its id (the value of
 * `syscalls.mechanism` that selects it), its title and a short account with its source, the
 * kernel that runs the application, the syscall defaults it brings when chosen, whether it
 * creates Linux proxies, and its triage: where a call goes once it has entered the kernel.
 * The continuations and event kinds a design adds are registered by its own module
 * (src/engine/node/rules.ts), so the machine never imports a design.
 *
 * A design comes in two registrations: its info (./info/NAME.ts: data, defaults, the routes and
 * stages it adds; imported by ./catalogue.ts) and its behaviour (./NAME.ts; imported by
 * ./index.ts, which imports the catalogue first so codes are allocated in one order). The page
 * loads only the catalogue. A design with a configuration syntax of its own (`ownOptions`)
 * registers it apart (./syntaxes.ts), loaded only where `options` text is read: the CLI at once,
 * the page when a configuration has options or the Configuration panel opens; the simulation
 * worker never. This module only holds the registries (it imports no design).
 */
import type { NodeConfig, SyscallConfig } from '../config/nodeConfig';
import type { Diagnostic } from '../config/diagnostic';
import type { Topology } from '../node/hardware';
import type { NodeSim } from '../node/cpu';
import type { Call } from '../syscalls/calls';
import type { Enclave } from './hobbes/enclaves';

/**
 * A design's own configuration syntax (McKernel's `mcreboot.sh`/`mcexec` options, mOS's
 * `lwkctl`/`yod` options, ...), given as the config key `options`. It means config overrides of
 * the usual shape (a config file's keys, `partition` included); problems are placed in the text.
 */
export interface DesignSyntax {
  /** What the text is, e.g. "mcreboot.sh and mcexec options". */
  readonly title: string;
  /** A valid example, shown to the user. */
  readonly example: string;
  parse(text: string, topology: Topology): { readonly ok: true; readonly overrides: Readonly<Record<string, unknown>>; readonly warnings: readonly Diagnostic[] } | { readonly ok: false; readonly errors: readonly Diagnostic[] };
  /** The text that configures `config` this way (parse(print(c)) gives back c's settings). */
  print(config: NodeConfig): string;
}

/**
 * What is known about a design without running it: what the page, the config checker and the
 * CLI's listings need. Registered by its module in ./info (imported by ./catalogue.ts), which
 * loads no simulation code, so the page can show and check every design cheaply.
 */
export interface DesignInfo {
  /** The `syscalls.mechanism` value that selects it. */
  readonly id: string;
  readonly title: string;
  /** Two or three sentences: what it is, and what to watch in the views. */
  readonly summary: string;
  /** Where its behaviour comes from (papers, code). */
  readonly source: string;
  /** Which kernel runs the application threads. */
  readonly appKernel: 'lwk' | 'linux';
  /** The syscall settings it brings when chosen (the user's edits apply on top). */
  readonly syscalls: SyscallConfig;
  /** Whether each LWK process gets Linux proxy threads at launch. */
  readonly usesProxies: boolean;
  /** It has a configuration syntax of its own (config key `options`), registered by ./syntaxes.ts. */
  readonly ownOptions?: boolean;
  /** It runs on a node without Linux (no Linux CPU at all); every other design needs one. */
  readonly withoutLinux?: boolean;
  /** The enclaves it divides the node into (Hobbes), for views that draw their boundaries. */
  enclaves?(config: NodeConfig): readonly Enclave[];
}

/** A design's behaviour: registered by its module in this folder (imported by ./index.ts) on top of its info. */
export interface Design extends DesignInfo {
  /** After kernel entry: decides the call's route and starts serving it. */
  triage(sim: NodeSim, tid: number, call: Call): void;
  /** Runs when the launch starts the application threads (a design's own sources of events: a guest's tick). */
  start?(sim: NodeSim): void;
  /** Figures of its own mechanism, shown under `design` in the node's metrics. */
  metrics?(sim: NodeSim): Readonly<Record<string, number>>;
}

const infos = new Map<string, DesignInfo>();
const syntaxes = new Map<string, DesignSyntax>();

/** Adds a design's own configuration syntax, if the real system has one (config key `options`; ./syntaxes.ts). */
export function registerDesignSyntax(id: string, syntax: DesignSyntax): void {
  if (!infos.get(id)?.ownOptions) throw new Error(`a syntax for "${id}", which is no registered design with options of its own`);
  if (syntaxes.has(id)) throw new Error(`design "${id}" has two syntaxes`);
  syntaxes.set(id, syntax);
}

/** A design's own configuration syntax, once ./syntaxes.ts is loaded (the CLI loads it at once, the page when it needs it). */
export function designSyntax(id: string): DesignSyntax | undefined {
  return syntaxes.get(id);
}
const designs = new Map<string, Design>();

/** Adds a design's info (each module in ./info calls this once, at load). */
export function registerDesignInfo<T extends DesignInfo>(info: T): T {
  if (infos.has(info.id)) throw new Error(`design "${info.id}" is described twice`);
  infos.set(info.id, info);
  return info;
}

/** Adds a design's behaviour (each design module calls this once, at load, after its info). */
export function registerDesign(design: Design): Design {
  if (designs.has(design.id)) throw new Error(`design "${design.id}" is registered twice`);
  if (!infos.has(design.id)) throw new Error(`design "${design.id}" has no registered info (src/engine/designs/info)`);
  designs.set(design.id, design);
  return design;
}

/** Every described design, in registration order. */
export function allDesignInfos(): readonly DesignInfo[] {
  return [...infos.values()];
}

export function designInfoById(id: string): DesignInfo | undefined {
  return infos.get(id);
}

/** Every design with its behaviour, in registration order. */
export function allDesigns(): readonly Design[] {
  return [...designs.values()];
}

export function designById(id: string): Design | undefined {
  return designs.get(id);
}

/** The design a configuration runs. */
export function designOf(config: NodeConfig): Design {
  const d = designs.get(config.syscalls.mechanism);
  if (!d) throw new Error(`no design "${config.syscalls.mechanism}" is registered (known: ${[...designs.keys()].join(', ')})`);
  return d;
}
