// Main process (plain Node). Never imports electron.
// The partner directory and referrals. A referral that shares the person's identity needs their
// active consent to share with that partner. Consent is never a condition of service: a referral
// without identifying details can always be sent.
import { fold } from '../../../shared/fold';
import { clientOwning, workingOn } from '../../cases/owner';
import { consentStatus } from '../../cases/consent-status';
import { recordChanges, updateClientColumns } from '../../store/repos/clients';
import { consentsOf } from '../../store/repos/consents';
import { newId } from '../../store/ids';
import { stmt } from '../../store/repos/statements';
import { AppError } from '../errors';
import type { Handler } from '../types';

export const listPartners: Handler<'partners.list'> = (_input, ctx) => ({
  partners: stmt<[], { id: string; name: string; services: string; contact: string | null; active: number }>(
    ctx.db,
    "SELECT id, name, services, contact, active FROM partners WHERE status = 'listed' ORDER BY name COLLATE NOCASE",
  )
    .all()
    .map((p) => ({ id: p.id, name: p.name, services: JSON.parse(p.services) as never, contact: p.contact, active: p.active === 1 })),
});

export const addPartner: Handler<'partners.add'> = (input, ctx) => {
  const taken = stmt<[], { name: string }>(ctx.db, 'SELECT name FROM partners').all().some((p) => fold(p.name) === fold(input.name));
  if (taken) throw new AppError('CONFLICT', 'A partner with this name is already in the directory.', [{ path: 'name', message: 'Already in the directory.' }]);
  const id = newId();
  stmt(ctx.db, 'INSERT INTO partners (id, name, services, contact, created_at) VALUES (?, ?, ?, ?, ?)').run(
    id,
    input.name,
    JSON.stringify(input.services),
    input.contact,
    ctx.now().toISOString(),
  );
  ctx.setAuditTarget(id);
  return { id };
};

export const sendReferral: Handler<'referrals.send'> = (input, ctx) => {
  const client = workingOn(ctx, input.clientId);
  const partner = stmt<[string], { name: string; active: number }>(ctx.db, "SELECT name, active FROM partners WHERE id = ? AND status = 'listed'").get(input.partnerId);
  if (!partner || partner.active !== 1) {
    throw new AppError('INVALID_INPUT', undefined, [{ path: 'partnerId', message: 'Choose a partner from the directory.' }]);
  }
  let consentId: string | null = null;
  if (input.sharesIdentity) {
    const consent = consentsOf(ctx.db, client.id).find(
      (c) =>
        c.kind === 'share_partner' &&
        c.recipient !== null &&
        fold(c.recipient) === fold(partner.name) &&
        ['active', 'expiring'].includes(consentStatus(c, input.sentOn)),
    );
    if (!consent) {
      throw new AppError(
        'CONSENT_REQUIRED',
        `Sharing this person's identity with ${partner.name} needs their active consent to share with them. Record the consent first, or send the referral without identifying details. Services never depend on consent.`,
      );
    }
    consentId = consent.id;
  }
  const id = newId();
  stmt(
    ctx.db,
    `INSERT INTO referrals (id, client_id, partner_id, service, sent_on, shares_identity, consent_id, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, client.id, input.partnerId, input.service, input.sentOn, input.sharesIdentity ? 1 : 0, consentId, ctx.now().toISOString(), ctx.user.id);
  const at = ctx.now().toISOString();
  recordChanges(ctx.db, client.id, at, ctx.user.id, 'referrals', [`sent:${input.service}`]);
  updateClientColumns(ctx.db, client.id, {}, at);
  return { id };
};

export const setReferralStatus: Handler<'referrals.setStatus'> = (input, ctx) => {
  const client = clientOwning(ctx, 'referral', input.referralId);
  const referral = stmt<[string], { sent_on: string }>(ctx.db, 'SELECT sent_on FROM referrals WHERE id = ?').get(input.referralId)!;
  if (input.on < referral.sent_on) {
    throw new AppError('INVALID_INPUT', undefined, [{ path: 'on', message: 'Use a date on or after the day it was sent.' }]);
  }
  stmt(
    ctx.db,
    `UPDATE referrals SET status = @status, status_on = @on,
       accepted_on = CASE WHEN @status IN ('accepted', 'completed') THEN coalesce(accepted_on, @on) ELSE accepted_on END
     WHERE id = @id`,
  ).run({ status: input.status, on: input.on, id: input.referralId });
  const at = ctx.now().toISOString();
  recordChanges(ctx.db, client.id, at, ctx.user.id, 'referrals', [`status:${input.status}`]);
  updateClientColumns(ctx.db, client.id, {}, at);
  return { done: true };
};
