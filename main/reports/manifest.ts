// Main process (plain Node). Never imports electron.
// The manifest that makes a report folder checkable: SHA-256 of every file, the period and
// parameters, the app version, when it was made, the access-log chain head as an outside anchor,
// and an Ed25519 signature by the installation's own report key (whose public half, and its
// fingerprint, the agency can hand to its funders).
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readRegularFile } from '../fs/regular-file';
import { Language } from '../../shared/schemas/prefs';
import { ReportPreset } from '../../shared/schemas/reports';

export const MANIFEST = 'manifest.json';
/** Read no further than this (the manifest, and each file it lists): the folder may come from anyone. */
const MAX_MANIFEST_BYTES = 1024 * 1024;
const MAX_REPORT_FILE_BYTES = 512 * 1024 * 1024;

/** An ordinary file's bytes (a FIFO, a device or a folder is refused at once, not waited on or read forever), else null. */
function readOrdinary(path: string, maxBytes: number): Buffer | null {
  try {
    return readRegularFile(path, maxBytes);
  } catch {
    return null;
  }
}

const Manifest = z
  .object({
    kind: z.literal('safehold-report-manifest'),
    version: z.literal(1),
    period: z.object({ from: z.string(), to: z.string() }),
    // A report made before reports had a language has none here (it was English); leaving it out
    // keeps that manifest's signed bytes, and so its signature, as they were.
    // `exact` only in a submission pack (exact counts, no suppression), so other manifests keep their bytes.
    // `preset` (the counting rules, reports/presets.ts) is absent in manifests made before presets. Keys in
    // the order reports write them: the signature is checked over the parsed (schema-ordered) object.
    parameters: z.object({
      workerFilter: z.boolean(),
      threshold: z.number().int(),
      language: Language.optional(),
      preset: ReportPreset.optional(),
      exact: z.literal(true).optional(),
    }),
    appVersion: z.string(),
    generatedAt: z.string(),
    auditChainHead: z.string(),
    files: z.array(z.object({ name: z.string().regex(/^[a-z0-9_.-]+$/u), sha256: z.string().regex(/^[0-9a-f]{64}$/u), bytes: z.number().int() })),
    publicKey: z.string(),
    signature: z.string(),
  })
  .strict();
export type Manifest = z.infer<typeof Manifest>;

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ format: 'der', type: 'spki' });
  return sha256(der).match(/.{4}/gu)!.slice(0, 8).join(' ');
}

export { normalizeFingerprint } from '../../shared/fingerprint';

/** The problem named when a report was signed by a key other than the expected one (the text the screens translate). */
export const otherSigner = (signer: string, expected: string) =>
  `This report was not signed by the expected key: its signer's fingerprint is ${signer}, the expected one is ${expected}. It may have been changed and signed again by someone else.`;

/** What the signature covers: every field but the signature, in a fixed order. */
function signedBytes(m: Omit<Manifest, 'signature'>): Buffer {
  return Buffer.from(JSON.stringify([m.kind, m.version, m.period, m.parameters, m.appVersion, m.generatedAt, m.auditChainHead, m.files, m.publicKey]), 'utf8');
}

export function signManifest(unsigned: Omit<Manifest, 'signature' | 'publicKey'>, privateKeyPem: string, publicKeyPem: string): Manifest {
  const body = { ...unsigned, publicKey: publicKeyPem };
  const signature = sign(null, signedBytes(body), createPrivateKey(privateKeyPem)).toString('base64');
  return { ...body, signature };
}

export interface Verification {
  ok: boolean;
  problems: string[];
  manifest: Manifest | null;
  /** The signer's fingerprint, when the manifest could be read. */
  signer: string | null;
  /** Whether the signer is the expected one; null when no fingerprint was expected or the manifest is unreadable. */
  signerIsExpected: boolean | null;
}

/**
 * Is the folder complete and unaltered, and (given the fingerprint the agency published, in its
 * printed form) signed by that agency's key? A folder altered and signed again with another key is
 * internally consistent: only the expected fingerprint tells it apart. Every problem is named in plain words.
 */
export function verifyReportFolder(folder: string, expectedFingerprint: string | null = null): Verification {
  const unread = { manifest: null, signer: null, signerIsExpected: null };
  const problems: string[] = [];
  const path = join(folder, MANIFEST);
  if (!existsSync(path)) return { ok: false, problems: ['The folder has no manifest.json: it is not a Safehold report, or the manifest was removed.'], ...unread };
  let manifest: Manifest;
  try {
    manifest = Manifest.parse(JSON.parse(readOrdinary(path, MAX_MANIFEST_BYTES)?.toString('utf8') ?? ''));
  } catch {
    return { ok: false, problems: ['manifest.json is damaged or was changed by hand.'], ...unread };
  }
  const { signature, ...body } = manifest;
  let signed = false;
  try {
    signed = verify(null, signedBytes(body), createPublicKey(manifest.publicKey), Buffer.from(signature, 'base64'));
  } catch {
    signed = false;
  }
  if (!signed) problems.push('The manifest signature does not match: the manifest was changed after the report was made.');
  let signer: string | null = null;
  try {
    signer = keyFingerprint(manifest.publicKey);
  } catch {
    signer = null;
  }
  const signerIsExpected = expectedFingerprint === null ? null : signer === expectedFingerprint;
  if (signerIsExpected === false) problems.unshift(otherSigner(signer ?? 'unreadable', expectedFingerprint!));
  for (const file of manifest.files) {
    const filePath = join(folder, file.name);
    if (!existsSync(filePath)) {
      problems.push(`${file.name} is missing.`);
      continue;
    }
    const bytes = readOrdinary(filePath, MAX_REPORT_FILE_BYTES);
    if (bytes === null || bytes.length !== file.bytes || sha256(bytes) !== file.sha256) problems.push(`${file.name} was changed after the report was made.`);
  }
  const listed = new Set([MANIFEST, ...manifest.files.map((f) => f.name)]);
  for (const name of readdirSync(folder)) if (!listed.has(name)) problems.push(`${name} is not part of the report.`);
  return { ok: problems.length === 0, problems, manifest, signer, signerIsExpected };
}
