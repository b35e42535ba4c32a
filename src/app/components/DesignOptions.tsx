/**
 * The chosen design's own options (config key `options`): McKernel's mcreboot.sh/mcexec, mOS's
 * lwkctl/yod, … Read as it is typed; each error is shown with the text it concerns, like the
 * partition field. docs/syntax.md.
 */
import { useId, useMemo } from 'react';
import type { DesignSyntax } from '../../engine/designs/registry';
import type { Topology } from '../../engine/node/hardware';
import type { NodeConfig } from '../../engine/config/nodeConfig';

/** The paths an options text sets ("syscalls.proxyThreads", "partition", …). */
export function leafPaths(overrides: Readonly<Record<string, unknown>>, prefix = ''): string[] {
  return Object.entries(overrides).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? leafPaths(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

interface Props {
  readonly syntax: DesignSyntax;
  readonly topology: Topology;
  readonly value: string;
  /** The settings as they stand: "From the settings" writes them in this syntax. */
  readonly current: NodeConfig | null;
  readonly onChange: (text: string) => void;
}

export function DesignOptions({ syntax, topology, value, current, onChange }: Props) {
  const id = useId();
  const parsed = useMemo(() => (value.trim() === '' ? null : syntax.parse(value, topology)), [syntax, topology, value]);
  const at = (start: number, end: number) => (
    <span className="muted"> (at “{value.slice(start, end) || '…'}”, characters {start + 1}–{end})</span>
  );
  return (
    <div className="field field-wide">
      <label htmlFor={`${id}-options`}>Design options</label>
      <input
        id={`${id}-options`}
        className="mono partition-input"
        spellCheck={false}
        value={value}
        placeholder={syntax.example}
        aria-invalid={parsed !== null && !parsed.ok}
        aria-describedby={`${id}-options-help`}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      <div id={`${id}-options-help`} className="field-help">
        <div className="muted">
          {syntax.title}, e.g. <code className="boot-line">{syntax.example}</code>
        </div>
        {parsed?.ok === false &&
          parsed.errors.map((e, i) => (
            <div key={i} className="field-error" role="alert">
              {e.message}
              {at(e.start, e.end)}
            </div>
          ))}
        {parsed?.ok === true && parsed.warnings.map((w, i) => <div key={i} className="field-warning">warning: {w.message}{at(w.start, w.end)}</div>)}
        {current && (
          <div>
            <button type="button" className="btn btn-small" onClick={() => onChange(syntax.print(current))}>
              From the settings
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
