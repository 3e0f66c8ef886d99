// Main process (plain Node). Never imports electron.
// The de-identified outcome report: computed on request, exported as signed files, and verified.
import { makeReport } from '../../reports/presets';
import { dataQuality } from '../../reports/data-quality';
import { allCasesRoles } from '../../../shared/roles';
import { keyFingerprint, normalizeFingerprint } from '../../reports/manifest';
import { stmt } from '../../store/repos/statements';
import { expectedSigner, rememberedFingerprint, rememberFingerprint, signingKeys, suppressionThreshold } from '../../reports/settings';
import { AppError } from '../errors';
import type { Handler } from '../types';

export const outcomeReport: Handler<'reports.outcomes'> = (input, ctx) => {
  ctx.audit.append({ actorId: ctx.user.id, action: 'report.view' });
  return makeReport(ctx.db, input, suppressionThreshold(ctx.db));
};

export const reportSigningKey: Handler<'reports.signingKey'> = (_input, { db }) => {
  const { publicKey } = signingKeys(db);
  return { fingerprint: keyFingerprint(publicKey), publicKey, rememberedFingerprint: rememberedFingerprint(db) };
};

/** Remembers (or forgets) the agency's published fingerprint for checking reports here; the change is logged. */
export const rememberReportFingerprint: Handler<'reports.rememberFingerprint'> = (input, { db }) => {
  rememberFingerprint(db, input.fingerprint === null ? null : normalizeFingerprint(input.fingerprint));
  return { done: true };
};

export const setSuppression: Handler<'settings.setSuppression'> = (input, { db }) => {
  stmt(db, "INSERT INTO settings (key, value) VALUES ('suppression_threshold', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(input.threshold));
  return { done: true };
};

/** The threshold in force now (the default until an administrator sets one), for the settings form. */
export const getSuppression: Handler<'settings.suppression'> = (_input, { db }) => ({ threshold: suppressionThreshold(db) });

export const exportReportHandler: Handler<'reports.export'> = async (input, { control }) => control.exportReport(input);
/** A submission pack (exact counts): administrators and auditors, with a reason; see reports/exact.ts. */
export const exportExactHandler: Handler<'reports.exportExact'> = async ({ reason, ...input }, { control }) => control.exportReport(input, { reason });
export const cancelExport: Handler<'reports.cancelExport'> = async (_input, { control }) => {
  control.cancelExport();
  return { done: true };
};
export const verifyReport: Handler<'reports.verify'> = async (input, { control }) => {
  const session = control.current;
  if (!session) throw new AppError('LOCKED');
  const expected = expectedSigner(session.db, input.expectedFingerprint);
  const result = control.verifyReport(input.folder, expected.fingerprint);
  return {
    ok: result.ok,
    problems: result.problems,
    period: result.manifest?.period ?? null,
    generatedAt: result.manifest?.generatedAt ?? null,
    signerFingerprint: result.signer,
    expectedFingerprint: expected.fingerprint,
    expectedFrom: expected.from,
    signerIsExpected: result.signerIsExpected,
    exact: result.manifest?.parameters.exact === true,
  };
};

/** Data quality before submitting; the cases to fix only for those who may open every case (never auditors). */
export const dataQualityHandler: Handler<'reports.dataQuality'> = (input, ctx) => {
  ctx.audit.append({ actorId: ctx.user.id, action: 'report.data-quality' });
  return dataQuality(ctx.db, input, allCasesRoles.includes(ctx.user.role));
};
