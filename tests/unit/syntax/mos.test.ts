/** mOS's own syntax (lwkctl and yod options), for mOS as built and the paper's function shipping. */
import { describe, expect, it } from 'vitest';
import '../../../src/engine/designs/syntaxes';
import { MOS_SYNTAX as S } from '../../../src/engine/config/syntax/mosSyntax';
import { applyOverrides } from '../../../src/engine/config/parseConfig';
import type { NodeConfig } from '../../../src/engine/config/nodeConfig';
import { designSyntax } from '../../../src/engine/designs/registry';
import { Role } from '../../../src/engine/node/kinds';
import { GiB } from '../../../src/engine/node/hardware';
import { errorsOf, KNL, parsed } from './helpers';

function configOf(options: string, preset = 'mos-as-built', extra: Record<string, unknown> = {}): NodeConfig {
  const r = applyOverrides({ preset, ...extra, options });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.config;
}

const settings = (c: NodeConfig) => ({
  partition: c.partitionText,
  syscallCpuOf: c.syscallCpuOf,
  lwkMem: c.lwkMem,
  rr: c.lwk.rrQuantumNs,
  kindOrder: c.memory.kindOrder,
  heapStepBytes: c.memory.heapStepBytes,
  workload: c.workload,
});

const PARTITION = 'lwkcpus=0.1-15,33-47:16.17-31,49-63 lwkmem=0:16G,1:16G';

describe('lwkctl and yod options', () => {
  it('are the syntax of mOS as built and of the paper\'s function shipping; the example parses', () => {
    expect(designSyntax('evanescence')).toBe(S);
    expect(designSyntax('shipping')).toBe(S);
    expect(parsed(S, S.example).warnings).toEqual([]);
  });

  it("map lwkctl -c to the partition, yod -R 1/N to N ranks, -o lwksched-enable-rr to the LWK's round-robin quantum", () => {
    const text = `lwkctl -c '${PARTITION}' ; yod -R 1/4 -o lwksched-enable-rr=10 ./app`;
    expect(parsed(S, text).overrides).toEqual({ partition: PARTITION, workload: { kind: 'bsp', processes: 4 }, lwk: { rrQuantumNs: 10_000_000 } });
    for (const preset of ['mos-as-built', 'mos-bsp']) {
      const c = configOf(text, preset);
      expect(c.lwk.rrQuantumNs).toBe(10_000_000);
      expect(c.lwkMem).toEqual([{ numa: 0, bytes: 16 * GiB }, { numa: 1, bytes: 16 * GiB }]);
      expect(c.roles[16]).toBe(Role.Syscall);
      expect(c.syscallCpuOf[20]).toBe(16);
      expect(c.workload).toMatchObject({ kind: 'bsp', processes: 4 });
    }
    // -R as a decimal fraction, or all (one rank).
    expect(parsed(S, 'yod -R 0.125 ./app').overrides).toEqual({ workload: { kind: 'bsp', processes: 8 } });
    expect(parsed(S, 'yod --resources=all ./app').overrides).toEqual({ workload: { kind: 'bsp', processes: 1 } });
    expect(parsed(S, 'yod -o lwksched-enable-rr=0 ./app').overrides).toEqual({ lwk: { rrQuantumNs: 0 } });
  });

  it('map -p all:<order> to the memory kind order (backfilled as yod does) and lwkmem-heap-page-size to the heap step', () => {
    expect(parsed(S, 'yod -p all:dram -o lwkmem-heap-page-size=1g ./app').overrides).toEqual({ memory: { kindOrder: ['DDR', 'HBM'], heapStepBytes: GiB } });
    expect(parsed(S, 'yod --memory-preference=all:nvram,hbm ./app').overrides).toEqual({ memory: { kindOrder: ['HBM', 'DDR'] } });
    expect(configOf('yod -p all:dram ./app', 'xeon-phi').memory.kindOrder).toEqual(['DDR', 'HBM']);
  });

  it('read lwkcpu_profile, lwkcpus=auto and lwkmem=auto[:max] as lwkctl does, and say what the model makes of them', () => {
    const r = parsed(S, "lwkctl --create='lwkcpus=auto lwkcpu_profile=debug lwkmem=auto:max'");
    expect(r.overrides).toEqual({ partition: 'lwkcpus=0.1-15,33-47:16.17-31,49-63 lwkmem=0:95G,1:95G' });
    expect(r.warnings).toEqual([
      ["lwkcpus=auto: mOS picks the LWK CPUs from the topology; the model uses its default partition's, 0.1-15,33-47:16.17-31,49-63", 'lwkcpus=auto'],
      ['lwkcpu_profile=debug is accepted, has no effect in the model (the CPU hotplug states LWK CPUs boot through)', 'lwkcpu_profile=debug'],
      ['lwkmem=auto:max: all the memory the LWK may take, 0:95G,1:95G', 'lwkmem=auto:max'],
    ]);
    expect(parsed(S, "lwkctl -c 'lwkcpus=0.1-15 lwkmem=auto'").overrides).toEqual({ partition: 'lwkcpus=0.1-15 lwkmem=0:88G,1:88G' });
  });

  it('underline problems inside the quoted partition where they were written', () => {
    const text = "lwkctl -c 'lwkcpus=0.1-15:16.17-31 lwkmem=0:16G,1:100G'";
    expect(errorsOf(S, text)).toEqual([
      ['NUMA domain 1 (DDR, 96 GiB) cannot give 100 GiB to the LWK: at most 95 GiB is available (Linux keeps 1 GiB on a domain where it has CPUs)', '100G'],
    ]);
    // After a substituted auto field, positions still point at the text as written.
    expect(errorsOf(S, "lwkctl -c 'lwkmem=auto lwkcpus=0.1-99'")).toEqual([['CPUs 64-99 do not exist: this node has CPUs 0-63', '1-99']]);
    expect(errorsOf(S, 'lwkctl -c "lwkcpus=0.1-15 lwkmem=0:16G" extra')).toEqual([["lwkctl takes no words after its options, found 'extra': quote the partition, lwkctl -c '…'", 'extra']]);
    expect(errorsOf(S, "lwkctl -c 'lwkcpu=0.1-15 lwkmem=0:16G'")).toEqual([
      ["unknown key 'lwkcpu': expected lwkcpus or lwkmem; did you mean lwkcpus?", 'lwkcpu'],
      ['missing lwkcpus=<syscall cpu>.<LWK cpus>, e.g. lwkcpus=0.1-13:14.15-27', 'lwkcpu=0.1-15 lwkmem=0:16G'],
    ]);
  });

  it('check yod as yod checks it, and name each problem where it is', () => {
    const p = `lwkctl -c '${PARTITION}' ; `;
    const cases: [string, [string, string][]][] = [
      [`${p}yod -R 1/4 -c 1-4 -M 1G ./app`, [['yod -R may not be combined with --cpus, --cores or --mem', '-c 1-4']]],
      [`${p}yod -C 2 ./app`, [['yod -C requires --mem/-M to also be specified', '-C 2']]],
      [`${p}yod -M 1G ./app`, [['yod -M requires either --cores/-C or --cpus/-c to also be specified', '-M 1G']]],
      [`${p}yod -c 0-3,16 -M 1G ./app`, [['yod --cpus: CPUs 0,16 are not LWK CPUs (lwkcpus= designates 1-15,17-31,33-47,49-63): yod reserves LWK CPUs only', '0-3,16']]],
      [`${p}yod -c 0x1 -M 1G ./app`, [['yod --cpus: CPU 0 is not an LWK CPU (lwkcpus= designates 1-15,17-31,33-47,49-63): yod reserves LWK CPUs only', '0x1']]],
      [`${p}yod -C 31 -M 1G ./app`, [['yod --cores 31: only 30 whole LWK cores are designated', '31']]],
      [`${p}yod -C 2 -M 33G ./app`, [['yod --mem 33G: requested memory exceeds memory designated for LWK usage (32 GiB)', '33G']]],
      [`${p}yod -R 0 ./app`, [['yod -R 0: a fraction must be in (0, 1]', '0']]],
      [`${p}yod -R half ./app`, [["yod -R: cannot read 'half': expected 1/N, a fraction such as 0.25, all, MPI or file:<map>", 'half']]],
      [`${p}yod -R 1/64 ./app`, [['yod -R 1/64: requested fractional number of compute cores is zero (1/64 of 30 whole LWK cores < 1; yod counts the cores whose every thread is an LWK CPU)', '1/64']]],
      ['yod -o lwksched-enable-r=10 ./app', [["unknown mOS option 'lwksched-enable-r': did you mean lwksched-enable-rr?", 'lwksched-enable-r']]],
      ['yod -o lwksched-enable-rr=1.5 ./app', [['lwksched-enable-rr takes a whole number of milliseconds (0 turns round-robin off), e.g. lwksched-enable-rr=10', '1.5']]],
      ['yod -o lwksched-enable-rr ./app', [['lwksched-enable-rr takes a whole number of milliseconds (0 turns round-robin off), e.g. lwksched-enable-rr=10', 'lwksched-enable-rr']]],
      ['yod -o lwkmem-heap-page-size=8k ./app', [['lwkmem-heap-page-size takes a page size: 4k, 2m, 4m or 1g', '8k']]],
      ['yod -p all:dram,ddr ./app', [["yod --memory-preference: invalid memory type 'ddr' (one of hbm, dram, nvram)", 'ddr']]],
      ['yod -p everything:dram ./app', [["yod --memory-preference: invalid scope 'everything' (one of mmap, stack, static, brk, all)", 'everything']]],
      ['yod -p all:hbm,hbm ./app', [["yod --memory-preference: memory type 'hbm' is given more than once", 'hbm']]],
      ['yod -R 1/4', [['yod needs the program to run, e.g. yod -R 1/4 ./app', 'yod -R 1/4']]],
      ['yod --resourses ./app', [["unknown yod option '--resourses': did you mean --resources?", '--resourses']]],
      ['yod --resource ./app', [["yod option '--resource' is ambiguous: it could be --resources or --resource_algorithm", '--resource']]],
      ['yod -x ./app', [["unknown yod option '-x' (its short options: -R, -c, -C, -M, -p, -o, -u, -v, -h)", '-x']]],
      ['lwkctl -c ; yod ./app', [['lwkctl -c needs a value: the partition, e.g. -c \'lwkcpus=0.1-15:16.17-31 lwkmem=0:16G,1:16G\'', '-c']]],
      ['yd -R 1/4 ./app', [["unknown command 'yd': expected lwkctl or yod; did you mean yod?", 'yd']]],
    ];
    for (const [text, expected] of cases) expect(errorsOf(S, text), text).toEqual(expected);
  });

  it('accept the options the model does not use, each with a warning naming it', () => {
    const text = `lwkctl -p yes -f -c '${PARTITION}' ; yod -C 2 -M 1G -u 1 --layout compact --aligned-mmap 1G --brk-clear-length 4K --mosview lwk -o move-syscalls-disable -p mmap:65536:hbm ./app`;
    expect(parsed(S, text).warnings).toEqual([
      ['lwkctl -p is accepted, has no effect in the model (fail instead of creating a smaller partition; the model rejects what a node cannot give)', '-p yes'],
      ['lwkctl -f is accepted, has no effect in the model (partitions even while a job runs)', '-f'],
      ["yod -C is accepted, has no effect in the model (the model's job runs on every LWK CPU)", '-C 2'],
      ['yod -M is accepted, has no effect in the model (the model gives the job all LWK memory)', '-M 1G'],
      ['yod -u is accepted, has no effect in the model (utility threads placed apart; the model has none)', '-u 1'],
      ['yod --layout is accepted, has no effect in the model (the order threads take the reserved CPUs in)', '--layout compact'],
      ['yod --aligned-mmap is accepted, has no effect in the model (alignment of large anonymous mmaps)', '--aligned-mmap 1G'],
      ['yod --brk-clear-length is accepted, has no effect in the model (how much of a grown heap brk zeroes; the model zeroes each heap step)', '--brk-clear-length 4K'],
      ['yod --mosview is accepted, has no effect in the model (which resources the process sees (lwk or all))', '--mosview lwk'],
      ['yod -o move-syscalls-disable is accepted, has no effect in the model', 'move-syscalls-disable'],
      ['yod --memory-preference mmap:65536:hbm is accepted, has no effect in the model (it has one order for every allocation: give all:<order>)', 'mmap:65536:hbm'],
    ]);
    expect(parsed(S, 'yod -R 3/4 ./app')).toEqual({
      overrides: {},
      warnings: [['yod -R 3/4 is accepted, has no effect in the model (its ranks share all LWK CPUs equally: only 1/N, N ranks, maps)', '-R 3/4']],
    });
    expect(parsed(S, 'yod -R MPI ./app').warnings).toEqual([
      ["yod -R MPI is accepted, has no effect in the model (the share comes from the MPI launcher's environment; the model keeps its configured ranks)", '-R MPI'],
    ]);
  });

  it('print a configuration canonically, and printing what it reads gives the same settings back', () => {
    const texts = [
      S.example,
      `yod -o lwksched-enable-rr=25 -p all:dram -o lwkmem-heap-page-size=4k ./app\nlwkctl -c 'lwkmem=1:8G,0:4G lwkcpus=48.17-31,49-63:0.1-7,33-39'`,
      'yod -R 1/2 ./app',
      "lwkctl -c 'lwkcpus=1-15,33-47:0.17-31,49-63 lwkmem=0:1G'",
    ];
    for (const preset of ['mos-as-built', 'mos-bsp']) {
      for (const text of texts) {
        const first = configOf(text, preset);
        const canonical = S.print(first);
        const again = configOf(canonical, preset);
        expect(settings(again), text).toEqual(settings(first));
        expect(S.print(again)).toBe(canonical);
      }
    }
    expect(S.print(configOf(texts[1], 'mos-as-built'))).toBe(
      "lwkctl -c 'lwkcpus=48.17-31,49-63:0.1-7,33-39 lwkmem=0:4G,1:8G' ; yod -R 1/4 -p all:dram,hbm -o lwksched-enable-rr=25 -o lwkmem-heap-page-size=4k ./app",
    );
    // A FWQ configuration prints no -R (one process), and the Xeon Phi's partition round-trips.
    const phi = configOf('', 'xeon-phi');
    expect(S.print(phi)).toBe(`lwkctl -c '${phi.partitionText}' ; yod -p all:hbm,dram -o lwksched-enable-rr=0 -o lwkmem-heap-page-size=2m ./app`);
    expect(settings(configOf(S.print(phi), 'xeon-phi'))).toEqual(settings(phi));
    expect(parsed(S, S.print(phi), KNL).warnings).toEqual([]);
  });

  it('through a config file: the design without a syntax says so; explicit keys win', () => {
    const none = applyOverrides({ preset: 'linux-bsp', options: 'yod ./app' });
    expect(none.ok).toBe(false);
    const c = configOf('yod -o lwksched-enable-rr=10 ./app', 'mos-as-built', { lwk: { rrQuantumNs: 2_000_000 } });
    expect(c.lwk.rrQuantumNs).toBe(2_000_000);
    const bad = applyOverrides({ preset: 'mos-bsp', options: "lwkctl -c 'lwkcpus=0.1-99 lwkmem=0:1G'" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toBe('config: options: CPUs 64-99 do not exist: this node has CPUs 0-63 (characters 22-25: "1-99")');
  });
});
