/**
 * Injections: what a user can do to a running node (an interrupt burst on a CPU, a signal to a
 * process, a channel held full, ...), each an ordinary function on the model, as in RaftScope.
 * One registry: the engine applies them (as logged commands, so replays are exact), the page
 * offers them where their target is shown, links and command files are checked against them.
 */
import type { EngineCommand } from '../kernel/simulation';
import type { NodeSim } from '../node/cpu';
import { checkFields, type Args, type FieldSpec } from './fields';

/** What an injection is aimed at: where the page offers it ('node': the configuration panel, as a live setting). */
export type InjectionTarget = 'cpu' | 'process' | 'channel' | 'osnode' | 'node';

export interface InjectionSpec {
  /** The command's `type`. */
  readonly type: string;
  /** A short name for buttons ("Interrupt burst"). */
  readonly title: string;
  readonly target: InjectionTarget;
  /** Its arguments; the one of the target's kind (cpu, pid, channel) is filled in by where it is clicked. */
  readonly fields: readonly FieldSpec[];
  /** One line for the Injections panel ("20 device interrupts of 5 µs every 50 µs on CPU 3"). */
  describe(args: Args): string;
}

/** Applies an injection now; an error text if it cannot apply to this node (no such process, no OS node). */
export type InjectionApply = (sim: NodeSim, args: Args) => string | null;

const SPECS: InjectionSpec[] = [];
/** The functions, bound apart from the descriptions so that the page can list injections without the engine. */
const APPLY = new Map<string, InjectionApply>();

export function bindInjection(type: string, apply: InjectionApply): void {
  if (!SPECS.some((s) => s.type === type)) throw new Error(`no injection "${type}" to bind`);
  APPLY.set(type, apply);
}

export function registerInjection(spec: InjectionSpec): InjectionSpec {
  if (SPECS.some((s) => s.type === spec.type)) throw new Error(`injection "${spec.type}" is registered twice`);
  SPECS.push(spec);
  return spec;
}

export const INJECTIONS: readonly InjectionSpec[] = SPECS;

export function injectionByType(type: string): InjectionSpec | undefined {
  return SPECS.find((s) => s.type === type);
}

/** Checks a command against its injection's fields (no node needed): links and files are checked with this. */
export function checkInjection(command: EngineCommand): { ok: true; spec: InjectionSpec; args: Args } | { ok: false; error: string } {
  const spec = injectionByType(command.type);
  if (!spec) return { ok: false, error: `unknown injection "${String(command.type)}" (one of: ${SPECS.map((s) => s.type).join(', ')})` };
  const r = checkFields(spec.type, spec.fields, command);
  return r.ok ? { ok: true, spec, args: r.args } : r;
}

/** Applies a command to the node: checked, then applied. */
export function applyInjection(sim: NodeSim, command: EngineCommand): string | null {
  const r = checkInjection(command);
  if (!r.ok) return r.error;
  const apply = APPLY.get(r.spec.type);
  return apply ? apply(sim, r.args) : `${r.spec.type}: not implemented by this engine`;
}

/**
 * The Injections panel's line for a command (its check's message if it is malformed). `pidText`
 * names a pid as the page shows it (a replay's traced pid).
 */
export function describeInjection(command: EngineCommand, pidText?: (pid: number) => string): string {
  const r = checkInjection(command);
  if (!r.ok) return r.error;
  const pid = r.args.pid;
  return r.spec.describe(pidText && typeof pid === 'number' ? { ...r.args, pid: pidText(pid) } : r.args);
}
