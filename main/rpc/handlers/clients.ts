// Main process (plain Node). Never imports electron.
// Creating, finding and opening survivors' cases.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { DuplicateMatch } from '../../../shared/schemas/clients';
import { sectionSchemas } from '../../../shared/schemas/intake';
import { startsNewSearch } from '../../audit/caseload-views';
import { canOpen, openableClient, seesAllCases } from '../../cases/access';
import { assertCaseWorker, setWorker } from '../../cases/assignment';
import { localIsoDate } from '../../cases/dates';
import { findDuplicates } from '../../cases/duplicates';
import { matchingElsewhere } from '../../cases/elsewhere';
import { buildProfile } from '../../cases/profile';
import { queryCaseload } from '../../store/repos/caseload';
import {
  getChanges,
  getClient,
  insertClient,
  nextCaseNumber,
  putSection,
  recordChanges,
  setClientNames,
} from '../../store/repos/clients';
import { stmt } from '../../store/repos/statements';
import type { Handler } from '../types';

export const createClient: Handler<'clients.create'> = (input, ctx) => {
  const now = ctx.now();
  const at = now.toISOString();
  const id = randomBytes(16).toString('hex');
  const caseNumber = nextCaseNumber(ctx.db, now.getFullYear());
  insertClient(ctx.db, {
    id,
    caseNumber,
    chosenName: input.chosenName,
    pronouns: input.pronouns,
    riskLevel: null,
    urgentSafety: input.urgentSafety,
    birthDate: input.dateOfBirth,
    assignedWorkerId: ctx.user.id,
    createdBy: ctx.user.id,
    at,
  });
  const client = getClient(ctx.db, id)!;
  setClientNames(ctx.db, client, [{ kind: 'chosen', name: input.chosenName }]);
  // The first-contact answers become the start of three intake sections.
  const first = {
    identity: sectionSchemas.identity.parse({ preferredName: input.chosenName, pronouns: input.pronouns, dateOfBirth: input.dateOfBirth }),
    contact: sectionSchemas.contact.parse({ methods: input.contact ? [input.contact] : [] }),
    needs: sectionSchemas.needs.parse({
      immediateNeeds: input.immediateNeeds.length > 0 ? input.immediateNeeds : null,
      urgentSafety: input.urgentSafety,
    }),
    referral: sectionSchemas.referral.parse({ intakeDate: localIsoDate(now) }),
  };
  for (const [section, data] of Object.entries(first)) {
    putSection(ctx.db, { clientId: id, section: section as keyof typeof first, data, version: 1, at, by: ctx.user.id });
  }
  recordChanges(ctx.db, id, at, ctx.user.id, 'case', ['created']);
  ctx.setAuditTarget(id);
  return { id, caseNumber };
};

export const listClients: Handler<'clients.list'> = (input, ctx) => {
  const onlyOwn = !seesAllCases(ctx);
  const assigned = typeof input.assigned === 'string' && ['mine', 'any', 'unassigned'].includes(input.assigned)
    ? (input.assigned as 'mine' | 'any' | 'unassigned')
    : { workerId: input.assigned };
  const { total, rows } = queryCaseload(ctx.db, { ...input, assigned, onlyOwn, viewerId: ctx.user.id });
  // One entry per search, not per page scrolled or word typed; the search words are never recorded.
  if (input.offset === 0 && startsNewSearch(ctx.db, ctx.user.id, ctx.now())) ctx.audit.append({ actorId: ctx.user.id, action: 'clients.list' });
  // A caseworker's search that also matches others' cases says how many (never names), on its first page.
  const elsewhere = onlyOwn && input.offset === 0 ? matchingElsewhere(ctx, input, total) : null;
  return {
    total,
    elsewhere,
    rows: rows.map((r) => ({
      id: r.id,
      caseNumber: r.case_number,
      chosenName: r.chosen_name,
      pronouns: r.pronouns,
      status: r.status,
      riskLevel: r.risk_level,
      urgentSafety: r.urgent_safety === 1,
      assignedWorker: r.assigned_worker,
      updatedAt: r.updated_at,
    })),
  };
};

export const getClientProfile: Handler<'clients.get'> = (input, ctx) => {
  const stored = getClient(ctx.db, input.id);
  // Break the glass: a caseworker opens a case that is not theirs by saying why. The reason stays
  // in the store for supervisors; the access log records the opening by ids only.
  if (stored && !canOpen(ctx, stored) && input.breakGlassReason !== null) {
    stmt(ctx.db, 'INSERT INTO access_reasons (client_id, user_id, at, reason) VALUES (?, ?, ?, ?)').run(
      stored.id,
      ctx.user.id,
      ctx.now().toISOString(),
      input.breakGlassReason,
    );
    ctx.audit.append({ actorId: ctx.user.id, action: 'client.break-glass', targetId: stored.id });
    return buildProfile(ctx.db, stored, localIsoDate(ctx.now()));
  }
  const client = openableClient(ctx, input.id);
  ctx.audit.append({ actorId: ctx.user.id, action: 'client.view', targetId: client.id });
  return buildProfile(ctx.db, client, localIsoDate(ctx.now()));
};

export const clientHistory: Handler<'clients.history'> = (input, ctx) => {
  const client = openableClient(ctx, input.id);
  ctx.audit.append({ actorId: ctx.user.id, action: 'client.history', targetId: client.id });
  return { entries: getChanges(ctx.db, client.id) };
};

export const findDuplicateClients: Handler<'clients.findDuplicates'> = (input, ctx) => {
  // A case the caller may not open counts only when its names resemble the ones typed: with the birth
  // date as a way in, trying dates one by one would reveal it.
  const byName = new Set(findDuplicates(ctx.db, input.names, null).map((m) => m.clientId));
  const matched: string[] = [];
  const matches: z.infer<typeof DuplicateMatch>[] = [];
  for (const { clientId, matchedOn } of findDuplicates(ctx.db, input.names, input.dateOfBirth)) {
    const client = getClient(ctx.db, clientId)!;
    if (canOpen(ctx, client)) {
      matches.push({ access: 'open', clientId, caseNumber: client.case_number, chosenName: client.chosen_name, matchedOn });
    } else if (byName.has(clientId)) {
      matches.push({ access: 'ask-supervisor', caseNumber: client.case_number });
    } else {
      continue;
    }
    matched.push(clientId);
  }
  // The log says which cases were matched (ids only), one entry each; a search with none, one entry.
  if (matched.length === 0) ctx.audit.append({ actorId: ctx.user.id, action: 'clients.findDuplicates' });
  for (const id of matched) ctx.audit.append({ actorId: ctx.user.id, action: 'clients.findDuplicates', targetId: id });
  return { matches };
};

export const assignClient: Handler<'clients.assign'> = (input, ctx) => {
  const client = openableClient(ctx, input.clientId);
  if (input.workerId !== null) assertCaseWorker(ctx.db, input.workerId, 'workerId');
  // Recorded in the dated assignment history (from whom, to whom, when, by whom).
  setWorker(ctx.db, { clientId: client.id, position: 'primary', to: input.workerId, by: ctx.user.id, at: ctx.now().toISOString() });
  ctx.setAuditTarget(client.id);
  return { done: true };
};

