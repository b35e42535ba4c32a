/**
 * "Scale": OS noise on N nodes (docs/sources.md, Noise at scale). A bulk-synchronous application of K
 * iterations of compute W and a barrier runs on N = 1 .. 2^20 nodes in the scale worker (apart
 * from the node simulation); points stream into a log-x plot of slowdown against N, with closed
 * forms overlaid, a histogram of per-node noise at one N, and a visually hidden table of the numbers.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_SCALE_PARAMS, parseNoiseSpec, type CollectiveKind, type ScalePoint } from '../../engine/scale';
import type { ScaleBase } from '../../worker/scaleProtocol';
import type { ScaleListener } from '../scaleClient';
import { usePage } from '../session/context';
import { COLLECTIVES, defaultParamValues, SERIES, SERIES_BY_KEY, type SeriesDef } from './scale/series';
import { formatN, Marker, SlowdownPlot, type Curve } from './scale/SlowdownPlot';
import { NoiseHistogram } from './scale/NoiseHistogram';
import './views-scale.css';

const MAX_EXPONENTS = [4, 6, 8, 10, 12, 14, 16, 18, 20];
const HIST_BINS = 24;
const COLUMNS = ['Profile', 'N', 'Mean iteration (ns)', 'Noiseless (ns)', 'Slowdown', 'Closed form (ns)'];

type Status = { kind: 'idle' | 'running' | 'done' | 'cancelled' | 'error'; text: string };

function intIn(text: string, min: number, max: number): number | null {
  const v = Number(text);
  return text.trim() !== '' && Number.isSafeInteger(v) && v >= min && v <= max ? v : null;
}

export function ScaleView() {
  const ids = { iters: useId(), compute: useId(), seed: useId(), maxN: useId(), hist: useId(), collective: useId(), params: useId() };
  const [collective, setCollective] = useState<CollectiveKind>(DEFAULT_SCALE_PARAMS.collective);
  const [values, setValues] = useState(defaultParamValues);
  const [ranWith, setRanWith] = useState<CollectiveKind>(DEFAULT_SCALE_PARAMS.collective);
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set(SERIES.filter((s) => s.checked).map((s) => s.key)));
  const [maxExp, setMaxExp] = useState(14);
  const [histExp, setHistExp] = useState<number | null>(null);
  const [iterations, setIterations] = useState('20');
  const [computeUs, setComputeUs] = useState('1000');
  const [seed, setSeed] = useState('1');
  const [curves, setCurves] = useState<Curve[]>([]);
  const [run, setRun] = useState<{ maxN: number; histN: number } | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: 'Ready' });
  const barRef = useRef<HTMLDivElement>(null);
  const fillRef = useRef<HTMLDivElement>(null);
  const detailRef = useRef<HTMLSpanElement>(null);
  const listenerRef = useRef<ScaleListener | null>(null);
  const scaleClient = usePage().scale;
  const histN = 2 ** Math.min(histExp ?? maxExp, maxExp);

  const setProgress = useCallback((fraction: number, detail: string) => {
    const pct = Math.round(fraction * 100);
    barRef.current?.setAttribute('aria-valuenow', String(pct));
    barRef.current?.setAttribute('aria-valuetext', `${pct}%${detail ? `: ${detail}` : ''}`);
    if (fillRef.current) fillRef.current.style.width = `${fraction * 100}%`;
    if (detailRef.current) detailRef.current.textContent = detail;
  }, []);

  useEffect(() => () => {
    if (listenerRef.current) scaleClient.detach(listenerRef.current);
  }, [scaleClient]);

  const start = (e: FormEvent) => {
    e.preventDefault();
    const K = intIn(iterations, 1, 100_000);
    const W = intIn(computeUs, 0, 1_000_000);
    const s = intIn(seed, 0, 2 ** 31);
    const chosen = SERIES.filter((d) => checked.has(d.key));
    // Each editable profile's noise spec from its fields, checked as the worker will check it.
    const specs = chosen.map((d) => ({ d, noise: d.spec ? d.spec(values[d.key]) : d.noise }));
    const badSpec = specs.map(({ d, noise }) => ({ d, r: d.spec ? parseNoiseSpec(noise) : null })).find(({ r }) => r && !r.ok);
    if (badSpec && badSpec.r && !badSpec.r.ok) return setStatus({ kind: 'error', text: `${badSpec.d.label}: ${badSpec.r.error}` });
    const series = specs.map(({ d, noise }) => ({ ...d, noise }));
    const bad = series.length === 0 ? 'Choose at least one profile.' : K === null ? 'Iterations must be a whole number from 1 to 100,000.' : W === null ? 'Compute W must be a whole number of µs from 0 to 1,000,000.' : s === null ? 'The seed must be a whole number ≥ 0.' : null;
    if (bad) return setStatus({ kind: 'error', text: bad });
    const maxN = 2 ** maxExp;
    const nodes = Array.from({ length: maxExp + 1 }, (_, i) => 2 ** i);
    const { noise: _n, phase: _p, ...defaults } = DEFAULT_SCALE_PARAMS;
    const params: ScaleBase = { ...defaults, collective, nodes, iterations: K!, computeNs: W! * 1000, seed: s!, histogram: { nodes: histN, bins: HIST_BINS } };
    setRanWith(collective);
    setCurves(series.map((def) => ({ def, points: [] })));
    setRun({ maxN, histN });
    setStatus({ kind: 'running', text: 'Running…' });
    setProgress(0, 'starting');
    const listener: ScaleListener = {
      progress: (fraction, n, key, activity) => setProgress(fraction, activity === 'measuring' ? `measuring ${SERIES_BY_KEY.get(key)?.label ?? key} on the node model` : `${SERIES_BY_KEY.get(key)?.label ?? key}: N = ${formatN(n)}`),
      point: (key, point: ScalePoint) => setCurves((prev) => prev.map((c) => (c.def.key === key ? { ...c, points: [...c.points, point] } : c))),
      done: (cancelled, ms) => {
        listenerRef.current = null;
        if (!cancelled) setProgress(1, '');
        setStatus(cancelled ? { kind: 'cancelled', text: `Cancelled after ${(ms / 1000).toFixed(1)} s` } : { kind: 'done', text: `Done in ${(ms / 1000).toFixed(1)} s` });
      },
      error: (message) => {
        listenerRef.current = null;
        setStatus({ kind: 'error', text: `The scale run failed: ${message}` });
      },
    };
    listenerRef.current = listener;
    scaleClient.run(params, series, listener);
  };

  const cancel = () => scaleClient.cancel();
  const running = status.kind === 'running';
  const toggle = (key: string) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const rows = useMemo(() => curves.flatMap((c) => c.points.map((p) => ({ key: `${c.def.key}-${p.nodes}`, label: c.def.label, p }))), [curves]);

  return (
    <section className="panel scale" aria-label="Scale">
      <h2 className="panel-title">Scale: OS noise on N nodes</h2>
      <p className="panel-sub">
        Each of N nodes computes for W, {COLLECTIVES.find((c) => c.value === collective)?.says} (LogGP: L 1 µs, o 500 ns), K times. The slowest node sets the pace: slowdown = mean iteration ÷ noiseless iteration. Dashed lines are closed forms (what each assumes is said under the plot).
      </p>
      <div className="scale-body">
        <form className="scale-controls" onSubmit={start} aria-label="Scale run settings">
          <fieldset>
            <legend>Noise profiles</legend>
            {SERIES.map((d) => (
              <div key={d.key}>
                <label className="scale-check" title={d.detail}>
                  <input type="checkbox" checked={checked.has(d.key)} onChange={() => toggle(d.key)} disabled={running} />
                  <svg width="14" height="14" aria-hidden="true"><Marker def={d} x={7} y={7} size={40} /></svg>
                  <span>{d.label}</span>
                </label>
                {d.params && checked.has(d.key) && (
                  <ProfileFields def={d} values={values[d.key]} disabled={running} onChange={(id, v) => setValues((prev) => ({ ...prev, [d.key]: { ...prev[d.key], [id]: v } }))} />
                )}
              </div>
            ))}
          </fieldset>
          <fieldset className="scale-fields">
            <legend>Sweep</legend>
            <label htmlFor={ids.collective}>Collective</label>
            <select id={ids.collective} value={collective} onChange={(e) => setCollective(e.target.value as CollectiveKind)} disabled={running}>
              {COLLECTIVES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </select>
            <label htmlFor={ids.maxN}>N up to</label>
            <select id={ids.maxN} value={maxExp} onChange={(e) => setMaxExp(Number(e.target.value))} disabled={running}>
              {MAX_EXPONENTS.map((x) => <option key={x} value={x}>{formatN(2 ** x)}</option>)}
            </select>
            <label htmlFor={ids.iters}>Iterations K</label>
            <input id={ids.iters} inputMode="numeric" value={iterations} onChange={(e) => setIterations(e.target.value)} disabled={running} />
            <label htmlFor={ids.compute}>Compute W (µs)</label>
            <input id={ids.compute} inputMode="numeric" value={computeUs} onChange={(e) => setComputeUs(e.target.value)} disabled={running} />
            <label htmlFor={ids.seed}>Sweep seed</label>
            <input id={ids.seed} inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} disabled={running} />
            <label htmlFor={ids.hist}>Histogram at N</label>
            <select id={ids.hist} value={Math.min(histExp ?? maxExp, maxExp)} onChange={(e) => setHistExp(Number(e.target.value))} disabled={running}>
              {Array.from({ length: maxExp + 1 }, (_, x) => <option key={x} value={x}>{formatN(2 ** x)}</option>)}
            </select>
          </fieldset>
          <div className="scale-buttons">
            <button type="submit" className="btn btn-primary" disabled={running}>Run</button>
            <button type="button" className="btn" onClick={cancel} disabled={!running}>Cancel</button>
          </div>
          <div ref={barRef} className="scale-progress" role="progressbar" aria-label="Scale run progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={0}>
            <div ref={fillRef} className="scale-progress-fill" />
          </div>
          <p className={`scale-status scale-status-${status.kind}`} role="status">{status.text}</p>
          <span ref={detailRef} className="scale-detail mono" />
        </form>
        <div className="scale-plots">
          <SlowdownPlot curves={curves} maxN={run?.maxN ?? 2 ** maxExp} />
          <NoiseHistogram curves={curves} histogramN={run?.histN ?? histN} />
        </div>
      </div>
      <ul className="legend scale-legend" aria-label="Legend">
        {curves.map(({ def }) => (
          <li key={def.key}>
            <svg width="26" height="14" aria-hidden="true"><line x1="0" x2="26" y1="7" y2="7" stroke={def.color} strokeWidth="2" /><Marker def={def} x={13} y={7} size={40} /></svg>
            {def.label}
          </li>
        ))}
        {curves.length > 0 && (
          <li>
            <svg width="26" height="14" aria-hidden="true"><line x1="0" x2="26" y1="7" y2="7" stroke="var(--muted)" strokeWidth="1.5" strokeDasharray="6 4" /></svg>
            closed form (same colour)
          </li>
        )}
      </ul>
      {curves.length > 0 && <ClosedFormNotes defs={curves.map((c) => c.def)} collective={ranWith} />}
      <div className="visually-hidden">
        <table aria-label="Scale results">
          <caption>Scale results: one row per profile and node count</caption>
          <thead>
            <tr>{COLUMNS.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map(({ key, label, p }) => (
              <tr key={key}>
                <td>{label}</td>
                <td>{p.nodes}</td>
                <td>{p.meanIterationNs.toFixed(1)}</td>
                <td>{p.noiselessIterationNs.toFixed(1)}</td>
                <td>{p.slowdown.toFixed(6)}</td>
                <td>{p.closedFormNs === undefined ? '' : p.closedFormNs.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The editable parameters of one profile, under its checkbox. */
function ProfileFields({ def, values, disabled, onChange }: { def: SeriesDef; values: Readonly<Record<string, string>>; disabled: boolean; onChange: (id: string, v: string) => void }) {
  const id = useId();
  return (
    <div className="scale-fields scale-profile-fields" role="group" aria-label={`${def.label} parameters`}>
      {def.params!.map((p) => (
        <FragmentRow key={p.id} id={`${id}-${p.id}`} label={`${p.label}${p.unit ? ` (${p.unit})` : ''}`} value={values[p.id]} disabled={disabled} onChange={(v) => onChange(p.id, v)} />
      ))}
    </div>
  );
}

function FragmentRow({ id, label, value, disabled, onChange }: { id: string; label: string; value: string; disabled: boolean; onChange: (v: string) => void }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} inputMode="decimal" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} />
    </>
  );
}

/**
 * What the dashed lines assume, said on the plot: E[T] = W + E[max of N noise draws] + C(N).
 * Exact with no collective; with a barrier or an allreduce the simulation may lie above it,
 * because noise also lands in the collective's rounds (each message's overhead o is stretched).
 */
function ClosedFormNotes({ defs, collective }: { defs: readonly SeriesDef[]; collective: CollectiveKind }) {
  return (
    <div className="scale-assumptions" aria-label="What the closed forms assume">
      <p>
        Closed form: iteration = W + E[largest noise among N nodes] + the noiseless collective.{' '}
        {collective === 'none'
          ? 'With no collective it is exact: the simulation should match it.'
          : 'It counts noise during compute only; in the simulation noise also lands in the collective’s log2 N rounds, so the points may lie above the line. Choose “none (compute only)” to see the simulation match it.'}
      </p>
      <ul>
        {defs.map((d) => <li key={d.key}><span style={{ color: d.color }} aria-hidden="true">━ </span>{d.label}: {d.assumes}.</li>)}
      </ul>
    </div>
  );
}
