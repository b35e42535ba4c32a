/**
 * The injections as the page and links see them: type, title, target, fields with defaults,
 * and a description; what they do is bound in injections.ts (engine only). Defaults are
 * ASSUMPTIONs sized to be seen in the views: a burst a little denser than a busy NIC, a daemon
 * like a misbehaving kworker, stalls of a few ms.
 */
import { CAUSE_NAMES } from '../node/kinds';
import { formatDuration, MS, US } from '../kernel/time';
import { registerInjection } from './registry';
import type { Args, FieldSpec } from './fields';
import { numberRuleFor } from '../config/paramRules';

const cpuField: FieldSpec = { name: 'cpu', kind: 'cpu', label: 'the CPU' };
const pidField: FieldSpec = { name: 'pid', kind: 'pid', label: 'the process' };
const forField = (ms: number): FieldSpec => ({ name: 'forNs', kind: 'duration', label: 'how long, ns', default: ms * MS });
const d = (args: Args, key: string) => formatDuration(args[key] as number);

registerInjection({
  type: 'interrupt-burst',
  title: 'Interrupt burst',
  target: 'cpu',
  fields: [
    cpuField,
    { name: 'count', kind: 'count', label: 'interrupts', default: 20 },
    { name: 'everyNs', kind: 'duration', label: 'time between them, ns', default: 50 * US },
    { name: 'durationNs', kind: 'duration', label: 'each handler, ns', default: 5 * US },
  ],
  describe: (a) => `${a.count} device interrupts of ${d(a, 'durationNs')} every ${d(a, 'everyNs')} on CPU ${a.cpu}`,
});

registerInjection({
  type: 'noisy-daemon',
  title: 'Noisy daemon',
  target: 'cpu',
  fields: [
    cpuField,
    { name: 'periodNs', kind: 'duration', label: 'wakes every, ns', default: 1 * MS },
    { name: 'durationNs', kind: 'duration', label: 'runs for, ns', default: 100 * US },
    forField(50),
  ],
  describe: (a) => `a kernel daemon running ${d(a, 'durationNs')} every ${d(a, 'periodNs')} for ${d(a, 'forNs')} on CPU ${a.cpu}`,
});

registerInjection({
  type: 'inject-interrupt',
  title: 'One interruption',
  target: 'cpu',
  fields: [cpuField, { name: 'cause', kind: 'choice', label: 'its cause', choices: CAUSE_NAMES, default: 'device interrupt' }, { name: 'durationNs', kind: 'duration', label: 'its length, ns', default: 10 * US }],
  describe: (a) => `one ${a.cause} of ${d(a, 'durationNs')} on CPU ${a.cpu}`,
});

registerInjection({
  type: 'signal',
  title: 'Signal',
  target: 'process',
  fields: [pidField],
  describe: (a) => `a signal to process ${a.pid}`,
});

registerInjection({
  type: 'syscall-storm',
  title: 'Syscall storm',
  target: 'process',
  fields: [pidField, { name: 'count', kind: 'count', label: 'calls', default: 200 }, { name: 'name', kind: 'name', label: 'the call', default: 'getppid' }],
  describe: (a) => `${a.count} ${a.name} calls from process ${a.pid}, back to back`,
});

registerInjection({
  type: 'stall-proxy',
  title: 'Stall proxies',
  target: 'process',
  fields: [pidField, forField(5)],
  describe: (a) => `the proxies of process ${a.pid} stalled for ${d(a, 'forNs')}`,
});

registerInjection({
  type: 'fill-channel',
  title: 'Make full',
  target: 'channel',
  fields: [{ name: 'channel', kind: 'channel', label: 'the Linux channel' }, forField(5)],
  describe: (a) => `Linux channel ${a.channel} held full for ${d(a, 'forNs')}`,
});

registerInjection({
  type: 'slow-osnode',
  title: 'Slow OS node',
  target: 'osnode',
  fields: [forField(20)],
  describe: (a) => `this node's OS node stalled for ${d(a, 'forNs')}`,
});

/** A live setting (config/liveSettings.ts): a cost or duration changed from this moment on, the run before it kept. */
registerInjection({
  type: 'settings',
  title: 'Change a setting',
  target: 'node',
  fields: [{ name: 'path', kind: 'setting', label: 'the setting' }, { name: 'value', kind: 'number', label: 'its new value' }],
  describe: (a) => `setting ${a.path} changed to ${settingValueText(a.path as string, a.value as number)}`,
});

function settingValueText(path: string, value: number): string {
  const unit = numberRuleFor(path).unit;
  return unit === 'ns' ? formatDuration(value) : `${value}${unit ? ` ${unit}` : ''}`;
}
