import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSyscalls, syscallName, syscallNumber } from '../../../src/engine/syscalls/table';

const HEADER = '/usr/include/x86_64-linux-gnu/asm/unistd_64.h';
const COMMITTED = 'src/engine/syscalls/x86_64Table.ts';

describe('x86_64 syscall table', () => {
  it('has the well-known numbers of the x86_64 ABI', () => {
    const known: Record<string, number> = {
      read: 0, write: 1, open: 2, close: 3, mmap: 9, brk: 12, ioctl: 16, pipe: 22, sched_yield: 24,
      getpid: 39, clone: 56, fork: 57, vfork: 58, execve: 59, exit: 60, wait4: 61, futex: 202,
      clock_gettime: 228, exit_group: 231, openat: 257, newfstatat: 262, pipe2: 293, getcpu: 309,
      statx: 332, clone3: 435, openat2: 437,
    };
    for (const [name, nr] of Object.entries(known)) {
      expect(syscallNumber(name), name).toBe(nr);
      expect(syscallName(nr), String(nr)).toBe(name);
    }
  });

  it('round trips every entry, with unique names and numbers sorted ascending', () => {
    const all = allSyscalls();
    expect(all.length).toBeGreaterThan(300);
    expect(new Set(all.map((e) => e.name)).size).toBe(all.length);
    for (let i = 0; i < all.length; i++) {
      const { name, nr } = all[i];
      expect(syscallNumber(name)).toBe(nr);
      expect(syscallName(nr)).toBe(name);
      if (i > 0) expect(nr).toBeGreaterThan(all[i - 1].nr);
    }
  });

  it('answers undefined for unknown names and numbers', () => {
    expect(syscallNumber('no_such_call')).toBeUndefined();
    expect(syscallName(400)).toBeUndefined(); // 335..423 are unassigned on x86_64
    expect(syscallName(-1)).toBeUndefined();
  });
});

describe('scripts/gen-syscall-table.mjs', () => {
  it.skipIf(!existsSync(HEADER))('regenerates the committed file from the installed header', () => {
    const dir = mkdtempSync(join(tmpdir(), 'systable-'));
    try {
      const out = join(dir, 'table.ts');
      const committed = readFileSync(COMMITTED, 'utf8');
      // Pin the version line to the committed one so a machine with other headers compares the data only.
      const version = /^\/\/ Kernel headers: (.*)$/m.exec(committed)?.[1] ?? 'unknown';
      execFileSync(process.execPath, ['scripts/gen-syscall-table.mjs', '--out', out, '--version', version], { stdio: 'pipe' });
      expect(readFileSync(out, 'utf8')).toBe(committed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync(HEADER))('names the source header and the installed kernel headers version', () => {
    const committed = readFileSync(COMMITTED, 'utf8');
    expect(committed).toContain(`Source: ${HEADER}`);
    expect(committed).toMatch(/Kernel headers: linux-libc-dev \S+/);
  });
});
