/**
 * The configuration panel: the partition in mOS boot syntax with live validation, the key
 * parameters, and every other number under Advanced costs. Applying restarts the simulation and
 * says so; while a field is invalid its error shows next to it and the last valid run keeps going.
 */
import { useCallback, useId, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { resolveConfig, useUi, type ConfigEdits } from '../store';
import { useSession } from '../session/context';
import { applySettings } from '../session/applySettings';
import { settingChanges } from '../../engine/config/settingChanges';
import { isOrAre, NUM_FIELDS, settingNames } from './settingNames';
import { isSettingsCommand, settingsInForce } from '../session/settingsInForce';
import { mosBootLine, paperBootLine, parsePartition } from '../../engine/config/partition';
import { topologyByName } from '../../engine/node/topologies';
import type { NodeConfig } from '../../engine/config/nodeConfig';
import { MS } from '../../engine/kernel/time';
import { AdvancedCosts } from './AdvancedCosts';
import { DESIGNS } from '../../engine/config/kindDefaults';
import { ADVANCED_FIELDS, advancedDraftOf, advancedErrors, withAdvancedEdits, type AdvancedDraft } from './advancedFields';
import { DesignOptions, leafPaths } from './DesignOptions';
import { numberRuleFor, type NumberRule } from '../../engine/config/paramRules';
import { numberProblem } from '../../engine/config/checkParam';
import type { LoggedCommand } from '../../engine/kernel/simulation';
import { designSyntax } from '../../engine/designs/registry';
import '../../engine/designs/syntaxes'; // the Design options field parses with them

const ADVANCED_PATHS: ReadonlySet<string> = new Set(ADVANCED_FIELDS.map((f) => f.path));

interface Draft {
  partition: string;
  mechanism: string;
  wait: string;
  replyIpi: boolean;
  ipiPolicy: string;
  channelCapacity: number;
  proxyThreads: number;
  osNodeShipper: string;
  aggregation: boolean;
  hz: number;
  nohzFull: boolean;
  isolcpus: boolean;
  irqAffinity: boolean;
  thp: boolean;
  rrQuantumMs: number;
  interference: number;
  workload: string;
  advanced: AdvancedDraft;
  /** The design's own option text (config key `options`). */
  options: string;
}

/** The config path each main field edits: options that set a path update its field. */
const DRAFT_PATHS: Readonly<Partial<Record<keyof Draft, string>>> = {
  partition: 'partition', wait: 'syscalls.wait', replyIpi: 'syscalls.replyIpi', ipiPolicy: 'syscalls.ipiPolicy',
  channelCapacity: 'syscalls.channelCapacity', proxyThreads: 'syscalls.proxyThreads', osNodeShipper: 'syscalls.osNodeShipper',
  aggregation: 'syscalls.aggregation.enabled', hz: 'linux.hz', nohzFull: 'linux.nohzFull', isolcpus: 'linux.isolcpus',
  irqAffinity: 'linux.irqAffinity', thp: 'linux.thp', rrQuantumMs: 'lwk.rrQuantumNs', interference: 'interference.perBusyCpu', workload: 'workload.kind',
};

/** `d` with the fields the options set (`paths`) taken from `fresh` (the configuration they make). */
function withOptionFields(d: Draft, fresh: Draft, paths: readonly string[]): Draft {
  const out: Record<string, unknown> = { ...d };
  for (const [key, path] of Object.entries(DRAFT_PATHS)) if (paths.includes(path)) out[key] = fresh[key as keyof Draft];
  const advanced = { ...d.advanced };
  for (const path of paths) if (Object.hasOwn(advanced, path)) advanced[path] = fresh.advanced[path];
  return { ...(out as unknown as Draft), advanced };
}

function draftOf(c: NodeConfig, options = ''): Draft {
  return {
    partition: c.partitionText,
    mechanism: c.syscalls.mechanism,
    wait: c.syscalls.wait,
    replyIpi: c.syscalls.replyIpi,
    ipiPolicy: c.syscalls.ipiPolicy,
    channelCapacity: c.syscalls.channelCapacity,
    proxyThreads: c.syscalls.proxyThreads,
    osNodeShipper: c.syscalls.osNodeShipper,
    aggregation: c.syscalls.aggregation.enabled,
    hz: c.linux.hz,
    nohzFull: c.linux.nohzFull,
    isolcpus: c.linux.isolcpus,
    irqAffinity: c.linux.irqAffinity,
    thp: c.linux.thp,
    rrQuantumMs: c.lwk.rrQuantumNs / MS,
    interference: c.interference.perBusyCpu,
    workload: c.workload.kind,
    advanced: advancedDraftOf(c),
    options,
  };
}

/** The fields of `now` whose value differs from `base` (an empty section is left out). */
function changed(now: Record<string, unknown>, base: Record<string, unknown>): Record<string, unknown> | undefined {
  const out = Object.fromEntries(Object.entries(now).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(base[k])));
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The edits on top of the preset: only what differs from it, or, once another design is chosen,
 * from that design's defaults (which choosing it brings), so the design's own settings apply.
 */
function editsOf(d: Draft, preset: NodeConfig, designBase: NodeConfig): ConfigEdits {
  const b = designBase;
  const edits: Record<string, unknown> = {};
  const syscalls = changed(
    { wait: d.wait, replyIpi: d.replyIpi, ipiPolicy: d.ipiPolicy, channelCapacity: d.channelCapacity, proxyThreads: d.proxyThreads, osNodeShipper: d.osNodeShipper },
    b.syscalls as unknown as Record<string, unknown>,
  );
  const aggregation = d.aggregation !== b.syscalls.aggregation.enabled ? { aggregation: { enabled: d.aggregation } } : {};
  const mechanism = d.mechanism !== preset.syscalls.mechanism ? { mechanism: d.mechanism } : {};
  if (syscalls || 'aggregation' in aggregation || 'mechanism' in mechanism) edits.syscalls = { ...mechanism, ...syscalls, ...aggregation };
  const linux = changed({ hz: d.hz, nohzFull: d.nohzFull, isolcpus: d.isolcpus, irqAffinity: d.irqAffinity, thp: d.thp }, b.linux as unknown as Record<string, unknown>);
  if (linux) edits.linux = linux;
  const lwk = changed({ rrQuantumNs: Math.round(d.rrQuantumMs * MS) }, b.lwk as unknown as Record<string, unknown>);
  if (lwk) edits.lwk = lwk;
  const interference = changed({ perBusyCpu: d.interference }, b.interference as unknown as Record<string, unknown>);
  if (interference) edits.interference = interference;
  if (d.workload !== preset.workload.kind) edits.workload = { kind: d.workload };
  if (d.partition.trim() !== preset.partitionText && preset.system === 'mos') edits.partition = d.partition.trim();
  if (d.options.trim() !== '' && designSyntax(d.mechanism)) edits.options = d.options;
  return withAdvancedEdits(edits, d.advanced, preset);
}

/** The preset as it is once `mechanism` is chosen: that design's defaults on its kernel. */
function designBaseOf(presetName: string, preset: NodeConfig, mechanism: string): NodeConfig {
  if (mechanism === preset.syscalls.mechanism) return preset;
  const r = resolveConfig(presetName, { syscalls: { mechanism } });
  return r.ok ? r.config : preset;
}

/**
 * The form's number fields and the parameter each sets: its bounds (and so the field's min and
 * max) are the checker's own (paramRules.ts), in the field's unit, so the two always agree.
 */
type NumField = keyof typeof NUM_FIELDS;
const NUM_PATHS = new Set<string>(Object.values(NUM_FIELDS).map((f) => f.path));

/** The checker's rule for a number field, in the field's own unit. */
function fieldRule(field: NumField): NumberRule {
  const f = NUM_FIELDS[field];
  const r = numberRuleFor(f.path);
  return { ...r, min: r.min / f.perUnit, max: r.max / f.perUnit, unit: f.unit, what: f.label.replace(/ \(.*\)$/, '') };
}

/** What is wrong with a number field's value, in the field's words and unit (null if nothing). */
function fieldProblem(field: NumField, value: number): string | null {
  const p = numberProblem(fieldRule(field), Number.isNaN(value) ? undefined : value);
  return p === null ? null : p.replace(/^expected a number, got undefined: /, 'a number is needed: ');
}

/** A configuration problem about one field ("settings: linux.tickNs: …") goes beside that field. */
function splitErrors(errors: readonly string[], fieldErrors: Map<string, string>): string[] {
  const general: string[] = [];
  for (const e of errors) {
    const m = /^settings: ([\w.]+): (.*)$/s.exec(e);
    if (m && NUM_PATHS.has(m[1])) continue; // shown beside its field (fieldProblem)
    if (m && ADVANCED_PATHS.has(m[1])) {
      if (!fieldErrors.has(m[1])) fieldErrors.set(m[1], m[2]);
    } else general.push(e.replace(/^settings: /, ''));
  }
  return general;
}

/** What Apply will do with the draft: change costs from now on, or restart (naming a setting fixed at boot). */
function applyHint(active: NodeConfig, next: NodeConfig | null, now: number): string {
  if (!next) return 'Changes not applied yet.';
  const { live, boot } = settingChanges(active, next);
  if (boot.length > 0) return now > 0 ? `Not applied yet: ${settingNames(boot)} ${isOrAre(boot)} fixed at boot, so Apply restarts the run from time zero.` : 'Changes not applied yet.';
  return live.length > 0 && now > 0 ? 'Not applied yet: Apply changes these costs from the present moment on (the run so far stays).' : 'Changes not applied yet.';
}

/** How many of the log's live settings were applied at or before `time` (a number: the panel re-renders only when it changes). */
function settingsBefore(log: readonly LoggedCommand[], time: number): number {
  let n = 0;
  for (const c of log) if (isSettingsCommand(c) && c.time <= time) n++;
  return n;
}

export function ConfigPanel() {
  const presetName = useUi((s) => s.presetName);
  const config = useUi((s) => s.config);
  const edits = useUi((s) => s.edits);
  const log = useUi((s) => s.commandLog);
  // The form shows the settings in force at the time on screen: the run's configuration and the
  // live changes made before it (after a seek back, the later ones are the run's future).
  const { bus } = useSession();
  const applied = useSyncExternalStore(
    useCallback((onChange: () => void) => bus.subscribe(onChange), [bus]),
    () => settingsBefore(log, bus.frame?.time ?? 0),
  );
  const inForce = useMemo(() => log.filter(isSettingsCommand).slice(0, applied), [log, applied]);
  const active = useMemo(() => settingsInForce(config, inForce), [config, inForce]);
  const live = useMemo(() => JSON.stringify(inForce.map((c) => c.command)), [inForce]);
  // The draft restarts from the running configuration whenever another preset or other settings
  // come into force (an Apply, a live change, or the previous settings restored after a failed run).
  const [advancedOpen, setAdvancedOpen] = useState(false);
  return <ConfigForm key={`${presetName}\u0000${JSON.stringify(edits)}\u0000${live}`} active={active} advancedOpen={advancedOpen} onAdvancedToggle={setAdvancedOpen} />;
}

function ConfigForm({ active, advancedOpen, onAdvancedToggle }: { active: NodeConfig; advancedOpen: boolean; onAdvancedToggle: (open: boolean) => void }) {
  const presetName = useUi((s) => s.presetName);
  const applied = useUi((s) => s.edits);
  const appliedOptions = typeof applied.options === 'string' ? applied.options : '';
  const session = useSession();
  const applyEdits = (edits: ConfigEdits) => applySettings(session, edits);
  const [draft, setDraft] = useState<Draft>(() => draftOf(active, appliedOptions));
  const [applyErrors, setApplyErrors] = useState<string[]>([]);
  const topology = topologyByName(active.topology)!;
  const preset = useMemo(() => resolveConfig(presetName, {}), [presetName]);
  const presetConfig = preset.ok ? preset.config : active;
  const partition = useMemo(() => (active.system === 'mos' ? parsePartition(draft.partition, topology) : null), [draft.partition, topology, active.system]);
  const designBase = useMemo(() => designBaseOf(presetName, presetConfig, draft.mechanism), [presetName, presetConfig, draft.mechanism]);
  const resolved = useMemo(() => resolveConfig(presetName, editsOf(draft, presetConfig, designBase)), [draft, presetName, presetConfig, designBase]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  // Choosing a design shows its own defaults in the fields it brings (wait, IPIs, proxies, ...).
  const chooseDesign = (mechanism: string) => {
    const base = designBaseOf(presetName, presetConfig, mechanism);
    const fresh = draftOf(base);
    const keep = designSyntax(mechanism) === designSyntax(draft.mechanism);
    setDraft((d) => ({ ...d, mechanism, options: keep ? d.options : '', wait: fresh.wait, replyIpi: fresh.replyIpi, ipiPolicy: fresh.ipiPolicy, channelCapacity: fresh.channelCapacity, proxyThreads: fresh.proxyThreads, osNodeShipper: fresh.osNodeShipper, aggregation: fresh.aggregation }));
  };
  // Options text: the fields it sets follow it (explicit edits of those fields afterwards win).
  const setOptions = (options: string) =>
    setDraft((d) => {
      const syntax = designSyntax(d.mechanism);
      const parsed = syntax && options.trim() !== '' ? syntax.parse(options, topology) : null;
      const made = parsed?.ok ? resolveConfig(presetName, { syscalls: { mechanism: d.mechanism }, options }) : null;
      return made?.ok && parsed?.ok ? withOptionFields({ ...d, options }, draftOf(made.config, options), leafPaths(parsed.overrides)) : { ...d, options };
    });
  const design = DESIGNS.get(draft.mechanism);
  const syntax = designSyntax(draft.mechanism);
  const shipsMessages = design?.usesProxies ?? true;
  const id = useId();
  const dirty = JSON.stringify(draftOf(active, appliedOptions)) !== JSON.stringify(draft);
  const fieldErrors = advancedErrors(draft.advanced);
  // Errors in the options text are shown beside it, with their place.
  const generalErrors = resolved.ok ? [] : splitErrors(resolved.errors, fieldErrors).filter((e) => !e.startsWith('options: '));
  const numErrors = new Map<NumField, string>();
  for (const k of Object.keys(NUM_FIELDS) as NumField[]) {
    const p = fieldProblem(k, draft[k]);
    if (p) numErrors.set(k, p);
  }
  const valid = resolved.ok && fieldErrors.size === 0 && numErrors.size === 0;
  const num = (field: NumField, step?: number) => (
    <Num label={NUM_FIELDS[field].label} value={draft[field]} rule={fieldRule(field)} step={step} error={numErrors.get(field)} onChange={(v) => set(field, v)} />
  );
  const lwkApp = design?.appKernel !== 'linux';

  return (
    <section className="panel config" aria-label="Configuration">
      <h2 className="panel-title">Configuration</h2>
      {active.system === 'mos' && partition && (
        <div className="field field-wide">
          <label htmlFor={`${id}-partition`}>Partition</label>
          <input
            id={`${id}-partition`}
            className="mono partition-input"
            spellCheck={false}
            value={draft.partition}
            aria-invalid={!partition.ok}
            aria-describedby={`${id}-partition-help`}
            onChange={(e) => set('partition', e.currentTarget.value)}
          />
          <div id={`${id}-partition-help`} className="field-help">
            <div className="syntax-key">
              Key: <code>lwkcpus=S.L:S.L</code>, S a syscall CPU, <code>.</code> gives it the LWK CPUs L that ship calls to it, <code>:</code> starts the next group
              (<code>1-15</code> a range, <code>1,33</code> a list); <code>lwkmem=N:size,…</code> gives NUMA domain N that much LWK memory.
            </div>
            {partition.ok ? (
              <>
                <div className="boot-line"><span className="muted">mOS boot line:</span> <code>{mosBootLine(partition.partition)}</code></div>
                <PaperLine line={paperBootLine(partition.partition, topology)} />
                {partition.warnings.map((w, i) => <div key={i} className="field-warning">warning: {w.message}</div>)}
              </>
            ) : (
              partition.errors.map((e, i) => (
                <div key={i} className="field-error" role="alert">
                  {e.message} <span className="muted">(at “{draft.partition.slice(e.start, e.end) || '…'}”, characters {e.start + 1}–{e.end})</span>
                </div>
              ))
            )}
          </div>
        </div>
      )}
      <fieldset className="field-group">
        <legend>System calls</legend>
        <Select label="Design" value={draft.mechanism} onChange={chooseDesign} options={[...DESIGNS.values()].map((d) => [d.id, d.title])} />
        {design && (
          <section className="about-design field-help" aria-label="About this design">
            <h3 className="about-title">About this design: {design.title}</h3>
            <p>{design.summary}</p>
            <p className="muted">Source: {design.source}</p>
          </section>
        )}
        {syntax && (
          <DesignOptions syntax={syntax} topology={topology} value={draft.options} current={resolved.ok ? resolved.config : null} onChange={setOptions} />
        )}
        {shipsMessages && (
          <>
            <Select label="Waiting for a reply" value={draft.wait} onChange={(v) => set('wait', v)} options={[['block', 'block (run another thread)'], ['spin', 'spin (poll)']]} />
            <Select label="IPIs" value={draft.ipiPolicy} onChange={(v) => set('ipiPolicy', v)} options={[['coalesce', 'on empty → non-empty only'], ['every', 'on every message']]} />
            <Check label="Reply IPIs to LWK CPUs" checked={draft.replyIpi} onChange={(v) => set('replyIpi', v)} />
            {num('channelCapacity')}
            {num('proxyThreads')}
          </>
        )}
        {lwkApp && <Check label="glibc aggregation of small writes" checked={draft.aggregation} onChange={(v) => set('aggregation', v)} />}
        <Select label="OS-node shipping by" value={draft.osNodeShipper} onChange={(v) => set('osNodeShipper', v)} options={[['linux', 'Linux (proxy)'], ['lwk', 'the LWK'], ['glibc', 'glibc'], ['none', 'nobody: the node is a PFS client']]} />
      </fieldset>
      <fieldset className="field-group">
        <legend>Linux and LWK</legend>
        {num('hz')}
        <Check label="nohz_full" checked={draft.nohzFull} onChange={(v) => set('nohzFull', v)} />
        <Check label="isolcpus" checked={draft.isolcpus} onChange={(v) => set('isolcpus', v)} />
        <Check label="IRQ affinity" checked={draft.irqAffinity} onChange={(v) => set('irqAffinity', v)} />
        <Check label="transparent huge pages" checked={draft.thp} onChange={(v) => set('thp', v)} />
        {lwkApp && num('rrQuantumMs', 0.5)}
        {num('interference', 0.0005)}
        <Select label="Workload" value={draft.workload} onChange={(v) => set('workload', v)} options={[['fwq', 'FWQ (fixed work quanta)'], ['bsp', 'BSP mini-app'], ['syscall', 'syscall microbenchmark']]} />
      </fieldset>
      <AdvancedCosts open={advancedOpen} onToggle={onAdvancedToggle} draft={draft.advanced} errors={fieldErrors} onChange={(path, text) => setDraft((d) => ({ ...d, advanced: { ...d.advanced, [path]: text } }))} />
      {generalErrors.map((e, i) => <p key={i} className="field-error" role="alert">{e}</p>)}
      {applyErrors.map((e, i) => <p key={`a${i}`} className="field-error" role="alert">{e}</p>)}
      <div className="config-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!valid || !dirty}
          onClick={() => setApplyErrors(applyEdits(editsOf(draft, presetConfig, designBase)))}
        >
          Apply
        </button>
        <button type="button" className="btn" disabled={!dirty} onClick={() => setDraft(draftOf(active, appliedOptions))}>Revert</button>
        <span className="muted">{dirty ? (valid ? applyHint(active, resolved.ok ? resolved.config : null, session.bus.frame?.time ?? 0) : 'Fix the problems above to apply; the current run keeps going.') : 'Running this configuration.'}</span>
      </div>
    </section>
  );
}

function PaperLine({ line }: { line: ReturnType<typeof paperBootLine> }) {
  return line.expressible ? (
    <div className="boot-line"><span className="muted">paper’s form:</span> <code>{line.line}</code></div>
  ) : (
    <div className="boot-line muted">paper’s maxcpus=/mem= cannot express it: {line.reason}</div>
  );
}

function Row({ label, children, id }: { label: string; children: ReactNode; id: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

function Select({ label, value, options, onChange }: { label: string; value: string; options: [string, string][]; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <Row label={label} id={id}>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </Row>
  );
}

/** A number field: its bounds are the checker's; a problem shows beside it and marks it. */
function Num({ label, value, rule, step = 1, error, onChange }: { label: string; value: number; rule: NumberRule; step?: number; error?: string; onChange: (v: number) => void }) {
  const id = useId();
  return (
    <Row label={label} id={id}>
      <input
        id={id}
        type="number"
        value={Number.isNaN(value) ? '' : value}
        min={rule.offZero ? 0 : rule.min}
        max={rule.max}
        step={step}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.currentTarget.valueAsNumber)}
      />
      {error && <p id={`${id}-error`} className="field-error field-error-row" role="alert">{error}</p>}
    </Row>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
