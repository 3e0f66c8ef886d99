// renderer/: reads one case's part (plan, outcomes, appointments, contacts) and keeps the last answer
// and the last error; `reload` reads it again. A successful read clears the error.
import { useCallback, useState } from 'react';
import type { Input, Output } from '../../../shared/contract';
import type { RpcError } from '../../../shared/errors';
import { call } from '../api/client';

/** Read methods whose input is exactly a case id. */
type CaseRead = 'plan.get' | 'outcomes.forClient' | 'appointments.forClient' | 'contacts.forClient';

export function useCaseRead<M extends CaseRead>(method: M, clientId: string) {
  const [data, setData] = useState<Output<M> | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const reload = useCallback(async () => {
    const input: Input<CaseRead> = { id: clientId };
    const result = await call(method, input as Input<M>);
    if (result.ok) {
      setData(result.value);
      setError(null);
    } else setError(result.error);
  }, [method, clientId]);
  return { data, error, setError, reload };
}
