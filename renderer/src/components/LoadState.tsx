// renderer/: what a screen shows before its data has arrived: the error if reading failed, otherwise
// "working" as a status.
import type { RpcError } from '../../../shared/errors';
import { useT } from '../i18n/i18n';
import { ErrorMessage } from './Messages';

export function LoadState({ error }: { error: RpcError | null }) {
  const { t, errorMessage } = useT();
  return error ? <ErrorMessage>{errorMessage(error)}</ErrorMessage> : <p role="status">{t('common.working')}</p>;
}
