// Main process (plain Node). Never imports electron.
// The migration registry is a bundled list (never files read at runtime). Pending steps run in one
// transaction together with the user_version bump, so a store is at one version or the next, never between.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { StoreError } from '../errors';
import core from './0010-core';
import clients from './0020-clients';
import accessReasons from './0030-access-reasons';
import planning from './0040-planning';
import outcomes from './0050-outcomes';
import importIds from './0060-import';
import reportSpeed from './0070-report-speed';
import signedLog from './0080-signed-log';
import statusHistory from './0100-status-history';
import sync from './0110-sync';
import team from './0120-team';
import exportReasons from './0130-export-reasons';
import documents from './0140-documents';
import week from './0150-week';
import handover from './0160-handover';
import serviceCorrections from './0170-service-corrections';
import partnerSuggestions from './0180-partner-suggestions';
import syncTail from './0200-sync-tail';
import reportFacts from './0210-report-facts';
import dashboardDerived from './0220-dashboard-derived';
import documentBlobs from './0240-document-blobs';
import syncDocPieces from './0250-sync-doc-pieces';
import syncKeyRanges from './0270-sync-key-ranges';
import casePurges from './0280-case-purges';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

export const migrations: readonly Migration[] = [core, clients, accessReasons, planning, outcomes, importIds, reportSpeed, signedLog, statusHistory, sync, team, exportReasons, documents, week, handover, serviceCorrections, partnerSuggestions, syncTail, reportFacts, dashboardDerived, documentBlobs, syncDocPieces, syncKeyRanges, casePurges];

export const LATEST_VERSION = migrations.reduce((max, m) => Math.max(max, m.version), 0);

export function storeVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database, target: number = LATEST_VERSION, list: readonly Migration[] = migrations): number {
  for (let i = 1; i < list.length; i += 1) {
    if (list[i]!.version <= list[i - 1]!.version) throw new Error('Migrations must be listed in increasing order.');
  }
  const current = storeVersion(db);
  const newest = list.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > newest) {
    throw new StoreError(
      'from-future',
      'This store was written by a newer version of Safehold. Install that version to open it; nothing was changed.',
    );
  }
  const pending = list.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${pending.at(-1)!.version}`);
  }).immediate();
  return storeVersion(db);
}
