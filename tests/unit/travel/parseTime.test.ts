import { describe, expect, it } from 'vitest';
import { parseSimTime } from '../../../src/app/travel/parseTime';
import { keyName } from '../../../src/app/actions/useShortcuts';
import { ACTIONS } from '../../../src/app/actions/registry';
import '../../../src/app/travel/travelActions';
import { createUiStore } from '../../../src/app/store';
import type { PageState } from '../../../src/app/session/page';

describe('"Go to time" text', () => {
  it('reads a time with its unit', () => {
    expect(parseSimTime('2ms')).toEqual({ ok: true, ns: 2_000_000 });
    expect(parseSimTime(' 1.5s ')).toEqual({ ok: true, ns: 1_500_000_000 });
    expect(parseSimTime('350us')).toEqual({ ok: true, ns: 350_000 });
    expect(parseSimTime('350µs')).toEqual({ ok: true, ns: 350_000 });
    expect(parseSimTime('120ns')).toEqual({ ok: true, ns: 120 });
  });

  it('names what is wrong with text it cannot read', () => {
    expect(parseSimTime('12')).toMatchObject({ ok: false, error: expect.stringContaining('needs a unit') });
    expect(parseSimTime('')).toMatchObject({ ok: false, error: expect.stringContaining('Type a time') });
    expect(parseSimTime('-1ms')).toMatchObject({ ok: false, error: expect.stringContaining('before the run started') });
    expect(parseSimTime('2 hours')).toMatchObject({ ok: false, error: expect.stringContaining('not a time') });
    expect(parseSimTime('100000s')).toMatchObject({ ok: false, error: expect.stringContaining('more than a day') });
  });
});

describe('step back keys', () => {
  it('Shift+S, Shift+Right and Page Up step back; plain S and Right still step forward', () => {
    // As the keyboard does: the first action with the key that is enabled (one session, no lesson, not presenting).
    const ui = createUiStore({}).getState();
    const page = { helpOpen: false, sessions: [{}], compareView: 'cores', lesson: null, introOpen: false, lessonMenuOpen: false, exercise: null, presenter: null } as unknown as PageState;
    const find = (key: string, shiftKey: boolean) => ACTIONS.find((a) => a.keys.includes(keyName({ key, shiftKey })) && a.enabled(ui, page))?.id;
    expect(find('S', true)).toBe('step-back');
    expect(find('ArrowRight', true)).toBe('step-back');
    expect(find('PageUp', false)).toBe('step-back');
    expect(find('s', false)).toBe('step');
    expect(find('ArrowRight', false)).toBe('step');
    expect(find('PageDown', false)).toBe('step');
  });
});
