/** Section 3: one sweep per assumption, each result set against what the design and the literature expect. */
import { PRESETS } from '../../engine/config/presets';
import { at, num } from '../compare/metricsPath';
import type { CompareRun } from '../compare/execute';
import { code, table } from './markdown';
import type { Measurer } from './measure';
import { change, count, pct, signedPct } from './phrases';
import { cite, type SourceId } from './sources';
import type { SweepSpec } from './sweeps';

const iterations = (r: CompareRun) => num(r.metrics, 'progress.iterations') ?? 0;
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Replaces [id] with a citation. */
function withCitations(text: string): string {
  return text.replace(/\[(\w+)\]/g, (_, id: string) => cite(id as SourceId));
}

/** The presets' default for the key, if they share one. */
function sharedDefault(spec: SweepSpec): unknown {
  const values = spec.presets.map((p) => at(PRESETS[p], spec.key.split('.')));
  return values.every((v) => JSON.stringify(v) === JSON.stringify(values[0])) ? values[0] : undefined;
}

function expectationLines(spec: SweepSpec, series: Map<string, number[]>, base: number[] | undefined): string[] {
  const problems: string[] = [];
  for (const p of spec.expect.unaffected) {
    const s = series.get(p);
    if (s && s.some((x) => x !== s[0])) problems.push(`${code(p)}'s iterations change (${s.join(', ')}) though the setting should not reach it`);
  }
  for (const p of spec.expect.notRising) {
    const s = series.get(p);
    if (!s) continue;
    const i = s.findIndex((x, k) => k > 0 && x > s[k - 1]);
    if (i > 0) problems.push(`${code(p)}'s iterations rise from ${s[i - 1]} to ${s[i]} between ${show(spec.values[i - 1])} and ${show(spec.values[i])}`);
  }
  if (spec.expect.leadNotRising && base) {
    for (const p of spec.expect.leadNotRising) {
      const s = series.get(p);
      if (!s) continue;
      const leads = s.map((x, i) => change(x, base[i]));
      const i = leads.findIndex((l, k) => k > 0 && l > leads[k - 1]);
      if (i > 0) problems.push(`${code(p)}'s lead over ${code(spec.baseline)} grows from ${signedPct(leads[i - 1])} to ${signedPct(leads[i])} between ${show(spec.values[i - 1])} and ${show(spec.values[i])}`);
    }
  }
  const expected = [
    spec.expect.notRising.length ? `the iterations of ${spec.expect.notRising.map(code).join(', ')} should not rise as the value rises` : '',
    spec.expect.unaffected.length ? `${spec.expect.unaffected.map(code).join(', ')} should not change at all` : '',
    spec.expect.leadNotRising?.length ? `the lead of ${spec.expect.leadNotRising.map(code).join(', ')} over ${code(spec.baseline)} should not grow` : '',
  ].filter(Boolean).join(', and ');
  return [
    `- Expected from the design (${spec.expect.because}): ${expected}. ` +
      (problems.length === 0 ? 'The model behaves so.' : `**Unexpected:** ${problems.join('; ')}.`),
  ];
}

export function sweepSection(spec: SweepSpec, m: Measurer, seed: number, untilText: string): string[] {
  const def = sharedDefault(spec);
  const out: string[] = [
    `### ${code(spec.key)}`,
    '',
    `${spec.meaning[0].toUpperCase()}${spec.meaning.slice(1)}; values ${spec.values.map((v) => code(show(v))).join(', ')}` +
      (def !== undefined ? ` (the presets' default: ${code(show(def))})` : '') +
      `. ${withCitations(spec.context)}`,
    '',
  ];
  const errors = new Set<string>();
  const runs = new Map<string, CompareRun[]>();
  for (const preset of spec.presets) {
    const row: CompareRun[] = [];
    for (const value of spec.values) {
      const r = m.measure({ preset, sets: [{ key: spec.key, value }] });
      if (r.ok) row.push(r.run);
      else if (errors.size === 0) r.errors.forEach((e) => errors.add(e));
    }
    runs.set(preset, row);
  }
  if (errors.size > 0) {
    return [...out, `> **Not run:** the config checker rejects this key today (${[...errors].map(code).join('; ')}). The sweep runs as soon as the engine accepts it.`, ''];
  }

  const series = new Map([...runs].map(([p, rs]) => [p, rs.map(iterations)]));
  const base = series.get(spec.baseline);
  const lwk = spec.presets.filter((p) => p !== spec.baseline);
  out.push(
    ...table(
      ['value', ...spec.presets.map((p) => `${code(p)} iterations`), ...(base ? lwk.map((p) => `${code(p)} vs ${code(spec.baseline)}`) : [])],
      spec.values.map((v, i) => [
        code(show(v)) + (def !== undefined && JSON.stringify(v) === JSON.stringify(def) ? ' (default)' : ''),
        ...spec.presets.map((p) => count(series.get(p)![i])),
        ...(base ? lwk.map((p) => signedPct(change(series.get(p)![i], base[i]))) : []),
      ]),
    ),
    '',
  );
  const first = show(spec.values[0]);
  const last = show(spec.values[spec.values.length - 1]);
  for (const p of spec.presets) {
    const s = series.get(p)!;
    const a = s[0], b = s[s.length - 1];
    out.push(
      a === b && s.every((x) => x === a)
        ? `- ${code(p)}: ${a} iterations at every value.`
        : `- ${code(p)}: from ${a} iterations at ${code(first)} to ${b} at ${code(last)} (${signedPct(change(b, a))}).`,
    );
  }
  if (base) {
    for (const p of lwk) {
      const leads = series.get(p)!.map((x, i) => change(x, base[i]));
      const flips = leads.findIndex((l, i) => i > 0 && Math.sign(l) !== Math.sign(leads[i - 1]));
      out.push(
        `- ${code(p)} against ${code(spec.baseline)}: ${signedPct(leads[0])} at ${code(first)}, ${signedPct(leads[leads.length - 1])} at ${code(last)}` +
          (flips > 0 ? `; it ${leads[flips] > 0 ? 'pulls ahead' : leads[flips] < 0 ? 'falls behind' : 'draws level'} at ${code(show(spec.values[flips]))}.` : leads[0] > 0 ? '; ahead throughout.' : leads[0] < 0 ? '; behind throughout.' : '.'),
      );
    }
  }
  out.push(...expectationLines(spec, series, base));
  if (spec.isolationTolerance !== undefined) {
    const worst = lwk
      .map((p) => {
        const s = series.get(p)!;
        return { p, c: Math.max(...s.map((x) => Math.abs(change(x, s[0])))) };
      })
      .sort((x, y) => y.c - x.c)[0];
    if (worst) {
      const ok = worst.c <= spec.isolationTolerance;
      out.push(
        `- Isolation ${cite('ipdps16')}: the largest change of an LWK configuration over this sweep is ${pct(worst.c)} (${code(worst.p)}), ` +
          `${ok ? 'within' : '**beyond**'} the ${pct(spec.isolationTolerance, 0)} this document takes as "consistent".`,
      );
    }
  }
  out.push(`- Reproduce: ${code(`mos-explorer compare --presets ${spec.presets.join(',')} --until ${untilText} --seed ${seed} --vary ${spec.key}=${spec.values.map(show).join(',')}`)}.`, '');
  return out;
}
