// Main process (plain Node). Never imports electron.
// What the report reads from the store besides its figures: its settings, its signing key, and the
// names of the assessment domains in each language.
import { normalizeFingerprint } from '../../shared/fingerprint';
import type { Label } from '../../shared/vocab/define';
import type { Db } from '../store/open';
import { stmt } from '../store/repos/statements';
import { keyFingerprint } from './manifest';

export function suppressionThreshold(db: Db): number {
  const value = Number(stmt<[], { value: string }>(db, "SELECT value FROM settings WHERE key = 'suppression_threshold'").get()?.value);
  return Number.isInteger(value) && value >= 2 ? value : 10;
}

/** The installation's report signing key pair; the private half never leaves the encrypted store. */
export function signingKeys(db: Db): { privateKey: string; publicKey: string } {
  const get = (key: string) => stmt<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(key)!.value;
  return { privateKey: get('report_signing_private'), publicKey: get('report_signing_public') };
}

const REMEMBERED = 'report_expected_fingerprint';

/** The agency's fingerprint as remembered here for checking reports (not secret: it is published), or null. */
export function rememberedFingerprint(db: Db): string | null {
  const value = stmt<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(REMEMBERED)?.value;
  return value === undefined ? null : normalizeFingerprint(value);
}

export function rememberFingerprint(db: Db, fingerprint: string | null): void {
  if (fingerprint === null) stmt(db, 'DELETE FROM settings WHERE key = ?').run(REMEMBERED);
  else stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(REMEMBERED, fingerprint);
}

/**
 * Whose key a report is checked against: the fingerprint given, else the one remembered here, else
 * this installation's own (the agency's, when the check is made on the agency's installation).
 */
export function expectedSigner(db: Db, given: string | null): { fingerprint: string; from: 'given' | 'remembered' | 'this-installation' } {
  const typed = given === null ? null : normalizeFingerprint(given);
  if (typed) return { fingerprint: typed, from: 'given' };
  const remembered = rememberedFingerprint(db);
  if (remembered) return { fingerprint: remembered, from: 'remembered' };
  return { fingerprint: keyFingerprint(signingKeys(db).publicKey), from: 'this-installation' };
}

/** Every assessment domain's name in English and Spanish, by its code, for the report's domain rows. */
export function domainLabels(db: Db): ReadonlyMap<string, Label> {
  const rows = stmt<[], { code: string; label: string }>(db, 'SELECT code, label FROM instrument_domains').all();
  return new Map(rows.map((r) => [r.code, JSON.parse(r.label) as Label]));
}
