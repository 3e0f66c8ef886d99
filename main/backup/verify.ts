// Main process (plain Node). Never imports electron.
// Reading a backup file and checking all of it before anything trusts it: the layout, the keyring,
// the sealed manifest, every chunk, the image's SHA-256, and then the image itself, opened with the
// data key in a work folder: quick_check (every page read and authenticated under the data key, every
// b-tree walked), rows per table and the access-log head compared with the manifest, and the
// access-log chain. The image's bytes are proven to be the store file as it was backed up, so a full
// integrity_check (4x the copy: it cross-checks every index entry) would re-examine the health of the
// store that was backed up, not the backup; `safehold check` runs it on the live store.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3-multiple-ciphers';
import type { BackupSummary } from '../../shared/schemas/backup';
import { auditKeyOf, verifyChain } from '../audit/chain';
import { openRegularFile, RegularFileError, type OpenedRegularFile } from '../fs/regular-file';
import { asksTooMuchWork } from '../keys/kdf';
import { KeyringError, openWithPassphrase, openWithRecovery, readKeyring, type Keyring } from '../keys/keyring';
import { STORE_CIPHER } from '../store/cipher';
import { LATEST_VERSION } from '../store/migrations';
import type { Db } from '../store/open';
import { BackupError, damaged } from './errors';
import { storeFacts } from './facts';
import { writeImage } from './image';
import {
  BackupHeader,
  BackupManifest,
  backupKeys,
  END,
  layout,
  MAGIC,
  manifestAad,
  MAX_HEADER_BYTES,
  MAX_MANIFEST_BYTES,
  open,
  PREAMBLE_BYTES,
  SEAL_OVERHEAD,
  TRAILER_BYTES,
  wipeKeys,
} from './format';

export interface BackupFile {
  path: string;
  bytes: number;
  header: BackupHeader;
  headerBytes: Buffer;
  keyringBytes: Buffer;
  sealedManifest: Buffer;
  chunksAt: number;
}

/** A name and passphrase valid when the backup was made, or the recovery key of that time. */
export type BackupSecret = { name: string; passphrase: string } | { recoveryKey: string };

function readAt(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) throw damaged();
    done += n;
  }
  return buffer;
}

/** Opens an ordinary file only: a pipe, a device (or a link to one) or a folder is refused at once. */
function openBackup(path: string): OpenedRegularFile {
  try {
    return openRegularFile(path);
  } catch (error) {
    if (error instanceof RegularFileError && error.problem === 'not-regular') {
      throw new BackupError('not-a-backup', 'That is not an ordinary file (it may be a device, a pipe or a link to one), so it is not a Safehold backup. Nothing was changed.');
    }
    throw new BackupError('missing', 'That backup file could not be opened.');
  }
}

/** The public parts of a backup file, after checking that its regions add up to its exact size. */
export function readBackupFile(path: string): BackupFile {
  if (!existsSync(path)) throw new BackupError('missing', 'That backup file could not be found.');
  const { fd, size: bytes } = openBackup(path);
  try {
    if (bytes < PREAMBLE_BYTES || !readAt(fd, MAGIC.length, 0).equals(MAGIC)) {
      throw new BackupError('not-a-backup', 'This file is not a Safehold backup. Nothing was changed.');
    }
    const headerLength = readAt(fd, 4, MAGIC.length).readUInt32BE();
    if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || bytes < PREAMBLE_BYTES + headerLength + TRAILER_BYTES) throw damaged();
    const headerBytes = readAt(fd, headerLength, PREAMBLE_BYTES);
    let header: BackupHeader;
    try {
      header = BackupHeader.parse(JSON.parse(headerBytes.toString('utf8')));
    } catch {
      throw damaged();
    }
    const trailer = readAt(fd, TRAILER_BYTES, bytes - TRAILER_BYTES);
    if (!trailer.subarray(4).equals(END)) throw damaged();
    const manifestLength = trailer.readUInt32BE(0);
    const at = layout(headerLength, header);
    if (manifestLength < SEAL_OVERHEAD || manifestLength > MAX_MANIFEST_BYTES || at.manifestAt + manifestLength + TRAILER_BYTES !== bytes) {
      throw damaged();
    }
    return {
      path,
      bytes,
      header,
      headerBytes,
      keyringBytes: readAt(fd, header.keyringBytes, at.keyringAt),
      sealedManifest: readAt(fd, manifestLength, at.manifestAt),
      chunksAt: at.chunksAt,
    };
  } finally {
    closeSync(fd);
  }
}

export interface UnlockedBackup {
  keyring: Keyring;
  dataKey: Buffer;
  /** The account whose passphrase opened it; null for the recovery key. */
  userId: string | null;
}

const tooCostly = () =>
  new BackupError(
    'damaged',
    'This backup asks for far more memory or time to open than any Safehold backup does, so it was not opened. It was changed or was not made by Safehold. Nothing was changed.',
  );

function keyringAsksTooMuch(bytes: Buffer): boolean {
  try {
    return asksTooMuchWork(JSON.parse(bytes.toString('utf8')));
  } catch {
    return false;
  }
}

/** Writes the backup's keyring into workDir and opens the data key with it. The caller wipes the key. */
export async function unlockBackup(file: BackupFile, workDir: string, secret: BackupSecret): Promise<UnlockedBackup> {
  // Nothing in the keyring is authenticated yet: its key-derivation cost is checked before any use.
  if (keyringAsksTooMuch(file.keyringBytes)) throw tooCostly();
  const keyringPath = join(workDir, 'keyring.json');
  const fd = openSync(keyringPath, 'wx', 0o600);
  try {
    writeSync(fd, file.keyringBytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  let keyring: Keyring;
  try {
    keyring = readKeyring(keyringPath);
  } catch (error) {
    if (error instanceof KeyringError) throw damaged();
    throw error;
  }
  if ('recoveryKey' in secret) {
    const dataKey = openWithRecovery(keyring, secret.recoveryKey);
    if (!dataKey) throw new BackupError('wrong-secret', 'That recovery key does not open this backup. Check it and try again. Nothing was changed.');
    return { keyring, dataKey, userId: null };
  }
  const opened = await openWithPassphrase(keyring, secret.name, secret.passphrase);
  if (!opened) {
    throw new BackupError(
      'wrong-secret',
      'That name and passphrase do not open this backup. Use a passphrase that was valid when the backup was made, or the recovery key. Nothing was changed.',
    );
  }
  return { keyring, dataKey: opened.dataKey, userId: opened.userId };
}

/** Opens a store image for checking only: keyed, exclusive, temp tables in memory, no writes. */
function openImage(path: string, key: Buffer): Db {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma(`cipher = '${STORE_CIPHER}'`);
    const material = Buffer.concat([Buffer.from('raw:', 'latin1'), key]);
    db.key(material);
    material.fill(0);
    db.pragma('locking_mode = EXCLUSIVE');
    // Room for the b-tree interiors of a large store, so the check reads each page about once.
    db.pragma('cache_size = -65536');
    db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
    // integrity_check may sort in temp storage, which the cipher does not cover.
    db.pragma('temp_store = MEMORY');
    db.pragma('trusted_schema = OFF');
    db.pragma('query_only = ON');
    return db;
  } catch {
    db.close();
    throw damaged();
  }
}

/**
 * Checks every byte of the backup with its data key and leaves the verified store image at
 * workDir/safehold.db (still page-encrypted under the same key). Throws a BackupError otherwise.
 */
export function verifyBackup(file: BackupFile, unlocked: UnlockedBackup, workDir: string): BackupSummary {
  const { header } = file;
  const backupId = Buffer.from(header.backupId, 'hex');
  const keys = backupKeys(unlocked.dataKey, backupId);
  try {
    const keyringSha = createHash('sha256').update(file.keyringBytes).digest();
    const sealed = open(keys.manifest, file.sealedManifest, manifestAad(file.headerBytes, keyringSha));
    let manifest: BackupManifest;
    try {
      manifest = BackupManifest.parse(JSON.parse(sealed.toString('utf8')));
    } catch {
      throw damaged();
    }
    if (
      manifest.backupId !== header.backupId ||
      manifest.imageBytes !== header.imageBytes ||
      manifest.chunks !== header.chunks ||
      manifest.keyEpoch !== unlocked.keyring.keyEpoch ||
      manifest.storeCipher !== STORE_CIPHER
    ) {
      throw damaged();
    }
    if (manifest.schemaVersion > LATEST_VERSION) {
      throw new BackupError('from-future', 'This backup was made by a newer version of Safehold. Install that version to restore it. Nothing was changed.');
    }

    const imagePath = join(workDir, 'safehold.db');
    // Opened again: still an ordinary file of the size whose regions were checked, or refused.
    const { fd: input, size } = openBackup(file.path);
    if (size !== file.bytes) {
      closeSync(input);
      throw damaged();
    }
    try {
      writeImage(input, file, keys.payload, imagePath, manifest.imageSha256);
    } finally {
      closeSync(input);
    }

    const db = openImage(imagePath, unlocked.dataKey);
    try {
      if (db.pragma('quick_check', { simple: true }) !== 'ok') throw damaged();
      const facts = storeFacts(db);
      if (
        facts.schemaVersion !== manifest.schemaVersion ||
        facts.auditHead !== manifest.auditHead ||
        !isDeepStrictEqual(facts.counts, manifest.counts)
      ) {
        throw damaged();
      }
      const auditKey = auditKeyOf(db);
      const chain = verifyChain(db, auditKey);
      auditKey.fill(0);
      return {
        backupId: manifest.backupId,
        createdAt: manifest.createdAt,
        appVersion: manifest.appVersion,
        schemaVersion: manifest.schemaVersion,
        keyEpoch: manifest.keyEpoch,
        bytes: file.bytes,
        clients: manifest.counts.clients ?? 0,
        counts: manifest.counts,
        auditEntries: manifest.auditEntries,
        auditLogIntact: chain.intact,
      };
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw damaged();
    } finally {
      db.close();
    }
  } finally {
    wipeKeys(keys);
  }
}
