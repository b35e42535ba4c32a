/** `mos-explorer run`: arguments people get wrong are named, with exit status 2 (from the hardening issue). */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/dispatch';
import { fakeIO } from './fakeIO';
import { readRegularFile } from '../../../src/cli/nodeFiles';

async function fails(args: string[]): Promise<string> {
  const f = fakeIO();
  const code = await runCli(args, f.io);
  expect(code, f.out()).toBe(2);
  return f.err();
}

describe('run: bad arguments', () => {
  it('a duration without a unit is refused, not read as ns', async () => {
    expect(await fails(['run', '--preset', 'mos', '--until', '5'])).toMatch(/--until needs a unit: "5" could be ns, us, ms or s/);
  });
  it('--events above 2^53 is refused', async () => {
    expect(await fails(['run', '--preset', 'mos', '--events', '99999999999999999999'])).toMatch(/--events must be at most 9007199254740991/);
  });
  it('an unknown flag is named as unknown, even as the last argument', async () => {
    expect(await fails(['run', '--preset', 'mos', '--bogus'])).toMatch(/unknown option --bogus/);
    expect(await fails(['compare', '--presets', 'mos', '--bogus'])).toMatch(/unknown option --bogus/);
  });
  it('a config that is not a regular file (/dev/zero, which never ends) is refused with its reason', async () => {
    const f = fakeIO();
    f.io.readFile = readRegularFile;
    expect(await runCli(['run', '--config', '/dev/zero'], f.io)).toBe(2);
    expect(f.err()).toMatch(/cannot read --config \/dev\/zero: \/dev\/zero is not a regular file/);
  });
});
