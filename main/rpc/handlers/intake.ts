// Main process (plain Node). Never imports electron.
// Saving one intake section. Sections are independent, so a caseworker can fill them in any order
// over several meetings; each save is all-or-nothing and records which fields changed, by whom.
import { sectionProgress } from '../../../shared/intake-progress';
import type { SaveSectionInput, SectionData } from '../../../shared/schemas/intake';
import { openableClient } from '../../cases/access';
import { AppError } from '../errors';
import { getSection, putSection, recordChanges, setClientNames, updateClientColumns, type ClientRecord } from '../../store/repos/clients';
import type { DataContext, Handler } from '../types';

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)).sort();
}

/** Facts the caseload and the case header read without opening the sections. */
function updateDerivedColumns(ctx: DataContext, client: ClientRecord, input: SaveSectionInput, at: string): void {
  if (input.section === 'identity') {
    const data: SectionData<'identity'> = input.data;
    const birthDate = typeof data.dateOfBirth === 'string' && /^\d{4}-/u.test(data.dateOfBirth) ? data.dateOfBirth : null;
    updateClientColumns(ctx.db, client.id, { chosen_name: data.preferredName, pronouns: data.pronouns, birth_date: birthDate }, at);
    const legal = typeof data.legalName === 'string' && !['doesnt_know', 'prefers_not', 'not_collected'].includes(data.legalName) ? [data.legalName] : [];
    setClientNames(ctx.db, client, [
      { kind: 'chosen', name: data.preferredName },
      ...legal.map((name) => ({ kind: 'legal' as const, name })),
      ...data.aliases.map((name) => ({ kind: 'alias' as const, name })),
    ]);
  } else if (input.section === 'needs') {
    updateClientColumns(ctx.db, client.id, { risk_level: input.data.riskLevel, urgent_safety: input.data.urgentSafety ? 1 : 0 }, at);
  } else {
    updateClientColumns(ctx.db, client.id, {}, at);
  }
}

export const saveSection: Handler<'intake.saveSection'> = (input, ctx) => {
  const client = openableClient(ctx, input.clientId);
  ctx.setAuditTarget(client.id);
  const stored = getSection(ctx.db, client.id, input.section);
  const version = stored?.version ?? 0;
  if (input.baseVersion !== version) {
    throw new AppError(
      'CONFLICT',
      'Someone else saved this section after you opened it. Your typing is still here; reload the case to see their changes before saving again.',
    );
  }
  const before = stored ? (JSON.parse(stored.data) as Record<string, unknown>) : {};
  const fields = changedFields(before, input.data);
  if (stored && fields.length === 0) return { version, progress: sectionProgress(input.section, input.data) };

  const at = ctx.now().toISOString();
  putSection(ctx.db, { clientId: client.id, section: input.section, data: input.data, version: version + 1, at, by: ctx.user.id });
  updateDerivedColumns(ctx, client, input, at);
  recordChanges(ctx.db, client.id, at, ctx.user.id, input.section, fields);
  return { version: version + 1, progress: sectionProgress(input.section, input.data) };
};
