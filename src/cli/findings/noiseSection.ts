/** Section 2: the noise each kernel leaves on the application CPUs (FWQ), next to the noise studies. */
import { at, num } from '../compare/metricsPath';
import type { CompareRun } from '../compare/execute';
import { code, table } from './markdown';
import type { Measurer } from './measure';
import { count, ns, share, signedPct, times } from './phrases';
import { bspScenarios, FWQ_SCENARIOS } from './scenarios';
import { cite } from './sources';

function appInterrupts(r: CompareRun): number {
  const by = at(r.metrics, ['noise', 'app', 'interrupts']);
  return typeof by === 'object' && by !== null ? Object.values(by).reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0) : 0;
}

/** Interruptions per application CPU per second of the application's life. */
function interruptRate(r: CompareRun, untilNs: number): number | undefined {
  const cpus = num(r.metrics, 'noise.app.cpus');
  const launched = num(r.metrics, 'launchedAtNs') ?? 0;
  if (!cpus || untilNs <= launched) return undefined;
  return appInterrupts(r) / cpus / ((untilNs - launched) / 1e9);
}

export function noiseSection(m: Measurer, untilNs: number): string[] {
  const out: string[] = ['## 2. OS noise on the application CPUs (FWQ)', ''];
  const runs = new Map<string, CompareRun>();
  for (const s of FWQ_SCENARIOS) {
    const r = m.measure(s);
    if (r.ok) runs.set(s.label, r.run);
    else out.push(`> ${code(s.label)} was not run: the config checker rejects it (${r.errors.join('; ')}).`, '');
  }
  const lost = (r: CompareRun) => num(r.metrics, 'fwq.overhead') ?? 0;
  out.push(
    ...table(
      ['configuration', 'quanta', 'noise per quantum (mean)', 'noise per quantum (max)', 'time lost', 'interruptions per CPU per second'],
      [...runs].map(([label, r]) => {
        const rate = interruptRate(r, untilNs);
        return [code(label), count(num(r.metrics, 'fwq.quanta')), ns(num(r.metrics, 'fwq.meanNoiseNs')), ns(num(r.metrics, 'fwq.maxNoiseNs')), share(lost(r)), rate === undefined ? 'n/a' : rate.toFixed(1)];
      }),
    ),
    '',
  );
  const mos = runs.get('mos');
  const linux = runs.get('linux');
  const tuned = runs.get('linux-tuned');
  if (!mos || !linux) return [...out, '> Without both `mos` and `linux` there is nothing to compare.', ''];
  const vsMos = (r: CompareRun) =>
    lost(r) > lost(mos) ? `${times(lost(r), lost(mos))} ${code('mos')}'s ${share(lost(mos))}` : lost(r) < lost(mos) ? `less than ${code('mos')}'s ${share(lost(mos))}` : `as much as ${code('mos')}`;
  out.push(`- ${code('linux')} loses ${share(lost(linux))} of the application's time to noise, ${vsMos(linux)}.`);
  if (tuned) out.push(`- ${code('linux-tuned')} loses ${share(lost(tuned))}, ${vsMos(tuned)}.`);
  out.push(
    `- The longest interruption of one quantum: ${[...runs].map(([label, r]) => `${code(label)} ${ns(num(r.metrics, 'fwq.maxNoiseNs'))}`).join(', ')}.`,
    '',
    '### Next to published results',
    '',
  );

  const lessNoise = lost(mos) < lost(linux);
  out.push(
    `- Removing the sources of noise on ASCI Q's 8,192 processors improved application performance by up to a factor of 2 ${cite('sc03')}. ` +
      `In the model, ${code('mos')} leaves ${lessNoise ? 'less' : 'no less'} noise than ${code('linux')}: ${lessNoise ? 'the model agrees in direction' : '**the model disagrees**'}. ` +
      `Its magnitude cannot be compared on one node: ${code('linux')} loses ${share(lost(linux))} here, and a factor of 2 comes from thousands of processes waiting for the slowest at every synchronisation, which ${code('mos-explorer scale')} models and this document does not.`,
  );
  if (tuned) {
    const quieter = lost(tuned) < lost(mos);
    out.push(
      `- On Fugaku, a highly tuned Linux still trails McKernel by 4 % on average ${cite('sc21')}, which leads one to expect a tuned Linux to leave at least as much noise as an LWK. ` +
        `In the model, ${code('linux-tuned')} loses ${share(lost(tuned))} and ${code('mos')} ${share(lost(mos))}: ` +
        (quieter ? `**the model disagrees**: its tuned Linux is quieter than its LWK.` : `the model agrees.`),
    );
  }
  const net = 0.025;
  const rate = interruptRate(linux, untilNs);
  out.push(
    `- At 10,000 nodes, 2.5 % of net processor noise caused anything from no slowdown to a 20-fold one, depending only on how often it came and how long each interruption lasted ${cite('sc08')}. ` +
      `The model's ${code('linux')} noise is ${share(lost(linux))}, ${lost(linux) < net ? `about 1/${Math.round(net / lost(linux))} of` : `${times(lost(linux), net)}`} that level, ` +
      `in interruptions of up to ${ns(num(linux.metrics, 'fwq.maxNoiseNs'))} arriving ${rate === undefined ? 'at an unknown rate' : `${rate.toFixed(0)} times per CPU per second`}.`,
  );

  // Barrier waits of the BSP runs: the tail is what noise turns into at a synchronisation.
  const bsp = new Map<string, CompareRun>();
  for (const s of bspScenarios().slice(0, 4)) {
    const r = m.measure(s);
    if (r.ok) bsp.set(s.label, r.run);
  }
  const tail = (r: CompareRun) => {
    const p50 = num(r.metrics, 'syscalls.sync.p50Ns');
    const p99 = num(r.metrics, 'syscalls.sync.p99Ns');
    return p50 && p99 !== undefined ? p99 / p50 : undefined;
  };
  const mosBsp = bsp.get('mos-bsp');
  const linuxBsp = bsp.get('linux-bsp');
  if (mosBsp && linuxBsp) {
    const p99 = (r: CompareRun) => num(r.metrics, 'syscalls.sync.p99Ns') ?? 0;
    const c = p99(linuxBsp) > 0 ? (p99(mosBsp) - p99(linuxBsp)) / p99(linuxBsp) : 0;
    out.push(
      `- Whether noise limits an application at scale depends on its structure, not only its amount ${cite('sc10')}; at a barrier, it is the tail of the wait that grows with scale. ` +
        `In the BSP runs, the 99th percentile of a barrier wait is ${[...bsp].map(([label, r]) => `${code(label)} ${ns(num(r.metrics, 'syscalls.sync.p99Ns'))} (${(tail(r) ?? 0).toFixed(0)} times its median)`).join(', ')}. ` +
        (c < 0
          ? `${code('mos-bsp')}'s tail is shorter than ${code('linux-bsp')}'s (${signedPct(c)}), as the LWK's design intends ${cite('ross14')}.`
          : `**The model disagrees** with the LWK's aim ${cite('ross14')}: ${code('mos-bsp')}'s tail is ${c === 0 ? 'as long as' : `longer than`} ${code('linux-bsp')}'s (${signedPct(c)}).`),
    );
  }
  out.push('');
  return out;
}
