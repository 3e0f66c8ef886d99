// A migrated caseload keeps its closed cases closed: the clients import takes case status, intake
// date, closing date, closing reason and destination, and the outcome report counts them as such.
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../main/reports/figures';
import { setUpCore } from '../helpers/core';

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const HEADER = 'external_id,chosen_name,intake_date,case_status,closing_date,closing_reason,destination';

describe('importing closed cases', () => {
  it('closes them on their closing day, so the report neither serves nor counts them as new forever', async () => {
    const t = await setUpCore();
    const file = csv(
      HEADER,
      'C1,Synthetic Open Case,2025-02-01,,,,',
      'C2,Synthetic Closed In Year,2025-01-10,closed,2025-06-01,goals_met,own_housing',
      'C3,Synthetic Closed Before,2024-01-01,Closed,2024-05-01,moved,unknown',
    );
    const preview = await t.ok('import.preview', { kind: 'clients', csvText: file });
    expect(preview.problems).toEqual([]);
    await t.ok('import.apply', { kind: 'clients', csvText: file });
    const db = t.control.current!.db;
    expect(db.prepare('SELECT status, count(*) AS n FROM clients GROUP BY status ORDER BY status').all()).toEqual([
      { status: 'active', n: 1 },
      { status: 'closed', n: 2 },
    ]);
    const f = computeFigures(db, { from: '2025-01-01', to: '2025-12-31', workerId: null });
    // C1 and C2 were open on some day of 2025 (both new); C3 was closed in 2024.
    expect(f.served).toEqual({ total: 2, new: 2, continuing: 0 });
    expect(f.exits).toEqual([{ key: 'own_housing', count: 1 }]);
    // A closed case can be reopened as any other.
    const c3 = db.prepare("SELECT client_id FROM external_ids WHERE external_id = 'C3'").pluck().get() as string;
    await t.ok('clients.reopen', { clientId: c3, reopenedOn: '2026-01-05' });
  });

  it('asks for every closing column of a closed case, and for none of an open one', async () => {
    const t = await setUpCore();
    const file = csv(
      HEADER,
      'D1,Synthetic Missing Date,2025-01-10,closed,,moved,unknown',
      'D2,Synthetic Open With Date,2025-01-10,active,2025-03-01,,',
      'D3,Synthetic Before Intake,2025-01-10,closed,2024-12-01,moved,unknown',
      'D4,Synthetic Bad Codes,2025-01-10,shut,2025-03-01,bored,moon',
      'D5,Synthetic In Future,2025-01-10,closed,2999-01-01,moved,unknown',
    );
    const preview = await t.ok('import.preview', { kind: 'clients', csvText: file });
    expect(preview.problems.map((p) => `${p.row} ${p.column}`).sort()).toEqual(
      ['2 closing_date', '3 closing_date', '4 closing_date', '5 case_status', '5 closing_reason', '5 destination', '5 closing_date', '6 closing_date'].sort(),
    );
    expect((await t.call('import.apply', { kind: 'clients', csvText: file })).ok).toBe(false);
    expect(t.control.current!.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
  });
});
