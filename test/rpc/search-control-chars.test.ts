// Issue 11 finding 9: a NUL or any other control character typed (or pasted) into the search box is
// refused by the contract as INVALID_INPUT before any handler runs; it never reaches the search as
// an INTERNAL error.
import { describe, expect, it } from 'vitest';
import { serverTextKey } from '../../renderer/src/i18n/serverText';
import { setUpCore } from '../helpers/core';

const controls = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u001b', '\u001f', '\u007f', '\u0085', '\u0090', '\u009f', '\u2028', '\u2029'];

describe('clients.list search text', () => {
  it('refuses control characters anywhere in the query as INVALID_INPUT', async () => {
    const t = await setUpCore();
    // A case to search among, so a query that got through would really run the search.
    await t.ok('clients.create', { chosenName: 'Ana Test-Client' });
    for (const control of controls) {
      for (const query of [control, `Ana${control}`, `${control}Ríos`, `a${control}b`]) {
        const result = await t.call('clients.list', { query });
        expect(result.ok, JSON.stringify(query)).toBe(false);
        if (!result.ok) {
          expect(result.error.code, JSON.stringify(query)).toBe('INVALID_INPUT');
          // The field problem is one the screen shows in the person's language.
          expect(serverTextKey(result.error.fields?.[0]?.message ?? '')?.key).toBe('server.controlCharacters');
        }
      }
    }
  });

  it('still searches ordinary text in any script, with spaces and punctuation', async () => {
    const t = await setUpCore();
    for (const query of ['', 'Ana', 'Nguyễn Thị', '李小龍', "O'Neil-Ríos", '2026-0001', 'Mi\u200cna', 'a\u200db']) {
      const result = await t.call('clients.list', { query });
      expect(result.ok, query).toBe(true);
    }
  });
});
