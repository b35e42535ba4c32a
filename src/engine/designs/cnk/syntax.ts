/**
 * The job launchers of Blue Gene as the `options` of the CNK design: Blue Gene/Q's `runjob`
 * (`--np N` / `-n N`, `--ranks-per-node R` / `-p R`) and Blue Gene/P's `mpirun` (`-np N`,
 * `-mode SMP|DUAL|VN`). What changes the simulation: the ranks on this node (workload.processes)
 * and the job's size in nodes, ceil(N / R), which is the number of compute nodes whose I/O shares
 * the I/O nodes (osnode.computeNodes; on Blue Gene an I/O node serves only the nodes of its own
 * block). The I/O nodes are the machine's, one per 128 compute nodes on Blue Gene/Q (runjob) and
 * one per 64 on Blue Gene/P Intrepid (mpirun): osnode.osNodes = ceil(nodes / ratio). Another
 * ratio is set with osnode.osNodes itself (explicit keys win over options).
 *
 * Sources: runjob's -n/--np and -p/--ranks-per-node (Hartree Centre and JUQUEEN user guides:
 * ranks per node a power of 2, at most 64); mpirun's -np and -mode (BG/P: SMP 1, DUAL 2, VN 4
 * processes per node; ZeptoOS ZOID documentation lists the same three modes).
 */
import type { NodeConfig } from '../../config/nodeConfig';
import { diag, type Diagnostic } from '../../config/diagnostic';
import type { Topology } from '../../node/hardware';
import type { DesignSyntax } from '../registry';
import { BGP_NODES_PER_IO_NODE, BGQ_NODES_PER_IO_NODE } from './defaults';

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

type Launcher = 'runjob' | 'mpirun';

/** Options of each launcher: what they set, and the ones accepted but without effect here (they take one value). */
const RUNJOB_NP = ['--np', '-n'];
const RUNJOB_RPN = ['--ranks-per-node', '-p'];
const RUNJOB_IGNORED = ['--exe', '--args', '--envs', '--block', '--cwd', '--corner', '--shape', '--verbose', '--timeout', '--label'];
const MPIRUN_NP = ['-np'];
const MPIRUN_MODE = ['-mode'];
const MPIRUN_IGNORED = ['-exe', '-cwd', '-args', '-env', '-partition', '-verbose', '-connect', '-mapfile'];
const MODES: Readonly<Record<string, number>> = { SMP: 1, DUAL: 2, VN: 4 };
const RANKS_PER_NODE = [1, 2, 4, 8, 16, 32, 64];
/** Options that stand alone (no value). */
const FLAGS = new Set(['--label']);

function knownOf(l: Launcher): string[] {
  return l === 'runjob' ? [...RUNJOB_NP, ...RUNJOB_RPN, ...RUNJOB_IGNORED] : [...MPIRUN_NP, ...MPIRUN_MODE, ...MPIRUN_IGNORED];
}

function launcherOf(words: readonly Token[]): Launcher {
  const first = words[0]?.text;
  if (first === 'runjob' || first?.endsWith('/runjob')) return 'runjob';
  if (first === 'mpirun' || first?.endsWith('/mpirun')) return 'mpirun';
  // Without the program's name, BG/P's single-dash options tell mpirun.
  return words.some((w) => w.text === '-np' || w.text === '-mode') ? 'mpirun' : 'runjob';
}

function positiveInt(t: Token | undefined, what: string, after: Token, errors: Diagnostic[]): number | null {
  if (!t) {
    errors.push(diag(`${after.text} needs ${what}`, after.start, after.end));
    return null;
  }
  if (!/^\d+$/.test(t.text) || Number(t.text) < 1 || !Number.isSafeInteger(Number(t.text))) {
    errors.push(diag(`expected ${what} (a whole number from 1), got "${t.text}"`, t.start, t.end));
    return null;
  }
  return Number(t.text);
}

function parse(text: string, topology: Topology): ReturnType<DesignSyntax['parse']> {
  const all = tokens(text);
  const launcher = launcherOf(all);
  const words = all[0] && (all[0].text === launcher || all[0].text.endsWith(`/${launcher}`)) ? all.slice(1) : all;
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  let np: number | null = null;
  let rpn: number | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // --np=64 is the same as --np 64.
    const eq = w.text.indexOf('=');
    const name = eq > 0 ? w.text.slice(0, eq) : w.text;
    const inline: Token | undefined = eq > 0 ? { text: w.text.slice(eq + 1), start: w.start + eq + 1, end: w.end } : undefined;
    const value = (): Token | undefined => inline ?? words[++i];
    const nameTok = { text: name, start: w.start, end: w.start + name.length };
    if (launcher === 'runjob' && RUNJOB_NP.includes(name)) np = positiveInt(value(), 'the number of ranks', nameTok, errors);
    else if (launcher === 'runjob' && RUNJOB_RPN.includes(name)) {
      const v = value();
      const r = positiveInt(v, 'ranks per node', nameTok, errors);
      if (r !== null && v && !RANKS_PER_NODE.includes(r)) errors.push(diag(`ranks per node must be a power of 2 from 1 to 64 on Blue Gene/Q, got ${r}`, v.start, v.end));
      else if (r !== null) rpn = r;
    } else if (launcher === 'mpirun' && MPIRUN_NP.includes(name)) np = positiveInt(value(), 'the number of processes', nameTok, errors);
    else if (launcher === 'mpirun' && MPIRUN_MODE.includes(name)) {
      const v = value();
      if (!v) errors.push(diag(`${name} needs SMP, DUAL or VN`, nameTok.start, nameTok.end));
      else if (!Object.hasOwn(MODES, v.text.toUpperCase())) errors.push(diag(`-mode is SMP (1 process per node), DUAL (2) or VN (4), got "${v.text}"`, v.start, v.end));
      else rpn = MODES[v.text.toUpperCase()];
    } else if (knownOf(launcher).includes(name)) {
      if (!FLAGS.has(name) && value() === undefined) errors.push(diag(`${name} needs a value`, nameTok.start, nameTok.end));
      else warnings.push(diag(`${name} does not change the simulation`, w.start, w.end));
    } else if (name.startsWith('-')) {
      errors.push(diag(`unknown ${launcher} option "${name}" (options: ${knownOf(launcher).join(', ')})`, nameTok.start, nameTok.end));
      // Its value, if it has one, is not another error.
      if (inline === undefined && words[i + 1] !== undefined && !words[i + 1].text.startsWith('-')) i++;
    } else {
      errors.push(diag(`expected an option of ${launcher} (${knownOf(launcher).join(', ')}), got "${w.text}"`, w.start, w.end));
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const overrides: Record<string, unknown> = {};
  const appCpus = topology.cpus.length - topology.cpus.filter((c) => c.core === topology.cpus[0]?.core).length;
  if (rpn !== null) {
    overrides.workload = { processes: rpn };
    if (rpn > appCpus) warnings.push(diag(`${rpn} ranks per node on ${appCpus} application CPUs: ${appCpus} run`, 0, text.length));
  }
  if (np !== null) {
    const nodes = Math.ceil(np / (rpn ?? 1));
    const ratio = launcher === 'runjob' ? BGQ_NODES_PER_IO_NODE : BGP_NODES_PER_IO_NODE;
    overrides.osnode = { computeNodes: nodes, osNodes: Math.ceil(nodes / ratio) };
  }
  return { ok: true, overrides, warnings };
}

/** The launcher line that configures `config` (mpirun when its I/O nodes are Blue Gene/P's 1:64 and its ranks a BG/P mode). */
function print(config: NodeConfig): string {
  const { computeNodes: nodes, osNodes } = config.osnode;
  const rpn = config.workload.kind === 'bsp' ? config.workload.processes : null;
  const ranks = nodes * (rpn ?? 1);
  const bgp = osNodes === Math.ceil(nodes / BGP_NODES_PER_IO_NODE) && osNodes !== Math.ceil(nodes / BGQ_NODES_PER_IO_NODE);
  const mode = Object.keys(MODES).find((m) => MODES[m] === (rpn ?? 1));
  if (bgp && mode) return rpn === null ? `mpirun -np ${ranks}` : `mpirun -np ${ranks} -mode ${mode}`;
  return rpn === null ? `runjob --np ${ranks}` : `runjob --np ${ranks} --ranks-per-node ${rpn}`;
}

export const CNK_SYNTAX: DesignSyntax = {
  title: 'runjob (Blue Gene/Q) or mpirun (Blue Gene/P) options',
  example: 'runjob --np 4096 --ranks-per-node 4 --exe /home/app/bsp',
  parse,
  print,
};
