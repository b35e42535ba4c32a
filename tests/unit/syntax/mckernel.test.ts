/** The McKernel-style design's own syntax: mcreboot.sh and mcexec options. */
import { describe, expect, it } from 'vitest';
import '../../../src/engine/designs/syntaxes';
import { MCKERNEL_SYNTAX as S } from '../../../src/engine/config/syntax/mckernelSyntax';
import { applyOverrides } from '../../../src/engine/config/parseConfig';
import type { NodeConfig } from '../../../src/engine/config/nodeConfig';
import { Role } from '../../../src/engine/node/kinds';
import { GiB } from '../../../src/engine/node/hardware';
import { designSyntax } from '../../../src/engine/designs/registry';
import { errorsOf, KNL, parsed } from './helpers';

function configOf(options: string, extra: Record<string, unknown> = {}, preset = 'mckernel'): NodeConfig {
  const r = applyOverrides({ preset, ...extra, options });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.config;
}

/** What the syntax sets, as the configuration holds it. */
const settings = (c: NodeConfig) => ({
  partition: c.partitionText,
  syscallCpuOf: c.syscallCpuOf,
  lwkMem: c.lwkMem,
  proxyThreads: c.syscalls.proxyThreads,
  proxyAffinity: c.syscalls.proxyAffinity,
  heapStepBytes: c.memory.heapStepBytes,
  workload: c.workload,
});

describe('mcreboot.sh and mcexec options', () => {
  it('is the syntax of the McKernel-style design, and its example parses', () => {
    expect(designSyntax('mckernel')).toBe(S);
    expect(parsed(S, S.example).warnings).toEqual([]);
  });

  it('map -c, -m and -r to a partition, -n to BSP ranks, -t to proxy threads, -h to the heap step', () => {
    const text = 'mcreboot.sh -c 2-15,18-31 -m 32G@0,32G@1 -r 2-15:0+18-31:16 ; mcexec -n 4 -t 2 -h 4M ./app';
    expect(parsed(S, text).overrides).toEqual({
      partition: 'lwkcpus=0.2-15:16.18-31 lwkmem=0:32G,1:32G',
      syscalls: { proxyThreads: 2, proxyAffinity: 'syscall-cpu' },
      workload: { kind: 'bsp', processes: 4 },
      memory: { heapStepBytes: 4 * 1024 * 1024 },
    });
    const c = configOf(text);
    expect(c.roles[2]).toBe(Role.Lwk);
    expect(c.roles[0]).toBe(Role.Syscall);
    expect(c.roles[16]).toBe(Role.Syscall);
    expect(c.roles[1]).toBe(Role.Linux);
    expect(c.roles[40]).toBe(Role.Linux);
    // Each group's IKC target is its syscall CPU.
    expect(c.syscallCpuOf[5]).toBe(0);
    expect(c.syscallCpuOf[20]).toBe(16);
    expect(c.lwkMem).toEqual([{ numa: 0, bytes: 32 * GiB }, { numa: 1, bytes: 32 * GiB }]);
    expect(c.appCpus).toHaveLength(28);
    expect(c.workload).toMatchObject({ kind: 'bsp', processes: 4 });
    expect(c.syscalls.proxyThreads).toBe(2);
    expect(c.syscalls.mechanism).toBe('mckernel');
  });

  it('accept the commands in either order, on two lines, with a path, sudo or an MPI launcher', () => {
    const a = parsed(S, 'mcexec -n 2 ./app\n/opt/mck/sbin/mcreboot.sh -c 1-15,33-47 -m 1G@0 -r 1-15,33-47:0').overrides;
    const b = parsed(S, 'sudo mcreboot.sh -c 1-15,33-47 -m 1G@0 -r 1-15,33-47:0 && mpirun -n 8 -ppn 2 mcexec -n 2 ./app');
    expect(b.overrides).toEqual(a);
    expect(b.warnings).toEqual([['mpirun and its options are accepted, have no effect in the model (it models one node)', 'mpirun -n 8 -ppn 2']]);
    // Clustered flags, -cVALUE and --long=VALUE are read as getopt reads them.
    expect(parsed(S, 'mcreboot.sh -tO -c1-15 -m1G@0 -r1-15:0; mcexec --extend-heap-by=8M ./a').overrides).toEqual({
      partition: 'lwkcpus=0.1-15 lwkmem=0:1G',
      memory: { heapStepBytes: 8 * 1024 * 1024 },
    });
  });

  it('--no-bind-ikc-map keeps the proxies on the NUMA node instead of the IKC target CPUs', () => {
    expect(parsed(S, 'mcexec -n 4 --no-bind-ikc-map ./app').overrides).toEqual({ syscalls: { proxyAffinity: 'domain' }, workload: { kind: 'bsp', processes: 4 } });
    expect(configOf('mcexec -n 4 ./app').syscalls.proxyAffinity).toBe('syscall-cpu');
  });

  it("use mcreboot.sh's defaults for a missing -c, -m or -r, and say so", () => {
    const r = parsed(S, 'mcreboot.sh ; mcexec ./app');
    // The second half of node 0's CPUs in lscpu order (0-15,32-47): 32-47; 512M@0; IKC to CPU 0.
    expect(r.overrides).toEqual({ partition: 'lwkcpus=0.32-47 lwkmem=0:512M' });
    expect(r.warnings.slice(0, 3)).toEqual([
      ["no -c: mcreboot.sh takes the second half of NUMA node 0's CPUs, 32-47", 'mcreboot.sh'],
      ['no -r: every McKernel CPU sends its IKC messages to Linux CPU 0 (ihk_ikc_irq_core=0)', 'mcreboot.sh'],
      ['no -m: mcreboot.sh reserves 512M@0, its default', 'mcreboot.sh'],
    ]);
    // Those CPUs are the second threads of cores 0-15, whose first threads Linux keeps.
    expect(r.warnings[3]).toEqual(['Linux CPU 0 and LWK CPU 32 are SMT siblings (core 0): they share the core, so Linux activity slows the LWK thread; give both threads to one side', 'mcreboot.sh']);
    expect(r.warnings.slice(3)).toHaveLength(9);
  });

  it('name each problem and underline where it is', () => {
    const cases: [string, [string, string][]][] = [
      ['mcreboot.sh -c 2-15,64-70 -m 1G@0 -r 2-15:0', [['CPUs 64-70 do not exist: this node has CPUs 0-63', '64-70']]],
      ['mcreboot.sh -c 2-15,10-12 -m 1G@0 -r 2-15:0', [['CPUs 10-12 listed twice in -c', '10-12']]],
      ['mcreboot.sh -c 2-15 -m 1G@0 -r 2-15:3', [['IKC target CPU 3 is a McKernel CPU (in -c): IKC messages go to a Linux CPU', '3']]],
      ['mcreboot.sh -c 2-15 -m 1G@0 -r 2-15:99', [['IKC target CPU 99 does not exist: this node has CPUs 0-63', '99']]],
      ['mcreboot.sh -c 2-15 -m 1G@0 -r 2-17:0', [['CPUs 16-17 are not McKernel CPUs (not in -c): -r maps McKernel CPUs to the Linux CPU their IKC messages go to', '2-17']]],
      ['mcreboot.sh -c 2-15 -m 1G@0 -r 2-9:0+8-15:1', [['CPUs 8-9 already mapped by -r entry 1: a McKernel CPU has one IKC target', '8-15']]],
      ['mcreboot.sh -c 2-15 -m 1G@0 -r 2-9:0', [['McKernel CPUs 10-15 (from -c) have no IKC target in -r: add an entry such as +10-15:0', '2-9:0']]],
      ['mcreboot.sh -c 2-15 -m 1G@0 -r 2-15', [["expected <McKernel CPUs>:<Linux CPU> such as 2-15:0, found '2-15'", '2-15']]],
      ['mcreboot.sh -c 2-15 -m 1G@0 -r 2-15:x', [["cannot read IKC target 'x': expected one Linux CPU number, such as 0", 'x']]],
      ['mcreboot.sh -c 2-15 -m 1G@0 -r 2-9:0++10-15:0', [["empty entry in -r (two '+' in a row, or '+' at an end)", '++']]],
      ['mcreboot.sh -c 0-15 -m 1G@0', [['without -r every McKernel CPU sends its IKC messages to Linux CPU 0 (mcreboot.sh loads IHK with ihk_ikc_irq_core=0), but CPU 0 is in -c: give -r', '0-15']]],
      ['mcreboot.sh -c 0-63 -m 1G@0 -r 0-63:0', [['no Linux CPU left: all 64 CPUs are McKernel CPUs; Linux needs at least one, to run mcexec and take IKC messages', '0-63']]],
      ['mcreboot.sh -c 2-15 -m 32G@2 -r 2-15:0', [['NUMA domain 2 does not exist: this node has domains 0-1', '2']]],
      [
        'mcreboot.sh -c 2-15 -m 96G@0 -r 2-15:0',
        [['NUMA domain 0 (DDR, 96 GiB) cannot give 96 GiB to McKernel: at most 95 GiB (95G) is available (Linux keeps 1 GiB on a domain where it has CPUs)', '96G']],
      ],
      ['mcreboot.sh -c 2-15 -m 50G@0,50G@0 -r 2-15:0', [['NUMA domain 0 (DDR, 96 GiB) cannot give 100 GiB to McKernel: at most 95 GiB (95G) is available (Linux keeps 1 GiB on a domain where it has CPUs)', '50G']]],
      ['mcreboot.sh -c 2-15 -m 1.5G@0 -r 2-15:0', [["size '1.5G' is not a whole number: use a smaller unit (e.g. 1536M instead of 1.5G)", '1.5G']]],
      ['mcreboot.sh -c 2-15 -m 1G@x -r 2-15:0', [["cannot read NUMA domain 'x': expected <size>@<domain> such as 32G@0", '@x']]],
      ['mcreboot.sh -c 2-15 -m 0@0 -r 2-15:0', [['-m gives McKernel no memory: ask for more than 0', '0@0']]],
      ['mcreboot.sh -c 2-15 -m 1G@0 -r 2-15:0 -x', [["unknown mcreboot.sh option '-x' (its short options: -c, -m, -r, -o, -f, -k, -i, -q, -t, -d, -e, -h, -O)", '-x']]],
      ['mcreboot.sh -c', [['mcreboot.sh -c needs a value: the CPUs for McKernel, a list such as 2-15,18-31', '-c']]],
      ['mcexec -n 0 ./app', [["mcexec -n (MPI ranks on the node): cannot read '0' as a whole number above 0", '0']]],
      ['mcexec -n four ./app', [["mcexec -n (MPI ranks on the node): cannot read 'four' as a whole number above 0", 'four']]],
      ['mcexec -t 65 ./app', [['mcexec -t 65: the model runs at most 64 proxy threads per process', '65']]],
      ['mcexec -h 1K ./app', [["mcexec -h 1K: the model's heap step is 4K to 1T", '1K']]],
      ['mcreboot.sh -c 2-5 -m 1G@0 -r 2-5:0 ; mcexec -n 5 ./app', [['mcexec -n 5: more ranks than McKernel CPUs (4); mcexec refuses ("nr_processes can\'t exceed nr. of CPUs")', '5']]],
      ['mcexec -n 4', [['mcexec needs the program to run, e.g. mcexec -n 4 ./app', 'mcexec -n 4']]],
      ['mcexec --mpol-no-heep ./app', [["unknown mcexec option '--mpol-no-heep': did you mean --mpol-no-heap?", '--mpol-no-heep']]],
      ['mcexec -N 4 ./app', [["unknown mcexec option '-N': did you mean -n?", '-N']]],
      ['mcexec --mpol ./app', [["mcexec option '--mpol' is ambiguous: it could be --mpol-threshold or --mpol-no-heap or --mpol-no-stack or --mpol-no-bss or --mpol-shm-premap", '--mpol']]],
      ['mcexec --profile=1 ./app', [['mcexec --profile takes no value', '=1']]],
      ['mcexe -n 4 ./app', [["unknown command 'mcexe': expected mcreboot.sh or mcexec; did you mean mcexec?", 'mcexe']]],
      ['mcexec ./a ; mcexec ./b', [['mcexec is given twice: give it once', 'mcexec']]],
      ["mcexec -n 4 './app", [["this ' quote is never closed: add the closing '", "'./app"]]],
      ['mcexec -n $N ./app', [['variables and substitutions ($…) are not expanded here: write the value itself', '$'], ["mcexec -n (MPI ranks on the node): cannot read '$N' as a whole number above 0", '$N']]],
      ['mcexec -n 4 ./app | tee log', [["a pipe ('|') is not read here: separate commands with ';' or a new line", '|']]],
    ];
    for (const [text, expected] of cases) expect(errorsOf(S, text), text).toEqual(expected);
  });

  it("warn, on the -c item, when Linux and McKernel share a core (the partition's SMT rule)", () => {
    const r = parsed(S, 'mcreboot.sh -c 1-3,33-34 -m 1G@0 -r 1-3,33-34:0 ; mcexec ./app');
    expect(r.warnings).toEqual([
      ['Linux CPU 35 and LWK CPU 3 are SMT siblings (core 3): they share the core, so Linux activity slows the LWK thread; give both threads to one side', '1-3'],
    ]);
    expect(parsed(S, 'mcreboot.sh -c 1-3,33-35 -m 1000K@0 -r 1-3,33-35:0').warnings).toEqual([
      ['1000K is not a multiple of 2 MiB: the LWK manages memory in 2 MiB pages and would round it down', '1000K@0'],
    ]);
  });

  it('accept the options the model does not use, each with a warning naming it', () => {
    const text = 'mcreboot.sh -c 1-15,33-47 -m 1G@0 -r 1-15,33-47:0 -k 1 -i 5 -q 240 -t -d 24 -e hidos -o root -f LOG_LOCAL6 -h -O ; mcexec --profile --mpol-no-stack -s 2M,64M -m 1 ./app';
    expect(parsed(S, text).warnings).toEqual([
      ['mcreboot.sh -k is accepted, has no effect in the model (redirection of kernel messages to /dev/log)', '-k 1'],
      ["mcreboot.sh -i is accepted, has no effect in the model (ihkmond's hang-detection interval)", '-i 5'],
      ['mcreboot.sh -q is accepted, has no effect in the model (the IRQ number IHK uses)', '-q 240'],
      ['mcreboot.sh -t is accepted, has no effect in the model (Turbo Boost on McKernel CPUs)', '-t'],
      ['mcreboot.sh -d is accepted, has no effect in the model (dump level after a Linux panic)', '-d 24'],
      ['mcreboot.sh -e is accepted, has no effect in the model (extra McKernel kernel arguments)', '-e hidos'],
      ['mcreboot.sh -o is accepted, has no effect in the model (owner of the /dev/mcd* and /dev/mcos* device files)', '-o root'],
      ["mcreboot.sh -f is accepted, has no effect in the model (ihkmond's syslog facility)", '-f LOG_LOCAL6'],
      ['mcreboot.sh -h is accepted, has no effect in the model (idle_halt: idle McKernel CPUs halt; the model does not model idle power)', '-h'],
      ['mcreboot.sh -O is accepted, has no effect in the model (allow_oversubscribe: more threads than McKernel CPUs)', '-O'],
      ['mcexec --profile is accepted, has no effect in the model (system call profiling)', '--profile'],
      ['mcexec --mpol-no-stack is accepted, has no effect in the model (the stack ignores the NUMA policy)', '--mpol-no-stack'],
      ['mcexec -s is accepted, has no effect in the model (stack mapped at start, and its maximum)', '-s 2M,64M'],
      ['mcexec -m is accepted, has no effect in the model (NUMA nodes to bind memory to)', '-m 1'],
    ]);
    expect(parsed(S, 'mcexec --no-bind-ikc-map 0 ./app').warnings).toEqual([
      ['mcexec --no-bind-ikc-map is accepted, has no effect without -n (mcexec binds itself only for partitioned execution)', '--no-bind-ikc-map'],
      ["mcexec's McKernel instance number (0) is accepted, has no effect in the model (it runs one instance)", '0'],
    ]);
    expect(parsed(S, 'mcexec -t 2 -t 3 ./app')).toEqual({
      overrides: { syscalls: { proxyThreads: 3 } },
      warnings: [['mcexec -t is given again: the last one counts, as mcexec reads it', '-t 3']],
    });
  });

  it('print a configuration canonically, and printing what it reads gives the same settings back', () => {
    const texts = [
      S.example,
      'mcreboot.sh -c 2-15,18-31 -m 32G@0,32G@1 -r 2-15:0+18-31:16 ; mcexec -n 4 ./app',
      'mcexec -n 2 --no-bind-ikc-map -t 8 -h 1G ./app\nmcreboot.sh -c 20-31,4-9 -m 2048M@1,1G@1 -r 4-9:0+20-25:0+26-31:17',
      'mcexec -t 3 ./app',
    ];
    for (const text of texts) {
      const first = configOf(text);
      const canonical = S.print(first);
      const again = configOf(canonical);
      expect(settings(again), text).toEqual(settings(first));
      expect(S.print(again)).toBe(canonical);
    }
    expect(S.print(configOf(texts[2]))).toBe('mcreboot.sh -c 4-9,20-31 -m 3G@1 -r 4-9:0+20-25:0+26-31:17 ; mcexec -n 2 -t 8 -h 1G --no-bind-ikc-map ./app');
    // The presets themselves.
    for (const preset of ['mckernel', 'mos']) {
      const base = configOf('', { syscalls: { mechanism: 'mckernel' } }, preset);
      const again = configOf(S.print(base), { syscalls: { mechanism: 'mckernel' } }, preset);
      expect(again.partitionText).toBe(base.partitionText);
      expect(again.syscallCpuOf).toEqual(base.syscallCpuOf);
      expect(again.workload).toEqual(base.workload);
      expect(again.syscalls.proxyThreads).toBe(base.syscalls.proxyThreads);
    }
  });

  it('read the Xeon Phi: MCDRAM domains without CPUs may be given whole', () => {
    const text = 'mcreboot.sh -c 2-67 -m 4G@4,4G@5,16G@0 -r 2-67:0 ; mcexec -n 8 ./app';
    expect(parsed(S, text, KNL).overrides.partition).toBe('lwkcpus=0.2-67 lwkmem=0:16G,4:4G,5:4G');
    expect(errorsOf(S, 'mcreboot.sh -c 2-67 -m 5G@4 -r 2-67:0', KNL)).toEqual([
      ['NUMA domain 4 (HBM, 4 GiB) cannot give 5 GiB to McKernel: at most 4 GiB (4G) is available (the whole domain)', '5G'],
    ]);
  });

  it('through a config file: placed errors name their characters; explicit keys win over the options', () => {
    const bad = applyOverrides({ preset: 'mckernel', options: 'mcexec -t 65 ./app' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual(['config: options: mcexec -t 65: the model runs at most 64 proxy threads per process (characters 11-12: "65")']);
    const c = configOf('mcexec -t 3 -n 2 ./app', { syscalls: { proxyThreads: 5 } });
    expect(c.syscalls.proxyThreads).toBe(5);
    expect(c.workload).toMatchObject({ kind: 'bsp', processes: 2 });
    // The mos preset runs FWQ: -n brings the BSP mini-app (and its defaults) with its ranks.
    const fwq = configOf('mcexec -n 3 ./app', { syscalls: { mechanism: 'mckernel' } }, 'mos');
    expect(fwq.workload).toMatchObject({ kind: 'bsp', processes: 3, checkpointEvery: 50 });
  });
});
