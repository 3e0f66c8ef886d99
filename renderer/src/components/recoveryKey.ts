// renderer/: how a recovery key is compared and shown; the same rule the main process applies.
import { normalizeRecoveryKey } from '../../../shared/recovery-key';

export { normalizeRecoveryKey };

export function recoveryKeyGroups(key: string): string[] {
  return normalizeRecoveryKey(key).match(/.{1,4}/gu) ?? [];
}
