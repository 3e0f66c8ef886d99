// Main process (plain Node). Never imports electron.
// Consents and releases of information, as records. Consent is never a condition of service:
// nothing here gates services; later features (referrals that share identity) check for one.
import { randomBytes } from 'node:crypto';
import { openableClient } from '../../cases/access';
import { localIsoDate } from '../../cases/dates';
import { recordChanges, updateClientColumns } from '../../store/repos/clients';
import { getConsent, insertConsent, revokeConsent } from '../../store/repos/consents';
import { AppError } from '../errors';
import type { Handler } from '../types';

export const addConsent: Handler<'consents.add'> = (input, ctx) => {
  const client = openableClient(ctx, input.clientId);
  const id = randomBytes(16).toString('hex');
  const at = ctx.now().toISOString();
  insertConsent(ctx.db, {
    id,
    client_id: client.id,
    kind: input.kind,
    recipient: input.recipient,
    purpose: input.purpose,
    data_categories: JSON.stringify(input.dataCategories),
    start_date: input.startDate,
    expiry_date: input.expiryDate,
    language: input.language,
    signed_how: input.signedHow,
    created_at: at,
    created_by: ctx.user.id,
  });
  recordChanges(ctx.db, client.id, at, ctx.user.id, 'consents', [`added:${input.kind}`]);
  updateClientColumns(ctx.db, client.id, {}, at);
  ctx.setAuditTarget(client.id);
  return { id };
};

export const revokeConsentHandler: Handler<'consents.revoke'> = (input, ctx) => {
  const consent = getConsent(ctx.db, input.consentId);
  if (!consent) throw new AppError('NOT_FOUND', 'That consent could not be found.');
  const client = openableClient(ctx, consent.client_id);
  if (consent.revoked_on !== null) throw new AppError('CONFLICT', 'This consent was already revoked.');
  const today = localIsoDate(ctx.now());
  if (input.revokedOn > today || input.revokedOn < consent.start_date) {
    throw new AppError('INVALID_INPUT', undefined, [
      { path: 'revokedOn', message: 'Use a date between the start of the consent and today.' },
    ]);
  }
  const at = ctx.now().toISOString();
  revokeConsent(ctx.db, consent.id, input.revokedOn, input.reason);
  recordChanges(ctx.db, client.id, at, ctx.user.id, 'consents', [`revoked:${consent.kind}`]);
  updateClientColumns(ctx.db, client.id, {}, at);
  ctx.setAuditTarget(client.id);
  return { done: true };
};
