// Main process (plain Node). Never imports electron.
// An outside anchor for the access log: the sequence number and MAC of the newest entry, kept in
// audit-anchor.json beside the store and MAC'd with the audit key. A chain that is cut
// short below the anchor (its newest entries deleted) no longer matches it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';
import type { Db } from '../store/open';

const Anchor = z.object({ seq: z.number().int().min(0), head: z.string().regex(/^[0-9a-f]{64}$/u), mac: z.string() }).strict();

const anchorPath = (dir: string) => join(dir, 'audit-anchor.json');

function anchorMac(auditKey: Buffer, seq: number, head: string): string {
  return createHmac('sha256', auditKey).update(`safehold audit anchor v1:${seq}:${head}`).digest('hex');
}

export function writeAnchor(dir: string, db: Db, auditKey: Buffer): void {
  const last = db.prepare<[], { seq: number; mac: Buffer }>('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  if (!last) return;
  const head = last.mac.toString('hex');
  writeFileAtomic(anchorPath(dir), `${JSON.stringify({ seq: last.seq, head, mac: anchorMac(auditKey, last.seq, head) })}\n`);
}

export type AnchorCheck = 'matches' | 'missing' | 'truncated' | 'forged';

/** Does the chain still reach the anchored entry, with the anchored MAC? */
export function checkAnchor(dir: string, db: Db, auditKey: Buffer): AnchorCheck {
  if (!existsSync(anchorPath(dir))) return 'missing';
  let anchor: z.infer<typeof Anchor>;
  try {
    anchor = Anchor.parse(JSON.parse(readFileSync(anchorPath(dir), 'utf8')));
  } catch {
    return 'forged';
  }
  const expected = Buffer.from(anchorMac(auditKey, anchor.seq, anchor.head), 'hex');
  const given = Buffer.from(anchor.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  const row = db.prepare<[number], { mac: Buffer }>('SELECT mac FROM audit_log WHERE seq = ?').get(anchor.seq);
  return row && row.mac.toString('hex') === anchor.head ? 'matches' : 'truncated';
}
