/** The settings that differ between the two sides (rendered when a side's configuration changes, never per frame). */
import { useStore } from 'zustand';
import type { Session } from '../session/session';
import { settingsDiff } from './settingsDiff';

export function SettingsDiffTable({ left, right }: { left: Session; right: Session }) {
  const a = useStore(left.store, (s) => s.config);
  const b = useStore(right.store, (s) => s.config);
  const pa = useStore(left.store, (s) => s.presetName);
  const pb = useStore(right.store, (s) => s.presetName);
  const diffs = settingsDiff({ presetName: pa, config: a }, { presetName: pb, config: b });
  return (
    <section className="panel compare-settings" aria-label="Settings that differ">
      <h2 className="panel-title">Settings that differ</h2>
      {diffs.length === 0 ? (
        <p className="muted">None: both sides run the same configuration (choose another preset, or change a setting in a side's Configuration view).</p>
      ) : (
        <table className="data-table" aria-label="Settings that differ">
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">Left</th>
              <th scope="col">Right</th>
            </tr>
          </thead>
          <tbody>
            {diffs.map((d) => (
              <tr key={d.path}>
                <th scope="row" className="mono">{d.path}</th>
                <td className="mono">{d.left}</td>
                <td className="mono">{d.right}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
