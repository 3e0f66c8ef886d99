// Main process (plain Node). Never imports electron.
import { verifyChain } from '../../audit/chain';
import type { Handler } from '../types';

export const auditVerify: Handler<'audit.verify'> = (_input, { db, auditKey, audit, user }) => {
  const report = verifyChain(db, auditKey);
  audit.append({ actorId: user.id, action: 'audit.verify' });
  return report;
};
