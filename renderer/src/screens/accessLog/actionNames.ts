// renderer/: access-log action names in plain words. The log stores method-like names
// (session.unlock, client.view); the ones we know have a catalog entry, any other is shown as is.
import type { I18n } from '../../i18n/i18n';

export function actionLabel(i18n: Pick<I18n, 't' | 'has'>, action: string): string {
  const key = `auditAction.${action}`;
  return i18n.has(key) ? i18n.t(key) : action;
}
