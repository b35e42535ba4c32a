/**
 * A design is registered in two parts: its info (the page's catalogue, no simulation code) and its
 * behaviour (the worker's and the CLI's). They must describe the same designs, and the catalogue
 * must stay free of the simulation, or the page's bundle carries the engine.
 */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { allDesignInfos } from '../../../src/engine/designs/catalogue';
import { allDesigns } from '../../../src/engine/designs';

describe('design catalogue', () => {
  it('has one behaviour per info, in the same order, each extending its info unchanged', () => {
    const infos = allDesignInfos();
    const designs = allDesigns();
    expect(designs.map((d) => d.id)).toEqual(infos.map((i) => i.id));
    for (const [i, info] of infos.entries()) {
      for (const [key, value] of Object.entries(info)) expect((designs[i] as unknown as Record<string, unknown>)[key], `${info.id}.${key}`).toBe(value);
      expect(typeof designs[i].triage).toBe('function');
    }
  });

  it('loads no simulation code (node model, syscall path, OS nodes, workloads)', async () => {
    const result = await build({
      stdin: { contents: "export * from './src/engine/designs/catalogue'; export * from './src/engine/designs/enclaves';", resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      outfile: 'catalogue.js',
      minify: true,
      logLevel: 'silent',
    });
    // What ends up in the output (an import whose code is all shaken off carries nothing).
    const output = Object.values(result.metafile.outputs)[0].inputs;
    const inputs = Object.keys(output).filter((p) => output[p].bytesInOutput > 0);
    const simulation = inputs.filter((p) => /src\/engine\/(node\/(?!kinds|hardware|topologies)|syscalls\/(?!x86_64Table)|osnode\/(?!params)|workloads\/|kernel\/(?!time))/.test(p));
    expect(simulation).toEqual([]);
    expect(inputs.some((p) => p.includes('designs/info/hobbes'))).toBe(true);
  });
});
