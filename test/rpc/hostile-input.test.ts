import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract, methods } from '../../shared/contract';
import { errorCodes } from '../../shared/errors';
import { setUpCore, type TestCore } from '../helpers/core';

/** Everything the store and the keyring hold, as one comparable string. */
function snapshot(t: TestCore): string {
  const db = t.control.current!.db;
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all();
  const rows = tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]);
  return JSON.stringify([rows, readFileSync(join(t.dataDir, 'keyring.json'), 'utf8')], (_k, v: unknown) =>
    Buffer.isBuffer(v) ? v.toString('hex') : v,
  );
}

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'role', 'isAdmin');
const hostileValue = fc.oneof(
  fc.anything(),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.constantFrom(null, undefined, NaN, Infinity, -0, [], '', '\u0000', "'; DROP TABLE users; --", '../../etc/passwd'),
);
const hostileInput = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.oneof(hostileKey, fc.string()), hostileValue),
  fc.record({ name: hostileValue, passphrase: hostileValue, agencyName: hostileValue, language: hostileValue }),
);

describe('hostile input to every method', () => {
  it('gets a coded INVALID_INPUT, never a crash, and changes nothing', async () => {
    const t = await setUpCore();
    const before = snapshot(t);
    for (const method of methods) {
      const schema = contract[method].input;
      await fc.assert(
        fc.asyncProperty(
          hostileInput.filter((input) => !schema.safeParse(input).success),
          async (input) => {
            const result = await t.core.dispatch(method, input);
            expect(result.ok).toBe(false);
            if (!result.ok) {
              expect(errorCodes).toContain(result.error.code);
              expect(result.error.code).toBe('INVALID_INPUT');
            }
          },
        ),
        { numRuns: 150, seed: 4242 },
      );
    }
    expect(Object.prototype).not.toHaveProperty('role');
    expect(snapshot(t)).toBe(before);
    expect((await t.ok('app.status', {})).state).toBe('unlocked');
  });

  it('gets UNKNOWN_METHOD for any name outside the contract', async () => {
    const t = await setUpCore();
    await fc.assert(
      fc.asyncProperty(
        fc.anything().filter((name) => !(typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name))),
        fc.anything(),
        async (name, input) => {
          const result = await t.core.dispatch(name, input);
          expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
