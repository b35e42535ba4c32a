import { describe, expect, it } from 'vitest';
import { CHANNEL_DEPTH_SPAN, Tr } from '../../../src/engine/node/events';
import { decodeBatch, decodeRecord, decodeTrace, type TraceEvent } from '../../../src/engine/trace/decode';
import type { TraceBatch } from '../../../src/engine/kernel/trace';

const T = 123_456;

/** Per kind: the raw [cpu, pid, a, b] (all different, so a swapped field shows) and the event expected. */
const CASES: { readonly [K in keyof typeof Tr]: readonly [[number, number, number, number], TraceEvent] } = {
  IntrBegin: [[3, 41, 2, 5000], { type: 'intrBegin', time: T, cpu: 3, pid: 41, cause: 2, durationNs: 5000 }],
  IntrEnd: [[3, 41, 2, 0], { type: 'intrEnd', time: T, cpu: 3, pid: 41, cause: 2 }],
  Quantum: [[5, 42, 1_100_000, 1_000_000], { type: 'quantum', time: T, cpu: 5, pid: 42, elapsedNs: 1_100_000, workNs: 1_000_000 }],
  ThreadStart: [[6, 43, 17, 1], { type: 'threadStart', time: T, cpu: 6, pid: 43, thread: 17, proxy: true }],
  Launch: [[0, -1, 4, 4096], { type: 'launch', time: T, cpu: 0, step: 4, detail: 4096 }],
  Interference: [[7, 44, 250, 0], { type: 'interference', time: T, cpu: 7, pid: 44, extraNs: 250 }],
  Dispatch: [[8, 45, 18, 0], { type: 'dispatch', time: T, cpu: 8, pid: 45, thread: 18 }],
  Block: [[9, 46, 19, 0], { type: 'block', time: T, cpu: 9, pid: 46, thread: 19 }],
  Preempt: [[10, 47, 20, 0], { type: 'preempt', time: T, cpu: 10, pid: 47, thread: 20 }],
  SyscallIssue: [[11, 48, 900, 1], { type: 'syscallIssue', time: T, cpu: 11, pid: 48, call: 900, syscall: 1 }],
  SyscallRoute: [[12, 49, 901, 2], { type: 'syscallRoute', time: T, cpu: 12, pid: 49, call: 901, route: 2 }],
  ChannelInsert: [
    [13, 50, 902, 3 * CHANNEL_DEPTH_SPAN + 7],
    { type: 'channelInsert', time: T, senderCpu: 13, pid: 50, call: 902, channel: 3, depth: 7 },
  ],
  IpiSend: [[14, 51, 60, 1], { type: 'ipiSend', time: T, from: 14, to: 60, purpose: 1, pid: 51 }],
  IpiSkipped: [[15, 52, 1, 0], { type: 'ipiSkipped', time: T, cpu: 15, pid: 52, channel: 1, reason: 'queued' }],
  HandlerGetList: [[16, -1, 5, 1], { type: 'handlerGetList', time: T, cpu: 16, messages: 5, channel: 1 }],
  HandlerRoute: [[17, 53, 903, 0], { type: 'handlerRoute', time: T, cpu: 17, pid: 53, call: 903 }],
  ProxyStart: [[18, 54, 904, 0], { type: 'proxyStart', time: T, cpu: 18, pid: 54, call: 904 }],
  ReplyReady: [[19, 55, 905, 0], { type: 'replyReady', time: T, callerCpu: 19, pid: 55, call: 905 }],
  ReplySeen: [[20, 56, 906, 321], { type: 'replySeen', time: T, cpu: 20, pid: 56, call: 906, sinceReadyNs: 321 }],
  SyscallDone: [[21, 57, 907, 8765], { type: 'syscallDone', time: T, cpu: 21, pid: 57, call: 907, latencyNs: 8765 }],
  SignalSent: [[22, 58, 21, 0], { type: 'signalSent', time: T, cpu: 22, pid: 58, thread: 21 }],
  SignalDelivered: [[23, 59, 22, 999], { type: 'signalDelivered', time: T, cpu: 23, pid: 59, thread: 22, delayNs: 999 }],
  MpiDone: [[24, 60, 65536, 0], { type: 'mpiDone', time: T, cpu: 24, pid: 60, bytes: 65536 }],
  OsNodeSubmit: [[25, 61, 908, -1], { type: 'osNodeSubmit', time: T, cpu: 25, pid: 61, call: 908, osNode: -1 }],
  Migrate: [[26, 62, 1, 0], { type: 'migrate', time: T, from: 26, to: 1, pid: 62, back: false }],
  AggBuffered: [[27, 63, 4, 120], { type: 'aggBuffered', time: T, cpu: 27, pid: 63, fd: 4, bytes: 120 }],
  AggFlush: [[28, 64, 5, 4096], { type: 'aggFlush', time: T, cpu: 28, pid: 64, fd: 5, bytes: 4096 }],
  ChannelFull: [[29, 65, 23, 0], { type: 'channelFull', time: T, cpu: 29, pid: 65, thread: 23 }],
  Iteration: [[30, 66, 12, 0], { type: 'iteration', time: T, cpu: 30, pid: 66, iteration: 12 }],
  Checkpoint: [[31, 67, 1 << 20, 0], { type: 'checkpoint', time: T, cpu: 31, pid: 67, bytes: 1 << 20 }],
  ThreadExit: [[32, 68, 24, 0], { type: 'threadExit', time: T, cpu: 32, pid: 68, thread: 24 }],
  PageFault: [[33, 69, 3, 4500], { type: 'pageFault', time: T, cpu: 33, pid: 69, faults: 3, faultNs: 4500 }],
  MemoryError: [[-1, 70, 0, 0], { type: 'memoryError', time: T, cpu: -1, pid: 70 }],
  Activity: [[34, -1, 6, 0], { type: 'activity', time: T, cpu: 34, pid: -1, activity: 6 }],
};

describe('decodeTrace', () => {
  for (const [name, [[cpu, pid, a, b], expected]] of Object.entries(CASES) as [keyof typeof Tr, (typeof CASES)[keyof typeof Tr]][]) {
    it(`decodes ${name} field by field`, () => {
      expect(decodeTrace(Tr[name], T, cpu, pid, a, b)).toStrictEqual(expected);
    });
  }

  it('has a case above for every trace kind, and kinds are distinct codes', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(Tr).sort());
    expect(new Set(Object.values(Tr)).size).toBe(Object.keys(Tr).length);
  });

  it('decodes the other readings of two-way fields', () => {
    expect(decodeTrace(Tr.ThreadStart, T, 1, 2, 3, 0)).toMatchObject({ proxy: false });
    expect(decodeTrace(Tr.IpiSkipped, T, 1, 2, -1, 1)).toMatchObject({ channel: -1, reason: 'polls' });
    expect(decodeTrace(Tr.Migrate, T, 40, 2, 3, 1)).toMatchObject({ from: 40, to: 3, back: true });
    expect(decodeTrace(Tr.ChannelInsert, T, 1, 2, 3, 0 * CHANNEL_DEPTH_SPAN + 1)).toMatchObject({ channel: 0, depth: 1 });
  });

  it('keeps a kind it does not know as `unknown`, with its raw fields, instead of throwing', () => {
    const unused = Math.max(...Object.values(Tr)) + 1;
    expect(decodeTrace(unused, T, 1, 2, 3, 4)).toStrictEqual({ type: 'unknown', time: T, kind: unused, cpu: 1, pid: 2, a: 3, b: 4 });
    expect(decodeTrace(0, T, 1, 2, 3, 4).type).toBe('unknown');
  });

  it('reads records and drained batches the same way', () => {
    expect(decodeRecord({ time: T, kind: Tr.SyscallDone, cpu: 21, pid: 57, a: 907, b: 8765 })).toStrictEqual(CASES.SyscallDone[1]);
    const batch: TraceBatch = {
      first: 0, lost: 0,
      time: Float64Array.of(1, T), kind: Uint16Array.of(Tr.Activity, Tr.PageFault), cpu: Int16Array.of(0, 33),
      pid: Int32Array.of(0, 69), a: Float64Array.of(0, 3), b: Float64Array.of(0, 4500),
    };
    expect(decodeBatch(batch, 1)).toStrictEqual(CASES.PageFault[1]);
  });
});
