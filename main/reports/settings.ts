// Main process (plain Node). Never imports electron.
// What the report reads from the store besides its figures: its settings, its signing key, and the
// names of the assessment domains in each language.
import type { Label } from '../../shared/vocab/define';
import type { Db } from '../store/open';
import { stmt } from '../store/repos/statements';

export function suppressionThreshold(db: Db): number {
  const value = Number(stmt<[], { value: string }>(db, "SELECT value FROM settings WHERE key = 'suppression_threshold'").get()?.value);
  return Number.isInteger(value) && value >= 2 ? value : 10;
}

/** The installation's report signing key pair; the private half never leaves the encrypted store. */
export function signingKeys(db: Db): { privateKey: string; publicKey: string } {
  const get = (key: string) => stmt<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(key)!.value;
  return { privateKey: get('report_signing_private'), publicKey: get('report_signing_public') };
}

/** Every assessment domain's name in English and Spanish, by its code, for the report's domain rows. */
export function domainLabels(db: Db): ReadonlyMap<string, Label> {
  const rows = stmt<[], { code: string; label: string }>(db, 'SELECT code, label FROM instrument_domains').all();
  return new Map(rows.map((r) => [r.code, JSON.parse(r.label) as Label]));
}
