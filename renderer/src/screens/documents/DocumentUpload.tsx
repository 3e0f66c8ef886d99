// renderer/: adding a document: choose a file (or drop it on the area), watch it go across in pieces,
// hear what main found (the kind of file, what was removed from a photo), then fill in its details.
// A refused file is explained and nothing is kept.
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { RpcError } from '../../../../shared/errors';
import { call } from '../../api/client';
import { focusSoon } from '../../components/focusSoon';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';
import { AttachForm, type LinkChoices } from './DocumentForms';
import { sendFile, type Sent } from './documentBytes';

export function DocumentUpload(props: { clientId: string; maxBytes: number; links: LinkChoices; onAttached: () => Promise<void>; onClose: () => void }) {
  const { t, errorMessage } = useT();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<RpcError | string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [over, setOver] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus starts on the heading, and comes back to it once the file is checked (the chooser it was
  // on is gone then); the message under it says what was found.
  useEffect(() => heading.current?.focus(), []);

  async function take(file: File | undefined) {
    if (!file || progress !== null) return;
    setError(null);
    setSent(null);
    if (file.size === 0) return setError(t('documents.emptyFile'));
    if (file.size > props.maxBytes) return setError(t('documents.tooLarge', { mb: Math.round(props.maxBytes / 1048576) }));
    setProgress(0);
    const result = await sendFile(props.clientId, file, setProgress);
    setProgress(null);
    if (input.current) input.current.value = '';
    if (result.ok) {
      setSent(result.value);
      focusSoon(() => heading.current);
    } else setError(result.error);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    void take(event.dataTransfer.files[0]);
  }

  async function cancel() {
    if (sent) await call('documents.cancelUpload', { uploadId: sent.uploadId });
    props.onClose();
  }

  const stripped = sent?.checked.stripped ?? [];
  return (
    <section className="document-upload" aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`} ref={heading} tabIndex={-1}>{t('documents.addTitle')}</h3>
      {!sent ? (
        <div
          className={`drop-zone${over ? ' drop-zone-over' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <p>{t('documents.dropHere')}</p>
          <label htmlFor={inputId}>{t('documents.chooseFile')}</label>
          <input
            id={inputId}
            ref={input}
            type="file"
            accept=".pdf,.jpg,.jpeg,.png,.heic,.heif,.docx,.xlsx,application/pdf,image/jpeg,image/png,image/heic,image/heif"
            onChange={(event) => void take(event.target.files?.[0])}
            aria-describedby={`${inputId}-kinds`}
          />
          <p id={`${inputId}-kinds`} className="hint">
            {t('documents.kinds', { mb: Math.round(props.maxBytes / 1048576) })}
          </p>
          <div className="actions">
            <button type="button" onClick={() => void cancel()}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {progress !== null ? (
        <div className="field">
          <label htmlFor={`${inputId}-progress`}>{t('documents.sending')}</label>
          <progress id={`${inputId}-progress`} max={100} value={Math.round(progress * 100)}>
            {Math.round(progress * 100)}%
          </progress>
        </div>
      ) : null}
      <StatusMessage>{progress !== null ? t('documents.sendingPercent', { percent: Math.round(progress * 100) }) : null}</StatusMessage>
      <ErrorMessage>{error ? (typeof error === 'string' ? error : errorMessage(error)) : null}</ErrorMessage>
      {sent ? (
        <>
          <StatusMessage tone="success">
            {t('documents.checked', { name: sent.checked.fileName })}
            {stripped.length > 0 ? ` ${t('documents.strippedNotice', { what: stripped.map((s) => t(`documents.stripped.${s}`)).join(', ') })}` : ''}
          </StatusMessage>
          {sent.checked.activeContent ? <p className="message message-info calm-note">{t('documents.activeContent')}</p> : null}
          <AttachForm clientId={props.clientId} uploadId={sent.uploadId} fileName={sent.checked.fileName} links={props.links} onSaved={props.onAttached} onCancel={() => void cancel()} />
        </>
      ) : null}
    </section>
  );
}
