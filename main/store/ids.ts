// Main process (plain Node). Never imports electron.
import { randomBytes } from 'node:crypto';

/** Record ids: 128 random bits as 32 hex characters; they say nothing about the record. */
export function newId(): string {
  return randomBytes(16).toString('hex');
}
