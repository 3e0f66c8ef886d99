// renderer/: the one form layer. A form is the shared/ schema the main process checks, the form's
// values and a submit call. react-hook-form keeps the field state; the courtesy check is the same zod
// schema (through @hookform/resolvers, no eval, so it runs under the strict CSP with zod's jitless
// mode); the dispatcher's INVALID_INPUT field problems land back on the same fields; focus goes to the
// first field marked invalid; busy state and the form-level message are kept here, not per screen.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { get, useForm, type DefaultValues, type FieldErrors, type FieldPath, type FieldValues, type PathValue, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { Result, RpcError } from '../../../shared/errors';
import { useT } from '../i18n/i18n';
import { pathErrorsFrom } from './forms';

export interface SchemaFormOptions<V extends FieldValues, S extends z.ZodType, T> {
  /** The input schema from shared/, the one the main process checks for this call. */
  schema: S;
  /** The form's starting values (text and dates as strings, '' for empty). */
  defaults: V;
  /** Turns the form's values into the call's input (adds ids, '' to null, trims). */
  toInput: (values: V) => z.input<S>;
  /** The call, e.g. (input) => call('plan.addStep', input). */
  send: (input: z.input<S>) => Promise<Result<T>>;
  /** Runs at each press, before the checks (e.g. takes an earlier result off the screen). */
  onSubmitStart?: () => void;
  /** Runs after a successful call. */
  onSaved?: (value: T) => void | Promise<void>;
  /** The form's own checks and words (keyed by field path; undefined means fine); they replace the schema's message there. */
  extraChecks?: (values: V) => Readonly<Record<string, string | undefined>>;
  /** May take over an error (e.g. CONSENT_REQUIRED) by returning true. */
  special?: (error: RpcError) => boolean;
  /** The form's own words for an error (e.g. a wrong recovery key); undefined keeps the usual message. */
  errorText?: (error: RpcError) => string | undefined;
  /** The form only asks for something to be shown or checked (a report, a check): its messages do not speak of saving. */
  onlyReads?: boolean;
  /** Which of main's field problems land on which form paths (default: every one at its own path). */
  fieldErrors?: (error: RpcError) => Readonly<Record<string, string>>;
}

/** Courtesy check: the shared schema on the call's input, with its problems keyed by form path. */
function schemaResolver<V extends FieldValues, S extends z.ZodType>(
  schema: S,
  toInput: (values: V) => z.input<S>,
  extraChecks?: (values: V) => Readonly<Record<string, string | undefined>>,
): Resolver<V> {
  const check = zodResolver(schema as never);
  return async (values, context, options) => {
    const result = await check(toInput(values) as never, context, options as never);
    const errors: Record<string, unknown> = { ...result.errors };
    for (const [path, message] of Object.entries(extraChecks?.(values) ?? {})) {
      // The form's own words win over the schema's general ones for the same field.
      if (message) errors[path] = { type: 'courtesy', message };
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors: errors as FieldErrors<V> } : { values, errors: {} };
  };
}

export function useSchemaForm<V extends FieldValues, S extends z.ZodType, T>(options: SchemaFormOptions<V, S, T>) {
  const { t, errorMessage } = useT();
  const [formError, setFormError] = useState('');
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // After a failed submit, focus goes to the first field marked invalid once the problems are drawn
  // (react-hook-form may draw them a render after the submit returns).
  const focusPending = useRef(false);
  useEffect(() => {
    if (!focusPending.current) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) {
      focusPending.current = false;
      first.focus();
    }
  });
  const focus = { signal: () => (focusPending.current = true) };
  const form = useForm<V>({
    defaultValues: options.defaults as DefaultValues<V>,
    resolver: schemaResolver(options.schema, options.toInput, options.extraChecks),
    shouldFocusError: false,
    reValidateMode: 'onSubmit',
  });
  const { errors, isSubmitting } = form.formState;
  const fixFields = options.onlyReads ? 'common.checkFields' : 'common.fixFields';

  const submit = form.handleSubmit(
    async (values) => {
      setFormError('');
      setSaved(false);
      const result = await options.send(options.toInput(values));
      if (result.ok) {
        setSaved(true);
        await options.onSaved?.(result.value);
        return;
      }
      if (options.special?.(result.error)) return;
      fail(result.error);
    },
    () => {
      setSaved(false);
      setFormError(t(fixFields));
      focus.signal();
    },
  );

  /** Shows a refusal on the form: field problems on their fields, the message, focus on the first to fix.
   * Also for a later call that belongs to this form (e.g. the second step of setup). */
  function fail(error: RpcError) {
    for (const [path, message] of Object.entries(options.fieldErrors?.(error) ?? pathErrorsFrom(error))) {
      form.setError(path as FieldPath<V>, { type: 'server', message });
    }
    setFormError(options.errorText?.(error) ?? (error.code === 'INVALID_INPUT' ? t(fixFields) : errorMessage(error)));
    focus.signal();
  }

  /** One call at a time: a second press while busy does nothing. */
  const onSubmit = (event?: { preventDefault: () => void }) => {
    if (form.formState.isSubmitting) {
      event?.preventDefault();
      return Promise.resolve();
    }
    options.onSubmitStart?.();
    return submit(event as never);
  };

  /** The problem shown at a field: at its path or anywhere beneath it ("steps.0" finds "steps.0.text"). */
  function errorAt(path: string): string | undefined {
    const found: unknown = get(errors, path);
    return firstMessage(found);
  }

  /** Value, setter and problem for one of the project's controlled field components. */
  function field<P extends FieldPath<V>>(path: P) {
    return {
      value: form.watch(path),
      onChange: (value: PathValue<V, P>) => {
        setSaved(false);
        form.setValue(path, value, { shouldDirty: true });
      },
      error: errorAt(path),
    };
  }

  return { form, field, errorAt, onSubmit, fail, busy: isSubmitting, formError, saved, formRef };
}

function firstMessage(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if ('message' in node && typeof node.message === 'string' && node.message) return node.message;
  for (const child of Object.values(node)) {
    if (child && typeof child === 'object' && !('nodeType' in child)) {
      const found = firstMessage(child);
      if (found) return found;
    }
  }
  return undefined;
}
