// renderer/: runs in the sandboxed browser page. Imports only shared/ (types and schemas), zod and DOM APIs.
// The one typed door to the main process: every screen calls `call(method, input)` and nothing else
// touches window.safehold.invoke.
import './zod-csp';
import type { AppEvent, Input, Method, Output, SafeholdBridge } from '../../../shared/contract';
import { contract } from '../../../shared/contract';
import type { Result, RpcError } from '../../../shared/errors';
import { RpcError as RpcErrorSchema } from '../../../shared/errors';

declare global {
  interface Window {
    readonly safehold: SafeholdBridge;
  }
}

let onLockedWhileUnlocked: (() => void) | null = null;

/**
 * Registered by the app while it shows unlocked screens: a LOCKED answer then means the main
 * process locked behind our back (idle), so the page must be wiped.
 */
export function setLockedHandler(handler: (() => void) | null): void {
  onLockedWhileUnlocked = handler;
}

function failure(code: RpcError['code'], message: string): { ok: false; error: RpcError } {
  return { ok: false, error: { code, message } };
}

/** Checks the envelope and the value against the contract, so screens can trust the types. */
function toResult<M extends Method>(method: M, raw: unknown): Result<Output<M>> {
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) {
    return failure('INTERNAL', 'The answer from Safehold was not understood.');
  }
  if (raw.ok === true && 'value' in raw) {
    const parsed = contract[method].output.safeParse(raw.value);
    if (parsed.success) return { ok: true, value: parsed.data as Output<M> };
    return failure('INTERNAL', 'The answer from Safehold was not understood.');
  }
  if (raw.ok === false && 'error' in raw) {
    const parsed = RpcErrorSchema.safeParse(raw.error);
    if (parsed.success) return { ok: false, error: parsed.data };
    const message =
      typeof raw.error === 'object' && raw.error !== null && 'message' in raw.error && typeof raw.error.message === 'string'
        ? raw.error.message
        : 'Something went wrong. Nothing was saved.';
    return failure('INTERNAL', message);
  }
  return failure('INTERNAL', 'The answer from Safehold was not understood.');
}

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
  let result: Result<Output<M>>;
  try {
    result = toResult(method, await window.safehold.invoke(method, input));
  } catch {
    result = failure('INTERNAL', 'Safehold could not be reached. Nothing was saved.');
  }
  if (!result.ok && result.error.code === 'LOCKED' && onLockedWhileUnlocked) onLockedWhileUnlocked();
  return result;
}

export function onAppEvent(listener: (event: AppEvent) => void): () => void {
  return window.safehold.onEvent(listener);
}
