/**
 * "Replay": where each traced call goes under the current configuration and what it costs,
 * next to the duration strace measured (which includes strace's own overhead). Shown once a log
 * has been imported; the replay itself plays in every other view.
 */
import { useEffect, useRef } from 'react';
import { useUi } from '../store';
import { reducedMotion } from '../motion';
import { CallSite } from '../components/CallSite';
import { formatDuration } from '../../engine/kernel/time';
import { ROUTES } from '../../engine/descriptors';

export function ReplayView() {
  const replay = useUi((s) => s.replay);
  const heading = useRef<HTMLHeadingElement>(null);
  // After a user's import the page goes to the result (the region is far down the page).
  useEffect(() => {
    if (!replay?.reveal || !heading.current) return;
    heading.current.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
    heading.current.focus({ preventScroll: true });
  }, [replay]);
  if (!replay) return null;
  const { summary, report } = replay;
  const names = report ? Object.entries(report.byName).sort((a, b) => b[1].count - a[1].count) : [];
  return (
    <section className="panel replay" aria-label="Replay">
      <h2 ref={heading} tabIndex={-1} className="panel-title">Replay of {replay.fileName}</h2>
      <p className="panel-sub">
        {summary.calls.total.toLocaleString('en-US')} calls · {summary.pids} thread id(s) · {summary.processes} process(es)
        {summary.skippedLineCount > 0 ? ` · ${summary.skippedLineCount} line(s) skipped` : ''}
        {report ? ` · routes: ${ROUTES.map((r) => `${r.short} ${report.routes[r.key] ?? 0}`).join(', ')}` : ''}
      </p>
      {report && report.aggregationFlushes > 0 && (
        <p className="hint">
          Syscall triage counts {report.aggregationFlushes.toLocaleString('en-US')} more call{report.aggregationFlushes === 1 ? '' : 's'} ({(summary.calls.total + report.aggregationFlushes).toLocaleString('en-US')} issued):
          the write{report.aggregationFlushes === 1 ? '' : 's'} the glibc shim made to flush the small writes it buffered (the {report.routes.glibc ?? 0} calls of route {ROUTES.find((r) => r.key === 'glibc')?.short ?? 'glibc'}), which are not in the log.
        </p>
      )}
      {report ? (
        <div className="table-scroll">
          <table className="data-table" aria-label="Replayed calls by name">
            <caption className="visually-hidden">Replayed calls: route and simulated cost next to the traced duration</caption>
            <thead>
              <tr>
                <th scope="col">Call</th>
                <th scope="col">Count</th>
                {ROUTES.map((r) => <th key={r.key} scope="col" title={r.title}>{r.short}</th>)}
                <th scope="col">Simulated mean</th>
                <th scope="col">Simulated max</th>
                <th scope="col">Traced mean (includes strace overhead)</th>
                {summary.callSites && <th scope="col">Call site (strace -k)</th>}
              </tr>
            </thead>
            <tbody>
              {names.slice(0, 40).map(([name, s]) => (
                <tr key={name}>
                  <th scope="row" className="mono">{name}</th>
                  <td>{s.count}</td>
                  {ROUTES.map((r) => <td key={r.key}>{s.routes[r.key] || ''}</td>)}
                  <td>{formatDuration(Math.round(s.simulated.meanNs))}</td>
                  <td>{formatDuration(Math.round(s.simulated.maxNs))}</td>
                  <td>{s.traced ? formatDuration(Math.round(s.traced.meanNs)) : 'not traced (-T)'}</td>
                  {summary.callSites && <td><CallSite name={name} site={summary.callSites[name]} /></td>}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{report.tracedNote}</p>
        </div>
      ) : (
        <p className="hint">This log is too large for a per-call report; it still replays in the views.</p>
      )}
      {summary.warnings.length > 0 && (
        <details>
          <summary>Lines with values capped</summary>
          <ul className="skipped">
            {summary.warnings.slice(0, 50).map((l, k) => <li key={k}>{l.file ? `${l.file} ` : ''}line {l.lineNumber}: {l.reason}</li>)}
          </ul>
        </details>
      )}
      {summary.skippedLines.length > 0 && (
        <details>
          <summary>Skipped lines</summary>
          <ul className="skipped">
            {summary.skippedLines.slice(0, 50).map((l, k) => <li key={k}>{l.file ? `${l.file} ` : ''}line {l.lineNumber}: {l.reason}</li>)}
          </ul>
        </details>
      )}
    </section>
  );
}
