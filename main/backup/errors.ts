// Main process (plain Node). Never imports electron.
// Why a backup could not be made, opened or restored. Messages are plain language for the person
// at the screen or terminal; they never carry paths, names or file contents.
export type BackupFailure =
  | 'missing' // the backup file (or target folder) is not there
  | 'not-a-backup' // the file does not start like a Safehold backup
  | 'wrong-secret' // the name and passphrase, or the recovery key, do not open it
  | 'damaged' // any byte changed, missing or added since it was made
  | 'from-future' // made by a newer Safehold
  | 'in-use' // the store is open in Safehold right now
  | 'not-authorized' // a store exists here and the person is not its administrator (nor holds its current recovery key)
  | 'needs-backup-secret' // the current key does not open the backup and no secret for it was given
  | 'not-written'; // the backup could not be written (disk full, no permission)

export class BackupError extends Error {
  constructor(
    readonly failure: BackupFailure,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export const damaged = () =>
  new BackupError('damaged', 'This backup is damaged or was changed after it was made, so it cannot be used. Nothing was changed.');
