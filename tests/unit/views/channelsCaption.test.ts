/** The Channels caption says what the configuration that runs does, for every preset. */
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, PRESETS } from '../../../src/engine/config/presets';
import { DESIGNS } from '../../../src/engine/config/kindDefaults';
import { channelsCaption } from '../../../src/app/views/channels/caption';

describe('channels caption', () => {
  it('names the design, the IPI policy, the wait and the reply path of each preset', () => {
    for (const name of PRESET_NAMES) {
      const c = PRESETS[name];
      const text = channelsCaption(c);
      expect(text.startsWith(DESIGNS.get(c.syscalls.mechanism)!.title)).toBe(true);
      expect(text.includes('an IPI per message')).toBe(c.syscalls.ipiPolicy === 'every');
      expect(text.includes('spin')).toBe(c.syscalls.wait === 'spin');
      expect(text.includes('replies come back with an IPI')).toBe(c.syscalls.replyIpi);
    }
    expect(channelsCaption(PRESETS.mckernel)).not.toBe(channelsCaption(PRESETS['mos-bsp']));
  });
});
