/** --set / --vary text to the nested overrides the config checker takes. */
import { describe, expect, it } from 'vitest';
import { nestSettings, parseSet, parseSettingValue, parseVary } from '../../../src/cli/compare/settings';
import { parseFlags } from '../../../src/cli/io';

describe('settings', () => {
  it('values are JSON when they parse, text otherwise', () => {
    expect(parseSettingValue('250')).toBe(250);
    expect(parseSettingValue('1.5e3')).toBe(1500);
    expect(parseSettingValue('true')).toBe(true);
    expect(parseSettingValue('spin')).toBe('spin');
    expect(parseSettingValue('"250"')).toBe('250');
  });

  it('dotted keys nest; siblings share their section', () => {
    expect(nestSettings([parseSet('linux.hz=250'), parseSet('linux.nohzFull=true'), parseSet('syscalls.wait=block')])).toEqual({
      linux: { hz: 250, nohzFull: true },
      syscalls: { wait: 'block' },
    });
  });

  it('a key and one of its parts cannot both be set', () => {
    expect(() => nestSettings([parseSet('linux={"hz":1}'), parseSet('linux.hz=2')])).toThrow(/linux\.hz is set twice \(also as linux\)/);
    expect(() => nestSettings([parseSet('linux.hz=2'), parseSet('linux={"hz":1}')])).toThrow(/linux is set twice \(also as linux\.hz\)/);
  });

  it('--vary splits its values at commas', () => {
    expect(parseVary('syscalls.wait=spin,block')).toEqual({ key: 'syscalls.wait', values: ['spin', 'block'] });
    expect(() => parseVary('linux.hz=1,,2')).toThrow(/empty value/);
  });

  it('repeatable flags collect every value in order; others still refuse a second one', () => {
    const { lists, flags } = parseFlags(['--set', 'a=1', '--json', '--set=b=2'], ['json'], ['set']);
    expect(lists.get('set')).toEqual(['a=1', 'b=2']);
    expect(flags.get('json')).toBe('true');
    expect(() => parseFlags(['--x', '1', '--x', '2'], [], ['set'])).toThrow(/--x is given twice/);
  });
});
