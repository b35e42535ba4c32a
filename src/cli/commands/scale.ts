/** `mos-explorer scale`: OS noise at scale for a bulk-synchronous application (docs/scale.md). */
import { parseFlags, rejectUnknownFlags, UsageError, type CliIO, type ExitCode } from '../io';
import { formatDuration, parseDuration } from '../../engine/kernel/time';
import { NODE_PROFILE_NAMES, parseScaleNoiseSpec } from '../../engine/scale/nodeProfiles';
import { DEFAULT_SCALE_PARAMS, listNoiseProfiles, runScale, traceFileOf, validateScaleParams, type CollectiveKind, type ScaleParams, type ScalePoint } from '../../engine/scale';

export const SCALE_USAGE = `usage: mos-explorer scale --nodes N[,N...] [options]

Simulates K iterations of compute + collective on N nodes with OS noise and prints,
per N, the mean iteration time, the noiseless time and the slowdown.

  --nodes 16,256,1024      node counts (1 .. 1048576), required
  --iterations K           iterations per node count (default 100)
  --compute DUR            compute per iteration, e.g. 1ms (default 1ms)
  --noise SPEC             none | periodic:FREQ:DUR | bernoulli:P:DUR | exp:MEAN |
                           uniform:MAX | trace:FILE | a profile name | node:NAME
                           (default none)
  --cosched                the same noise phase on every node (co-scheduled)
  --fixed-phase            draw the noise phase once per run, not every iteration
  --ranks C                ranks per node (default 1)
  --independent-ranks      each rank has its own noise (default: one per node)
  --collective KIND        barrier | allreduce | none (default barrier)
  --compute-only           noise preempts compute only, not the overheads o
  --latency DUR --overhead DUR --gap DUR --per-byte DUR --bytes S
                           LogGP L, o, g, G and message size (default 1us 500ns 500ns 0 8)
  --histogram N            print a per-node noise histogram at node count N
  --seed N                 random seed (default 1)
  --json                   print JSON instead of a table

Durations: 250ns, 10us, 1.5ms, 2s. Frequencies: 100Hz, 1kHz.
Profiles: ${listNoiseProfiles()
  .map((p) => p.name)
  .join(', ')} (assumed values, see docs/scale.md).
Measured on the node model (built on first use): ${NODE_PROFILE_NAMES.join(', ')}.`;

const SWITCHES = ['cosched', 'fixed-phase', 'independent-ranks', 'compute-only', 'json'];
const VALUED = ['nodes', 'iterations', 'compute', 'noise', 'ranks', 'collective', 'latency', 'overhead', 'gap', 'per-byte', 'bytes', 'histogram', 'seed'];

function int(flags: Map<string, string>, name: string, fallback: number, min: number): number {
  const text = flags.get(name);
  if (text === undefined) return fallback;
  const v = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(v) || v < min) throw new UsageError(`--${name} must be an integer >= ${min}, got "${text}"`);
  return v;
}

function dur(flags: Map<string, string>, name: string, fallback: number): number {
  const text = flags.get(name);
  if (text === undefined) return fallback;
  const d = parseDuration(text);
  if (!d.ok) throw new UsageError(`--${name}: ${d.error}`);
  return d.ns;
}

function nodeList(text: string | undefined): number[] {
  if (text === undefined) throw new UsageError('--nodes is required (e.g. --nodes 16,256,1024)');
  return text.split(',').map((part) => {
    const v = Number(part);
    if (part.trim() === '' || !Number.isSafeInteger(v) || v < 1) throw new UsageError(`--nodes: "${part}" is not a positive integer`);
    return v;
  });
}

async function paramsOf(argv: readonly string[], io: CliIO): Promise<{ params: ScaleParams; json: boolean; spec: string }> {
  const { flags, positional } = parseFlags(argv, SWITCHES, [], [...SWITCHES, ...VALUED]);
  rejectUnknownFlags(flags, [...SWITCHES, ...VALUED]);
  if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
  const collective = flags.get('collective') ?? 'barrier';
  if (!['barrier', 'allreduce', 'none'].includes(collective)) throw new UsageError(`--collective must be barrier, allreduce or none, got "${collective}"`);
  const spec = flags.get('noise') ?? 'none';
  const file = traceFileOf(spec);
  let traceText: string | undefined;
  if (file) {
    try {
      traceText = new TextDecoder().decode(await io.readFile(file));
    } catch (e) {
      throw new UsageError(`cannot read noise trace ${file}: ${(e as Error).message}`);
    }
  }
  const noise = parseScaleNoiseSpec(spec, traceText);
  if (!noise.ok) throw new UsageError(`--noise: ${noise.error}`);
  const d = DEFAULT_SCALE_PARAMS;
  const nodes = nodeList(flags.get('nodes'));
  const hist = flags.has('histogram') ? int(flags, 'histogram', 1, 1) : undefined;
  if (hist !== undefined && !nodes.includes(hist)) throw new UsageError(`--histogram ${hist} is not one of the --nodes`);
  const params: ScaleParams = {
    ...d,
    nodes,
    iterations: int(flags, 'iterations', d.iterations, 1),
    computeNs: dur(flags, 'compute', d.computeNs),
    noise: noise.profile,
    phase: flags.has('cosched') ? 'cosched' : 'independent',
    redrawPhase: !flags.has('fixed-phase'),
    ranksPerNode: int(flags, 'ranks', d.ranksPerNode, 1),
    rankNoise: flags.has('independent-ranks') ? 'independent' : 'correlated',
    collective: collective as CollectiveKind,
    chargeCollective: !flags.has('compute-only'),
    logGP: { L: dur(flags, 'latency', d.logGP.L), o: dur(flags, 'overhead', d.logGP.o), g: dur(flags, 'gap', d.logGP.g), G: dur(flags, 'per-byte', d.logGP.G) },
    messageBytes: int(flags, 'bytes', d.messageBytes, 1),
    seed: int(flags, 'seed', d.seed, 0),
    ...(hist === undefined ? {} : { histogram: { nodes: hist, bins: 20 } }),
  };
  const err = validateScaleParams(params);
  if (err) throw new UsageError(err);
  return { params, json: flags.has('json'), spec };
}

function row(p: ScalePoint): string {
  const cells = [
    String(p.nodes).padStart(8),
    String(p.ranks).padStart(8),
    formatDuration(p.meanIterationNs).padStart(12),
    `± ${formatDuration(p.stdErrorNs)}`.padStart(14),
    formatDuration(p.noiselessIterationNs).padStart(12),
    p.slowdown.toFixed(4).padStart(9),
    (p.closedFormNs === undefined ? '-' : formatDuration(p.closedFormNs)).padStart(12),
  ];
  return cells.join('  ');
}

function histogramText(p: ScalePoint): string {
  const h = p.histogram!;
  const most = Math.max(...h.counts, 1);
  const lines = h.counts.map((c, i) => {
    const from = formatDuration(Math.round(h.minNs + i * h.binWidthNs));
    return `  ${from.padStart(12)}  ${String(c).padStart(8)}  ${'#'.repeat(Math.round((40 * c) / most))}`;
  });
  return [`noise per node per iteration at N = ${h.nodes} (bin from, nodes):`, ...lines].join('\n');
}

export async function scaleCommand(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  let parsed: { params: ScaleParams; json: boolean; spec: string };
  try {
    parsed = await paramsOf(argv, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`mos-explorer scale: ${e.message}\n\n${SCALE_USAGE}\n`);
    return 2;
  }
  const { params, json, spec } = parsed;
  const header = ['nodes', 'ranks', 'mean iter', 'std error', 'noiseless', 'slowdown', 'closed form'];
  const widths = [8, 8, 12, 14, 12, 9, 12];
  if (!json) io.out(`${header.map((h, i) => h.padStart(widths[i])).join('  ')}\n`);
  const { points } = runScale(params, { onResult: (p) => (json ? undefined : io.out(`${row(p)}\n`)) });
  if (json) {
    // The noise as given on the command line: a profile's detour list can be long.
    const { nodes: _n, noise: _p, ...rest } = params;
    io.out(`${JSON.stringify({ params: { ...rest, noise: spec }, points }, null, 2)}\n`);
  } else for (const p of points) if (p.histogram) io.out(`\n${histogramText(p)}\n`);
  return 0;
}
