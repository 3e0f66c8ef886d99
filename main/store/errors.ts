// Main process (plain Node). Never imports electron.
export type StoreFailure =
  | 'missing' // no store file where one was expected
  | 'exists' // asked to create a store where a file already is
  | 'wrong-key-or-damaged' // the first read after keying failed
  | 'pragma-mismatch' // a safety setting did not read back as set
  | 'from-future' // written by a newer Safehold
  | 'bad-key'; // the key buffer is not 32 bytes

export class StoreError extends Error {
  constructor(
    readonly failure: StoreFailure,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
