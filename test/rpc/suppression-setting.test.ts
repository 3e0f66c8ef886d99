// The report settings form opens with the number in force: settings.suppression reads the smallest
// count shown, the default until an administrator sets one, and what was saved afterwards.
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD } from '../../shared/disclosure';
import { setUpCore } from '../helpers/core';

describe('settings.suppression', () => {
  it('reads the default until one is saved, then the saved number', async () => {
    const t = await setUpCore();
    expect(await t.ok('settings.suppression', {})).toEqual({ threshold: DEFAULT_THRESHOLD });
    await t.ok('settings.setSuppression', { threshold: 15 });
    expect(await t.ok('settings.suppression', {})).toEqual({ threshold: 15 });
  });
});
