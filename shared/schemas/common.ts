// shared/: runs in every process. Imports nothing outside shared/.
import { z } from 'zod';
import { NAME_MAX, PASSPHRASE_MAX, PASSPHRASE_MIN } from '../limits';

/** Visible text a person typed: trimmed, no control characters, bounded. */
export const personText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Enter at least one character.')
    .max(max, `Use at most ${max} characters.`)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]*$/u, 'Remove line breaks and control characters.');

export const PersonName = personText(NAME_MAX);

/**
 * Text typed into a search box: may be empty, but no control characters (C0, DEL, C1) and no line or
 * paragraph separators. Joiners (U+200C, U+200D) stay allowed: names in several scripts need them.
 */
export const SearchText = (max: number) =>
  z
    .string()
    .max(max, `Use at most ${max} characters.`)
    .regex(/^[^\p{Cc}\p{Zl}\p{Zp}]*$/u, 'Remove line breaks and control characters.');

export const Passphrase = z
  .string()
  .min(PASSPHRASE_MIN, `Use at least ${PASSPHRASE_MIN} characters. A few unrelated words work well.`)
  .max(PASSPHRASE_MAX, `Use at most ${PASSPHRASE_MAX} characters.`);

/** A passphrase being checked (unlock): never length-checked, so no hint is given about stored ones. */
export const PassphraseAttempt = z.string().min(1, 'Enter your passphrase.').max(PASSPHRASE_MAX * 4);

export const Id = z.string().regex(/^[0-9a-f]{32}$/u, 'Not a valid record id.');

export const IsoDateTime = z.iso.datetime({ offset: true });

export const CreatedId = z.object({ id: Id });
