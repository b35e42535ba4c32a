import { describe, expect, it } from 'vitest';
import { LINK_PREFIX, MAX_LINK_CHARS, parseFragment, parseStateText, stateFragment, stateJson, type SharedState } from '../../../src/app/share/sharedState';

const state: SharedState = {
  preset: 'mos-bsp',
  seed: 7,
  edits: { linux: { hz: 250 } },
  commands: [{ time: 5_000_000, atEvent: 4321, command: { type: 'interrupt-burst', cpu: 3 } }],
  time: 12_000_000,
  views: {
    inspectedCpu: 3, selectedPid: 1001, timeline: { from: 9_000_000, to: 9_250_000 },
    compare: { preset: 'linux-bsp', edits: { linux: { hz: 100 } }, view: 'channels' },
    presenter: null, lesson: { id: 'shipping', step: 2 }, exercise: { topic: 'ipis', seed: '42' },
  },
};

const b64 = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const problems = (hash: string) => {
  const r = parseFragment(hash);
  if (r === null || r.ok) throw new Error(`expected problems for ${hash.slice(0, 40)}`);
  return r.errors.join('\n');
};
const stateWith = (patch: Record<string, unknown>) => LINK_PREFIX + b64(JSON.stringify({ ...JSON.parse(stateJson(state)), ...patch }));

describe('shared state (links and .mosx.json files)', () => {
  it('a link and a file give back exactly the state', () => {
    const fragment = stateFragment(state);
    expect(fragment.startsWith(LINK_PREFIX)).toBe(true);
    expect(fragment).toMatch(/^#mosx=[A-Za-z0-9_-]+$/);
    expect(parseFragment(fragment)).toEqual({ ok: true, state });
    expect(parseStateText(stateJson(state), 'f.mosx.json')).toEqual({ ok: true, state });
  });

  it('reads version 1 links (no open views but the selections): the views they do not name are closed', () => {
    const v1 = JSON.stringify({ ...JSON.parse(stateJson(state)), version: 1, views: { inspectedCpu: 3, selectedPid: null } });
    const r = parseStateText(v1, 'old.mosx.json');
    expect(r.ok && r.state.views).toEqual({ inspectedCpu: 3, selectedPid: null, timeline: null, compare: null, presenter: null, lesson: null, exercise: null });
  });

  it('names what is wrong with the open views', () => {
    const views = (v: Record<string, unknown>) => problems(stateWith({ views: { ...state.views, ...v } }));
    expect(views({ timeline: { from: 5, to: 5 } })).toMatch(/"views.timeline" must end after it starts/);
    expect(views({ timeline: { from: -1, to: 5 } })).toMatch(/"views.timeline.from" must be a whole number of ns/);
    expect(views({ timeline: { from: 1, to: 5, zoom: 2 } })).toMatch(/"views.timeline": unknown key "zoom"/);
    expect(views({ compare: { preset: 'mos-bsp', edits: {}, view: 'replay' } })).toMatch(/"views.compare.view" must be a view compare mode shows/);
    expect(views({ compare: { preset: 'windows', edits: {}, view: 'cores' } })).toMatch(/"views.compare.preset" must be a preset/);
    expect(views({ compare: { preset: 'mos-bsp', edits: { linux: { hz: -3 } }, view: 'cores' } })).toMatch(/"views.compare.edits": .*hz/);
    expect(views({ compare: { preset: 'mos-bsp', view: 'cores' } })).toMatch(/"views.compare.edits" is missing/);
    expect(views({ presenter: { view: 1 } })).toMatch(/compare mode and presenter mode cannot both be open/);
    expect(views({ lesson: { id: '<script>', step: 0 } })).toMatch(/"views.lesson.id" must be a lesson name/);
    expect(views({ exercise: { topic: 'ipis', seed: 42 } })).toMatch(/"views.exercise.seed" must be a seed/);
  });

  it('no fragment is no link, nor is a lesson\'s or an exercise\'s link', () => {
    expect(parseFragment('')).toBeNull();
    expect(parseFragment('#')).toBeNull();
    expect(parseFragment('#lesson=shipping&step=2')).toBeNull();
    expect(parseFragment('#exercise=ipis&seed=7')).toBeNull();
    expect(problems('#lesson=shipping&run=rm')).toMatch(/not a mos-explorer state/);
  });

  it('names what is wrong with a broken or hostile link', () => {
    expect(problems('#javascript:alert(1)')).toMatch(/not a mos-explorer state \(it starts with #mosx=\)/);
    expect(problems('#mosx=javascript:alert(document.cookie)')).toMatch(/not readable: after #mosx= it must be base64url/);
    expect(problems(LINK_PREFIX + b64('{"format": "mos-explorer-state", '))).toMatch(/not JSON/);
    expect(problems(stateWith({ evil: 1 }))).toMatch(/unknown key "evil"/);
    expect(problems(stateWith({ preset: 'javascript:alert(1)' }))).toMatch(/unknown preset "javascript:alert\(1\)"/);
    expect(problems(stateWith({ seed: -1 }))).toMatch(/"seed" must be a whole number >= 0/);
    expect(problems(stateWith({ time: 'soon' }))).toMatch(/"time" must be a whole number of ns/);
    expect(problems(stateWith({ edits: { linux: { hz: 'fast' } } }))).toMatch(/edits: .*hz/);
    expect(problems(stateWith({ views: { inspectedCpu: 3, theme: 'x' } }))).toMatch(/"views": unknown key "theme"/);
    expect(problems(stateWith({ commands: [{ time: 1, command: { type: 'rm' } }] }))).toMatch(/commands: command 1: unknown injection "rm"/);
    expect(problems(stateWith({ version: 99 }))).toMatch(/"version" 99 is not one this page reads/);
    expect(problems(LINK_PREFIX + b64('['.repeat(100) + ']'.repeat(100)))).toMatch(/nested more than 32 deep/);
    // A huge command log: refused by its length before anything is decoded.
    const huge = stateWith({ commands: Array.from({ length: 20_000 }, (_, i) => ({ time: i, command: { type: 'signal', pid: 1000 } })) });
    expect(huge.length).toBeGreaterThan(MAX_LINK_CHARS);
    expect(problems(huge)).toMatch(/more than the 64 kB a link may carry: share the state as a .mosx.json file instead/);
    // In a file, the same log is refused by its count.
    const text = JSON.stringify({ ...JSON.parse(stateJson(state)), commands: Array.from({ length: 20_000 }, (_, i) => ({ time: i, command: { type: 'signal', pid: 1000 } })) });
    const r = parseStateText(text, 'big.mosx.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join()).toMatch(/20000 commands is more than the 10000 allowed/);
  });
});
