// Plain Node (the safehold command-line tool). Never imports electron.
// `safehold report`: the de-identified outcome report for a period, as signed files (English, or
// Spanish with --lang es); with --exact --reason "...", a submission pack of exact counts (admins
// and auditors only; marked in every file's manifest and PDF page, the reason kept in the store).
// `safehold verify-report DIR`: is a report folder complete and unaltered? Needs no store.
import { z } from 'zod';
import { IsoDate } from '../../../shared/schemas/intake';
import { Language } from '../../../shared/schemas/prefs';
import { reportFormats } from '../../../shared/schemas/reports';
import { auditLog } from '../../audit/chain';
import { closeSession } from '../../core/installation';
import { asSubmissionPack, EXACT_THRESHOLD, logExactExport } from '../../reports/exact';
import { exportReport } from '../../reports/export';
import { makeReport, presetPeriodProblem } from '../../reports/presets';
import { ReportPreset } from '../../../shared/schemas/reports';
import { normalizeFingerprint, verifyReportFolder } from '../../reports/manifest';
import { domainLabels, signingKeys, suppressionThreshold } from '../../reports/settings';
import { Refused, required, type CliValues } from '../common';
import type { CliIo } from '../prompt';
import { signIn } from './unlock';

export async function report(values: CliValues, io: CliIo): Promise<number> {
  const from = IsoDate.safeParse(required(values, 'from'));
  const to = IsoDate.safeParse(required(values, 'to'));
  if (!from.success || !to.success || from.data > to.data) throw new Refused('Give --from and --to as YYYY-MM-DD, with --from on or before --to.');
  const formats = z.array(z.enum(reportFormats)).min(1).safeParse(String(values.format ?? 'csv,pdf,json').split(','));
  if (!formats.success) throw new Refused('--format takes csv, pdf and/or json, separated by commas.');
  const language = Language.safeParse(values.lang ?? 'en');
  if (!language.success) throw new Refused('--lang takes en (English) or es (Spanish). Nothing was written.');
  const preset = ReportPreset.safeParse(values.preset ?? 'standard');
  if (!preset.success) throw new Refused('--preset takes standard, otip (HHS OTIP TVAP/DVHT) or ovc (OVC/VOCA). Nothing was written.');
  const presetProblem = presetPeriodProblem(preset.data, from.data, to.data);
  if (presetProblem) throw new Refused(`${presetProblem} Nothing was written.`);
  const out = required(values, 'out');
  // A submission pack (exact counts, no small-cell suppression): admins and auditors, with a reason.
  const exact = values.exact === true;
  const reason = typeof values.reason === 'string' ? values.reason.trim() : '';
  if (exact && (reason.length < 10 || reason.length > 500)) {
    throw new Refused('--exact needs --reason "..." saying in a sentence (10 to 500 characters) why exact counts are needed, for example which funder portal asks for them. Nothing was written.');
  }
  if (!exact && values.reason !== undefined) throw new Refused('--reason goes with --exact. Nothing was written.');
  const { session } = await signIn(values, io, exact ? ['admin', 'auditor'] : ['admin', 'supervisor', 'auditor']);
  try {
    const period = { from: from.data, to: to.data, workerId: null, preset: preset.data };
    const db = session.db;
    const threshold = exact ? EXACT_THRESHOLD : suppressionThreshold(db);
    const counted = db
      .transaction(() => makeReport(db, period, threshold, { language: language.data, domainLabels: domainLabels(db) }))
      .deferred();
    const built = exact ? asSubmissionPack(counted) : counted;
    const log = auditLog(session.db, session.auditKey, () => new Date());
    const result = await exportReport({
      report: built,
      folder: out,
      formats: formats.data,
      generatedAt: new Date().toISOString(),
      auditChainHead: log.head(),
      signing: signingKeys(session.db),
      onProgress: (done, total, file) => io.stderr.write(`report: ${done}/${total} ${file}\n`),
    });
    session.db.transaction(() => {
      log.append({ actorId: session.user.id, action: 'report.export.cli' });
      if (exact) logExactExport(db, log, { userId: session.user.id, at: new Date().toISOString(), period, reason, action: 'report.export-exact.cli' });
    })();
    io.stdout.write(`${JSON.stringify({ ok: true, folder: result.folder, files: result.files })}\n`);
    return 0;
  } finally {
    closeSession(session);
  }
}

/**
 * `verify-report DIR [--fingerprint "XXXX XXXX ..."]`: 0 when the folder is complete, unaltered and
 * (with --fingerprint) signed by that key; 1 when not, each problem in plain words on stderr; 2 when
 * the fingerprint given is not one.
 */
export async function verifyReport(values: CliValues, io: CliIo, folder: string | undefined): Promise<number> {
  if (!folder) throw new Refused('Usage: safehold verify-report DIR [--fingerprint "XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX"]');
  let expected: string | null = null;
  if (values.fingerprint !== undefined) {
    expected = normalizeFingerprint(String(values.fingerprint));
    if (!expected) throw new Refused('--fingerprint takes the 32 letters and digits the agency published, for example "1a2b 3c4d 5e6f 7a8b 9c0d 1e2f 3a4b 5c6d". Nothing was checked.');
  }
  const result = verifyReportFolder(folder, expected);
  io.stdout.write(
    `${JSON.stringify({
      ok: result.ok,
      problems: result.problems,
      period: result.manifest?.period ?? null,
      generatedAt: result.manifest?.generatedAt ?? null,
      signerFingerprint: result.signer,
      signerIsExpected: result.signerIsExpected,
      exact: result.manifest?.parameters.exact === true,
    })}\n`,
  );
  if (!result.ok) io.stderr.write(`safehold: the report did not pass the check.\n${result.problems.map((p) => `- ${p}\n`).join('')}`);
  else if (expected === null) io.stderr.write(`safehold: complete and unaltered. Compare the signer's fingerprint ${result.signer ?? ''} with the one the agency published, or give it with --fingerprint.\n`);
  return result.ok ? 0 : 1;
}
