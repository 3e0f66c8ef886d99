// renderer/: the frame every schema form shares: the form-level problem, the fields, the busy or
// saved message (a polite live region), and the submit and cancel buttons.
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { ErrorMessage, StatusMessage } from './Messages';
import type { useSchemaForm } from './useSchemaForm';

type SchemaForm = Pick<ReturnType<typeof useSchemaForm>, 'onSubmit' | 'busy' | 'formError' | 'saved' | 'formRef'>;

export function FormFrame(props: {
  form: SchemaForm;
  submitLabel: string;
  onCancel?: () => void;
  cancelLabel?: string;
  savedText?: ReactNode;
  /** How the saved message reads (default success; info for a result that is not good news). */
  savedTone?: 'success' | 'info';
  /** The status when neither busy nor just saved (e.g. that an export was cancelled). */
  statusText?: ReactNode;
  /** What the busy message says (default "Working on it…"). */
  busyText?: string;
  /** An id for the form-level problem, so a field can be described by it. */
  errorId?: string;
  className?: string;
  /** false: the submit button is not the screen's main action just now (default true). */
  primary?: boolean;
  /** The cancel button does nothing while busy (a dialog whose change cannot be left half-way). */
  holdCancelWhileBusy?: boolean;
  /** Shown after the status message, before the buttons (e.g. the list of files just saved). */
  beforeActions?: ReactNode;
  /** More buttons after submit and cancel (e.g. Print). */
  extraActions?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useT();
  const { form } = props;
  const saved = form.saved && props.savedText ? props.savedText : null;
  const status = form.busy ? (props.busyText ?? t('common.working')) : (saved ?? props.statusText ?? null);
  const hold = props.holdCancelWhileBusy && form.busy;
  return (
    <form ref={form.formRef} onSubmit={(event) => void form.onSubmit(event)} noValidate className={props.className}>
      <ErrorMessage id={props.errorId}>{form.formError}</ErrorMessage>
      {props.children}
      <StatusMessage tone={saved ? (props.savedTone ?? 'success') : 'info'}>{status}</StatusMessage>
      {props.beforeActions}
      <div className="actions">
        <button type="submit" className={props.primary === false ? undefined : 'primary'} aria-disabled={form.busy || undefined}>
          {props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" aria-disabled={hold || undefined} onClick={() => !hold && props.onCancel?.()}>
            {props.cancelLabel ?? t('common.cancel')}
          </button>
        ) : null}
        {props.extraActions}
      </div>
    </form>
  );
}
