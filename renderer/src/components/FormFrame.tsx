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
  savedText?: string | null;
  /** What the busy message says (default "Working on it…"). */
  busyText?: string;
  /** An id for the form-level problem, so a field can be described by it. */
  errorId?: string;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useT();
  const { form } = props;
  const saved = form.saved && props.savedText ? props.savedText : null;
  return (
    <form ref={form.formRef} onSubmit={(event) => void form.onSubmit(event)} noValidate className={props.className}>
      <ErrorMessage id={props.errorId}>{form.formError}</ErrorMessage>
      {props.children}
      <StatusMessage tone={saved ? 'success' : 'info'}>{form.busy ? (props.busyText ?? t('common.working')) : saved}</StatusMessage>
      <div className="actions">
        <button type="submit" className="primary" aria-disabled={form.busy || undefined}>
          {props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            {props.cancelLabel ?? t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
