import { describe, expect, it } from 'vitest';
import { createStraceParser, parseStraceBytes, summarizeStrace } from '../../../src/engine/strace';
import { fixture, parse } from './helpers';

describe('streaming', () => {
  it('gives the same result whatever the chunk boundaries', () => {
    const text = fixture('threads-f-tt-T.log');
    const whole = parse(text);
    for (const size of [1, 7, 64, 1000]) {
      const p = createStraceParser();
      for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
      const r = p.end();
      expect(summarizeStrace(r)).toEqual(summarizeStrace(whole));
      expect(Array.from(r.calls.startNs)).toEqual(Array.from(whole.calls.startNs));
      expect(Array.from(r.calls.ret)).toEqual(Array.from(whole.calls.ret));
    }
  });

  it('decodes UTF-8 split across byte chunks', () => {
    const bytes = new TextEncoder().encode('openat(AT_FDCWD, "/tmp/é", O_RDONLY) = 3\n');
    const at = bytes.indexOf(0xc3) + 1; // between the two bytes of 'é'
    const r = parseStraceBytes([bytes.subarray(0, at), bytes.subarray(at)]);
    expect(r.paths[r.calls.path[0]]).toBe('/tmp/é');
  });

  it('parses a last line without a newline', () => {
    const r = parse('close(3) = 0\nclose(4) = 0');
    expect(r.calls.length).toBe(2);
  });

  it('caps the skipped-line list but counts every skipped line', () => {
    const p = createStraceParser({ maxSkippedListed: 3 });
    for (let i = 0; i < 10; i++) p.push('garbage\n');
    const r = p.end();
    expect(r.skippedLines.length).toBe(3);
    expect(r.skippedCount).toBe(10);
    expect(summarizeStrace(r).skippedLineCount).toBe(10);
  });

  it('skips an over-long line without buffering it', () => {
    const p = createStraceParser({ maxLineLength: 100 });
    p.push('close(3) = 0\n' + 'x'.repeat(80));
    p.push('y'.repeat(80));
    p.push('z'.repeat(80) + '\nclose(4) = 0\n');
    const r = p.end();
    expect(r.calls.length).toBe(2);
    expect(r.skippedCount).toBe(1);
    expect(r.skippedLines[0].reason).toMatch(/longer than 100/);
    expect(r.lines).toBe(3);
  });

  it('refuses push after end', () => {
    const p = createStraceParser();
    p.end();
    expect(() => p.push('x')).toThrow(/after end/);
  });
});

describe('not strace at all', () => {
  it('says so for a PNG', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const r = parseStraceBytes([png]);
    expect(r.notStrace).toBe(true);
    expect(r.message).toMatch(/not strace output/);
    expect(r.message).toMatch(/binary/);
    expect(summarizeStrace(r).notStrace).toBe(r.message);
  });

  it('says so for a CSV', () => {
    const r = parse('name,value\nread,3\nwrite,4\n');
    expect(r.notStrace).toBe(true);
    expect(r.calls.length).toBe(0);
    expect(r.pids).toBe(0);
    expect(r.skippedCount).toBe(3);
  });

  it('says so for empty input', () => {
    const r = parse('');
    expect(r.notStrace).toBe(true);
    expect(r.message).toMatch(/empty/);
  });
});
