// Main process (plain Node). Never imports electron.
// The submission pack: the report with exact counts (no small-cell suppression), for a funder's
// portal that needs exact integers. Only administrators and auditors make one, only by stating a
// reason, and never by default. It is marked on every PDF page, in the JSON and in the signed
// manifest (parameters.exact), and logged: the reason a person typed is free text, so, as with
// break-the-glass reasons, it stays in the encrypted store and the access log holds only its row id.
import type { Report } from '../../shared/schemas/reports';
import type { AuditLog } from '../audit/chain';
import type { Db } from '../store/open';
import { reportWords } from './words';

/** Exact counts: nothing from 1 upwards is small. */
export const EXACT_THRESHOLD = 0;

/** The built report (with threshold EXACT_THRESHOLD) marked as a submission pack, the marking also written among its rules. */
export function asSubmissionPack(report: Report): Report {
  const words = reportWords[report.parameters.language];
  return {
    ...report,
    parameters: { ...report.parameters, threshold: EXACT_THRESHOLD, exact: true },
    countingRules: [...report.countingRules, words.notes.exactPack],
  };
}

/** Records why exact counts were exported, and the access-log entry naming that record by id only. Call inside a transaction. */
export function logExactExport(db: Db, log: AuditLog, entry: { userId: string; at: string; period: { from: string; to: string }; reason: string; action: string }): void {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO export_reasons (user_id, at, period_from, period_to, reason) VALUES (?, ?, ?, ?, ?)')
    .run(entry.userId, entry.at, entry.period.from, entry.period.to, entry.reason);
  log.append({ actorId: entry.userId, action: entry.action, targetId: `export-reason:${String(lastInsertRowid)}` });
}

/** The reasons recorded, newest first (for whoever reviews the log inside the store). */
export function exactExportReasons(db: Db): { id: number; userId: string; at: string; from: string; to: string; reason: string }[] {
  return db
    .prepare<[], { id: number; userId: string; at: string; from: string; to: string; reason: string }>(
      'SELECT id, user_id AS userId, at, period_from AS "from", period_to AS "to", reason FROM export_reasons ORDER BY id DESC',
    )
    .all();
}
