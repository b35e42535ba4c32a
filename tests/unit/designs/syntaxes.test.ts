/**
 * The designs' own option syntaxes register apart from their info (designs/syntaxes.ts), so that
 * the simulation worker carries no parser and the page loads them when it needs them.
 */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import '../../../src/engine/designs/syntaxes';
import { allDesignInfos } from '../../../src/engine/designs/catalogue';
import { designSyntax } from '../../../src/engine/designs/registry';
import { applyOverrides } from '../../../src/engine/config/parseConfig';

describe('design option syntaxes', () => {
  it('every design that says it has options of its own has a parser, and only those', () => {
    const infos = allDesignInfos();
    expect(infos.filter((d) => d.ownOptions).length).toBeGreaterThanOrEqual(8);
    for (const info of infos) expect(designSyntax(info.id) !== undefined, info.id).toBe(info.ownOptions === true);
    const r = applyOverrides({ preset: 'mckernel', options: designSyntax('mckernel')!.example });
    expect(r.ok).toBe(true);
  });

  it('are not in the simulation worker, nor are the strace parser and the trace export (they load on first use)', async () => {
    const result = await build({
      entryPoints: ['src/worker/sim.worker.ts'],
      bundle: true,
      write: false,
      metafile: true,
      splitting: true,
      format: 'esm',
      outdir: 'out',
      minify: true,
      logLevel: 'silent',
    });
    // What the worker loads at start: its entry and the chunks it imports statically (not the dynamic ones).
    const outputs = result.metafile.outputs;
    const start = Object.keys(outputs).find((k) => outputs[k].entryPoint === 'src/worker/sim.worker.ts')!;
    const loaded = new Set<string>();
    const visit = (k: string) => {
      if (loaded.has(k)) return;
      loaded.add(k);
      for (const i of outputs[k].imports) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(start);
    const inputs = [...loaded].flatMap((k) => Object.keys(outputs[k].inputs).filter((p) => outputs[k].inputs[p].bytesInOutput > 0));
    expect(inputs.some((p) => p.includes('engine/node/model'))).toBe(true);
    expect(inputs.filter((p) => /config\/syntax\/|designs\/(cnk\/syntax|kitten\/syntax|hobbes\/(enclaveXml|xml)|argo\/manifest)|engine\/strace\/(parser|lineParser)|export\/chromeTrace/.test(p))).toEqual([]);
  });
});
