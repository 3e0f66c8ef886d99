// Development tooling: spreadsheet import at scale, through the real dispatcher (zod, roles, one
// transaction, audit): a clients CSV of the seeded generator's fictional people, read, checked and written.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSafeholdCoreWithControl } from '../../main/core/app';
import { memoryPreferences } from '../../main/core/prefs';
import { generateClient, seededRng } from '../../main/demo/generator';
import { templates } from '../../main/import/templates';
import { FLOOR_COST } from '../../main/keys/kdf';
import type { Emit } from './caseload';

function quoted(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

/** The template's clients columns, filled from the generator, so the sheet is what an agency would export. */
export function clientsCsv(rows: number, seed: number): string {
  const rng = seededRng(seed);
  const today = new Date('2026-11-01T12:00:00Z');
  const header = templates.clients.map((c) => c.name);
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i += 1) {
    const g = generateClient(rng, i, today);
    const identity = g.sections.identity!;
    const phone = g.sections.contact?.methods[0];
    const cells: Record<string, string | null | undefined> = {
      external_id: `OLD-${String(i).padStart(6, '0')}`,
      chosen_name: g.chosenName,
      pronouns: identity.pronouns,
      date_of_birth: identity.dateOfBirth,
      legal_name: identity.legalName,
      aliases: identity.aliases.join(';'),
      gender_identity: identity.genderIdentity,
      citizenship_category: g.sections.citizenship?.category,
      trafficking_type: g.sections.trafficking?.type,
      referral_source: g.sections.referral?.referralSource,
      intake_date: g.sections.referral?.intakeDate,
      risk_level: g.riskLevel,
      phone: phone?.value,
      safe_to_call: phone?.safeToCall,
      safe_to_text: phone?.safeToText,
      safe_voicemail: phone?.safeVoicemail,
      safe_mail: phone?.safeMail,
    };
    lines.push(header.map((h) => quoted(cells[h] ?? '')).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function benchImport(rows: number, emit: Emit): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'safehold-bench-import-'));
  const { core } = createSafeholdCoreWithControl({ dataDir: dir, prefs: memoryPreferences(), kdfCost: FLOOR_COST });
  try {
    const begin = (await core.dispatch('setup.begin', {})) as { ok: true; value: { recoveryKey: string } };
    await core.dispatch('setup.complete', {
      agencyName: 'Bench Agency',
      adminName: 'Bench Admin',
      passphrase: 'bench passphrase words',
      recoveryKeyConfirmation: begin.value.recoveryKey,
    });
    const csvText = clientsCsv(rows, 42);
    let start = performance.now();
    const preview = await core.dispatch('import.preview', { kind: 'clients', csvText });
    const previewMs = performance.now() - start;
    start = performance.now();
    const result = await core.dispatch('import.apply', { kind: 'clients', csvText });
    const applyMs = performance.now() - start;
    for (const r of [preview, result]) if (!r.ok) throw new Error(`bench import failed: ${r.error.code} ${JSON.stringify(r.error.fields?.slice(0, 5))}`);
    emit('import_rows', rows, 'rows');
    emit('import_csv_mib', Buffer.byteLength(csvText) / 1024 / 1024, 'MiB');
    emit('import_check_rows_per_s', rows / (previewMs / 1000), 'rows/s');
    emit('import_rows_per_s', rows / (applyMs / 1000), 'rows/s');
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
