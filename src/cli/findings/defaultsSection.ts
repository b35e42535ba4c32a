/** Section 1: the BSP mini-app on every kernel with the model's defaults, next to the published speed-ups. */
import { num } from '../compare/metricsPath';
import type { CompareRun } from '../compare/execute';
import { code, table } from './markdown';
import type { Measurer } from './measure';
import { change, count, moreOrFewer, ns, pct, signedPct, times, verdict } from './phrases';
import { bspScenarios, lwkBspLabels, TUNED_BSP_LABEL } from './scenarios';
import { cite } from './sources';
import { seedsSection } from './seedsSection';

const iterations = (r: CompareRun) => num(r.metrics, 'progress.iterations') ?? 0;

/** "The model agrees in direction." or a plain disagreement, for a design aim without a published magnitude. */
function direction(model: number, expectedSign: 1 | -1, what: string): string {
  if (model * expectedSign > 0) return `The model agrees in direction (${signedPct(model)}).`;
  return `**The model disagrees:** it shows ${model === 0 ? 'no difference' : signedPct(model)} where the design expects ${what}.`;
}

export function defaultsSection(m: Measurer): string[] {
  const out: string[] = ['## 1. The BSP mini-app with the defaults', ''];
  const runs = new Map<string, CompareRun>();
  for (const s of bspScenarios()) {
    const r = m.measure(s);
    if (r.ok) runs.set(s.label, r.run);
    else out.push(`> ${code(s.label)} was not run: the config checker rejects it (${r.errors.join('; ')}).`, '');
  }
  out.push(
    `${code(TUNED_BSP_LABEL)} is ${code('linux-bsp')} on the tuned Linux of ${code('linux-tuned')} (nohz_full with its residual sources, isolcpus, IRQ affinity, transparent huge pages).`,
    '',
  );

  const linux = runs.get('linux-bsp');
  const tunedRun = runs.get(TUNED_BSP_LABEL);
  const rel = (r: CompareRun, base: CompareRun | undefined) => (base ? signedPct(change(iterations(r), iterations(base))) : 'n/a');
  out.push(
    ...table(
      ['configuration', 'BSP iterations', 'vs linux-bsp', `vs ${TUNED_BSP_LABEL}`, 'barrier wait (mean)', 'barrier wait (p99)', 'Linux-route call (p50)', 'page faults', 'Linux CPUs busy'],
      [...runs].map(([label, r]) => [
        code(label),
        count(iterations(r)),
        rel(r, linux),
        rel(r, tunedRun),
        ns(num(r.metrics, 'syscalls.sync.meanNs')),
        ns(num(r.metrics, 'syscalls.sync.p99Ns')),
        (num(r.metrics, 'syscalls.routes.linux.count') ?? 0) > 0 ? ns(num(r.metrics, 'syscalls.routes.linux.p50Ns')) : 'n/a',
        count((num(r.metrics, 'memory.pageFaults.linuxCpus') ?? 0) + (num(r.metrics, 'memory.pageFaults.lwkCpus') ?? 0)),
        (() => {
          const u = num(r.metrics, 'linuxCpuTime.utilisation');
          return u === undefined ? 'n/a' : pct(u);
        })(),
      ]),
    ),
    '',
  );
  if (!linux) return [...out, '> Without the `linux-bsp` run there is nothing to compare with.', ''];

  for (const label of lwkBspLabels()) {
    const r = runs.get(label);
    if (!r) continue;
    const vsTuned = tunedRun ? ` and ${moreOrFewer(iterations(r), iterations(tunedRun), 'iterations')} ${code(TUNED_BSP_LABEL)} (${count(iterations(tunedRun))})` : '';
    out.push(`- ${code(label)} completes ${count(iterations(r))} iterations, ${moreOrFewer(iterations(r), iterations(linux), 'iterations')} ${code('linux-bsp')} (${count(iterations(linux))})${vsTuned}.`);
  }
  const mos = runs.get('mos-bsp');
  const shipped = mos && num(mos.metrics, 'syscalls.routes.linux.p50Ns');
  const native = num(linux.metrics, 'syscalls.routes.linux.p50Ns');
  if (mos && shipped !== undefined && native !== undefined && native > 0) {
    out.push(
      `- A call ${code('mos-bsp')} ships to Linux takes ${ns(shipped)} at the median, ${times(shipped, native)} a native Linux call in ${code('linux-bsp')} (${ns(native)}); ` +
        `${code('mos-bsp')}'s mean barrier wait is ${ns(num(mos.metrics, 'syscalls.sync.meanNs'))} against ${ns(num(linux.metrics, 'syscalls.sync.meanNs'))}.`,
    );
  }
  out.push('', ...seedsSection(m), '### Next to published results', '');

  const mck = runs.get('mckernel');
  if (mck) {
    const c = change(iterations(mck), iterations(linux));
    out.push(
      `- McKernel outperforms the moderately tuned Linux of Oakforest-PACS by up to about 2x ${cite('sc21')}. ` +
        `In the model, ${code('mckernel')} against the untuned ${code('linux-bsp')}: ${signedPct(c)}. ${verdict(c, { sign: 1, range: [0, 1] })}`,
    );
    if (tunedRun) {
      const t = change(iterations(mck), iterations(tunedRun));
      out.push(
        `- Against Fugaku's highly tuned Linux, McKernel is 4 % faster on average, with a few cases up to 29 % ${cite('sc21')}. ` +
          `In the model, ${code('mckernel')} against ${code(TUNED_BSP_LABEL)}: ${signedPct(t)}. ${verdict(t, { sign: 1, range: [0, 0.29], typical: { value: 0.04, name: 'average' } })}`,
      );
    }
  }
  const published18 = { sign: 1, range: [0, 2.8], typical: { value: 0.09, name: 'median' } } as const;
  const asBuilt = runs.get('mos-as-built');
  const parts = [asBuilt && ['mos-as-built', asBuilt], mck && ['mckernel', mck]].filter((x): x is [string, CompareRun] => !!x);
  if (parts.length) {
    out.push(
      `- On 2,048 Xeon Phi nodes, mOS and McKernel improve on Linux by a median of 9 %, some applications by as much as 280 % ${cite('ipdps18')}. In the model: ` +
        parts.map(([label, r]) => {
          const c = change(iterations(r), iterations(linux));
          return `${code(label)} ${signedPct(c)} against ${code('linux-bsp')}. ${verdict(c, published18)}`;
        }).join(' '),
    );
  }
  if (mos) {
    const c = change(iterations(mos), iterations(linux));
    out.push(
      `- The mOS design gives the application's CPUs to the LWK so that Linux's activity stays off them, and ships the calls the LWK does not implement to Linux ${cite('ross14')}; it expects the application to gain. ` +
        `In the model, ${code('mos-bsp')} (that design's function shipping) against ${code('linux-bsp')}: ${direction(c, 1, 'a gain')}`,
    );
  }
  out.push('');
  return out;
}
