/** Hobbes' enclave files as the design's options: round trips, and errors placed in the text. */
import { describe, expect, it } from 'vitest';
import '../../../src/engine/designs/syntaxes';
import { PRESETS } from '../../../src/engine/config/presets';
import { applyOverrides } from '../../../src/engine/config/parseConfig';
import { topologyByName } from '../../../src/engine/node/topologies';
import { ENCLAVE_SYNTAX, parseEnclave, printEnclave } from '../../../src/engine/designs/hobbes/enclaveXml';
import { parseXml } from '../../../src/engine/designs/hobbes/xml';
import { quietNode } from '../node/helpers';

const twoSocket = topologyByName('two-socket')!;

function errorsOf(text: string): [string, string][] {
  const r = parseEnclave(text, twoSocket);
  if (r.ok) throw new Error(`expected an error for ${text}`);
  return r.errors.map((e) => [e.message, text.slice(e.start, e.end)]);
}

describe('hobbes enclave files', () => {
  it('the preset\'s enclave file gives back the preset, and the example is the preset\'s enclave', () => {
    const text = printEnclave(PRESETS.hobbes);
    expect(text).toContain('<cores numa="0">29</cores>');
    const r = applyOverrides({ preset: 'hobbes', options: text });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.config).toEqual(PRESETS.hobbes);
    const example = parseEnclave(ENCLAVE_SYNTAX.example, twoSocket);
    if (!example.ok) throw new Error(example.errors.map((e) => e.message).join('\n'));
    expect(example.overrides.partition).toBe(PRESETS.hobbes.partitionText);
  });

  it('an enclave over both sockets is the default mOS partition; an odd CPU set prints as explicit cores', () => {
    const two = applyOverrides({ preset: 'mos-bsp', syscalls: { mechanism: 'hobbes' }, options: printEnclave(PRESETS['mos-bsp']) });
    if (!two.ok) throw new Error(two.errors.join('\n'));
    expect(two.config.partitionText).toBe(PRESETS['mos-bsp'].partitionText);
    expect(two.config.syscallCpuOf).toEqual(PRESETS['mos-bsp'].syscallCpuOf);
    const odd = quietNode({ partition: 'lwkcpus=0.2-9,40 lwkmem=0:4G', workload: { kind: 'fwq', quantumNs: 1_000_000 } });
    const text = printEnclave(odd);
    expect(text).toContain('<core>40</core>');
    const back = parseEnclave(text, twoSocket);
    if (!back.ok) throw new Error(back.errors.map((e) => e.message).join('\n'));
    expect(back.overrides.partition).toBe(odd.partitionText);
  });

  it('reads values as attributes or as child elements, as Hobbes does, and sums boot memory, blocks and nodes', () => {
    const r = parseEnclave('<enclave><type>pisces</type><boot_env><numa>1</numa><cpu>17</cpu><memory size="256"/></boot_env><cpus><core>18</core></cpus><memory><blocks numa="1">6</blocks></memory></enclave>', twoSocket);
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    expect(r.overrides.partition).toBe('lwkcpus=16.17-18 lwkmem=1:1G');
    const node = parseEnclave('<enclave type="pisces"><cpus><cores numa="1">4</cores></cpus><memory><node>1</node></memory></enclave>', twoSocket);
    if (!node.ok) throw new Error(node.errors.map((e) => e.message).join('\n'));
    expect(node.overrides.partition).toBe('lwkcpus=0.1:16.17-20 lwkmem=0:128M,1:88G');
  });

  it('places its errors in the text', () => {
    expect(errorsOf('<enclave type="pisces"><cpus><cores numa="0">31</cores></cpus></enclave>')[0]).toEqual(["only 29 free CPU(s) left in zone 0 (the zone's first core stays with Linux)", '31']);
    expect(errorsOf('<enclave type="vm"/>')[0]).toEqual(['VM enclaves (Palacios) are not modelled: only type="pisces"', 'vm']);
    expect(errorsOf('<enclave/>')[0]).toEqual(['the enclave type is missing: type="pisces"', 'enclave']);
    expect(errorsOf('<pisces/>')[0][1]).toBe('pisces');
    expect(errorsOf('<enclave type="pisces"><cpu>3</cpu></enclave>')[0]).toEqual([expect.stringMatching(/^<cpu> is not part of <enclave> \(known: name, type/), 'cpu']);
    expect(errorsOf('<enclave type="pisces" type="x"/>')[0][0]).toBe('attribute type given twice');
    expect(errorsOf('<enclave type="pisces"><type>pisces</type></enclave>')[0][0]).toMatch(/given both as an attribute and as <type>/);
    expect(errorsOf('<enclave type="pisces"><cpus><core>x1</core></cpus></enclave>')[0]).toEqual(["<core>: expected a whole number, got 'x1'", 'x1']);
    expect(errorsOf('<enclave type="pisces"><cpus><core>64</core></cpus></enclave>')[0][0]).toBe('<core>: 64 is out of range (0 to 63)');
    expect(errorsOf('<enclave type="pisces"><boot_env cpu="1"/><cpus><core>1</core></cpus></enclave>')[0]).toEqual(['CPU 1 is already in the enclave', '1']);
    expect(errorsOf('<enclave type="pisces"><memory><blocks numa="0" contig="1">2</blocks></memory></enclave>')[0][1]).toBe('1');
    expect(errorsOf('<enclave type="pisces"><memory><blocks numa="0">800</blocks></memory></enclave>')[0][0]).toMatch(/^the enclave gives the partition "lwkcpus=0\.1 lwkmem=0:102528M", which is not valid/);
    expect(errorsOf('<enclave type="pisces"><cpus></enclave>')[0]).toEqual(['</enclave> does not close <cpus> (opened at character 24)', '</enclave>']);
    expect(errorsOf('<enclave type=pisces/>')[0]).toEqual(['the value of type must be in quotes', 'p']);
  });

  it('warns about what it does not model', () => {
    const r = parseEnclave('<enclave type="pisces"><boot_env><memory size="200"/></boot_env><devices><vpci name="nic_1"/></devices></enclave>', twoSocket);
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    expect(r.warnings.map((w) => w.message)).toEqual([
      '<devices> is not modelled (the node model has no devices or files to hand over)',
      '200 MB is not a multiple of the 128 MB memory block: truncated, as Hobbes does',
    ]);
  });
});

describe('the XML reader', () => {
  it('keeps places, decodes entities and skips comments and the prolog', () => {
    const text = '<?xml version="1.0"?>\n<!-- c --><a x="1&amp;2"><b>t&lt;u</b></a>';
    const r = parseXml(text);
    if (!r.ok) throw new Error(r.errors[0].message);
    expect(r.root.attrs[0].value).toBe('1&2');
    const b = r.root.children[0];
    expect(b.text).toBe('t<u');
    expect(text.slice(b.textStart, b.textEnd)).toBe('t&lt;u');
    expect(text.slice(b.start, b.end)).toBe('<b>t&lt;u</b>');
  });

  it('rejects what is not well formed, with the place', () => {
    const place = (text: string) => {
      const r = parseXml(text);
      if (r.ok) throw new Error('expected an error');
      return [r.errors[0].message, text.slice(r.errors[0].start, r.errors[0].end)];
    };
    expect(place('<a><b></a>')).toEqual(['</a> does not close <b> (opened at character 4)', '</a>']);
    expect(place('<a>')).toEqual(['<a> is never closed: add </a>', '<a']);
    expect(place('<a/><b/>')).toEqual(['a second top-level element <b>: a file holds one (the first is <a>)', '<b']);
    expect(place('<a>&nbsp;</a>')).toEqual(["unknown entity '&nbsp;': use &lt; &gt; &amp; &quot; or &apos;", '&nbsp;']);
    expect(place('x<a/>')).toEqual(['text outside the top-level element', 'x']);
    expect(place('<!-- open')).toEqual(['comment not closed: end it with -->', '<!--']);
  });
});
