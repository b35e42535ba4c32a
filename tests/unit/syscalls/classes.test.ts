import { describe, expect, it } from 'vitest';
import {
  fdEffect, isBlockingOnExternal, isFdIo, isVdso, pathArgIndex, takesPath, transferDirection,
} from '../../../src/engine/syscalls/classes';
import { syscallNumber } from '../../../src/engine/syscalls/table';

describe('syscall classes', () => {
  it('knows the vDSO calls', () => {
    for (const n of ['clock_gettime', 'gettimeofday', 'time', 'getcpu']) expect(isVdso(n)).toBe(true);
    expect(isVdso('clock_nanosleep')).toBe(false);
    expect(isVdso('getpid')).toBe(false);
  });

  it('decides blocking from the fd kind for reads and accepts', () => {
    expect(isBlockingOnExternal('read', 'pipe')).toBe(true);
    expect(isBlockingOnExternal('read', 'socket')).toBe(true);
    expect(isBlockingOnExternal('read', 'file')).toBe(false);
    expect(isBlockingOnExternal('read')).toBe(false);
    expect(isBlockingOnExternal('recvfrom', 'socket')).toBe(true);
    expect(isBlockingOnExternal('accept4', 'socket')).toBe(true);
    expect(isBlockingOnExternal('write', 'pipe')).toBe(false);
  });

  it('treats waits, polls and sleeps as blocking whatever the fd', () => {
    for (const n of ['poll', 'ppoll', 'select', 'pselect6', 'epoll_wait', 'epoll_pwait', 'wait4', 'waitid', 'nanosleep', 'clock_nanosleep']) {
      expect(isBlockingOnExternal(n), n).toBe(true);
    }
    expect(isBlockingOnExternal('getpid')).toBe(false);
  });

  it('blocks on futex only for wait and lock ops', () => {
    expect(isBlockingOnExternal('futex', 'unknown', 'FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME')).toBe(true);
    expect(isBlockingOnExternal('futex', 'unknown', 'FUTEX_WAIT_PRIVATE')).toBe(true);
    expect(isBlockingOnExternal('futex', 'unknown', 'FUTEX_LOCK_PI')).toBe(true);
    expect(isBlockingOnExternal('futex', 'unknown', 'FUTEX_WAKE_PRIVATE')).toBe(false);
    expect(isBlockingOnExternal('futex')).toBe(true);
  });

  it('finds fd I/O, paths and the fd table effects', () => {
    expect(isFdIo('read') && isFdIo('pwrite64') && isFdIo('fstat') && isFdIo('getdents64')).toBe(true);
    expect(isFdIo('openat')).toBe(false);
    expect(transferDirection('read')).toBe('read');
    expect(transferDirection('writev')).toBe('write');
    expect(transferDirection('lseek')).toBeUndefined();
    expect(pathArgIndex('open')).toBe(0);
    expect(pathArgIndex('openat')).toBe(1);
    expect(pathArgIndex('newfstatat')).toBe(1);
    expect(pathArgIndex('statx')).toBe(1);
    expect(pathArgIndex('access')).toBe(0);
    expect(pathArgIndex('read')).toBe(-1);
    expect(takesPath('stat')).toBe(true);
    for (const n of ['open', 'openat', 'creat', 'dup', 'dup2', 'dup3', 'pipe', 'pipe2', 'socket', 'accept']) {
      expect(fdEffect(n), n).toBe('create');
    }
    expect(fdEffect('close')).toBe('close');
    expect(fdEffect('read')).toBe('none');
  });

  it('lists only names that exist in the x86_64 table', async () => {
    const src = await import('node:fs').then((fs) => fs.readFileSync('src/engine/syscalls/classes.ts', 'utf8'));
    const names = [...src.matchAll(/'([a-z_0-9]+)'/g)].map((m) => m[1]);
    const notCalls = new Set(['unknown', 'file', 'device', 'tty', 'pipe', 'socket', 'anon', 'read', 'write', 'create', 'close', 'none']);
    for (const n of names) {
      if (notCalls.has(n) && syscallNumber(n) === undefined) continue;
      expect(syscallNumber(n), n).toBeDefined();
    }
  });
});
