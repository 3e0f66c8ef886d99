// renderer/: shows a document from memory. A PDF is drawn page by page onto a canvas by pdf.js, with
// its worker loaded from the app's own origin, no eval, no scripting, no annotation layer (so no link
// can be followed and no form can submit) and no network. A picture is shown through a blob: URL
// that is revoked when the viewer closes. The bytes are wiped on close.
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy as PdfDocument } from 'pdfjs-dist';
import type { DocumentSummary } from '../../../../shared/schemas/documents';
import type { RpcError } from '../../../../shared/errors';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';
import { readDocument } from './documentBytes';


async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await import('pdfjs-dist');
  const worker = (await import('pdfjs-dist/build/pdf.worker.min.mjs?url')).default;
  pdfjs.GlobalWorkerOptions.workerSrc = worker;
  // pdf.js takes the buffer over to its worker; it gets a copy so ours can be wiped.
  return pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
  }).promise;
}

export function DocumentViewer(props: { document: DocumentSummary; onClose: () => void; onBytes?: (bytes: Uint8Array | null) => void }) {
  const { t, errorMessage } = useT();
  const { document: doc } = props;
  const [error, setError] = useState<RpcError | null>(null);
  const [broken, setBroken] = useState(false);
  const [progress, setProgress] = useState(0);
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  const [pdf, setPdf] = useState<PdfDocument | null>(null);
  const [page, setPage] = useState(1);
  const canvas = useRef<HTMLCanvasElement>(null);
  const region = useRef<HTMLElement>(null);
  // Opening a document moves focus to it, so keyboard and screen-reader users are where it is.
  useEffect(() => region.current?.focus(), [doc.id]);
  const onBytes = useRef(props.onBytes);

  useEffect(() => {
    let live = true;
    let bytes: Uint8Array | null = null;
    let url: string | null = null;
    let opened: PdfDocument | null = null;
    const report = onBytes.current;
    void readDocument(doc.id, setProgress).then(async (result) => {
      if (!live) {
        if (result.ok) result.value.fill(0);
        return;
      }
      if (!result.ok) return setError(result.error);
      bytes = result.value;
      report?.(bytes);
      if (doc.mime === 'application/pdf') {
        try {
          opened = await openPdf(bytes);
          if (live) setPdf(opened);
          else void opened.destroy();
        } catch {
          if (live) setBroken(true);
        }
      } else if (doc.mime === 'image/jpeg' || doc.mime === 'image/png') {
        url = URL.createObjectURL(new Blob([bytes.slice()], { type: doc.mime }));
        setImageUrl(url);
      }
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
      void opened?.destroy();
      bytes?.fill(0);
      report?.(null);
    };
  }, [doc.id, doc.mime]);

  useEffect(() => {
    if (!pdf || !canvas.current) return;
    let task: ReturnType<Awaited<ReturnType<PdfDocument['getPage']>>['render']> | null = null;
    let live = true;
    void pdf.getPage(page).then((p) => {
      if (!live || !canvas.current) return;
      const viewport = p.getViewport({ scale: 1.5 });
      const target = canvas.current;
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      const context = target.getContext('2d');
      if (!context) return;
      task = p.render({ canvasContext: context, viewport, annotationMode: 0 });
      task.promise.catch(() => undefined);
    }, () => live && setBroken(true));
    return () => {
      live = false;
      task?.cancel();
    };
  }, [pdf, page]);

  const loading = !error && !broken && !pdf && !imageUrl && (doc.mime === 'application/pdf' || doc.mime.startsWith('image/'));
  return (
    <section ref={region} tabIndex={-1} className="document-viewer print-area" aria-label={t('documents.viewerLabel', { title: doc.title })}>
      <div className="actions no-print">
        <button type="button" onClick={props.onClose}>
          {t('documents.closeViewer')}
        </button>
      </div>
      <ErrorMessage>{error ? errorMessage(error) : broken ? t('documents.cannotShow') : null}</ErrorMessage>
      <StatusMessage>{loading ? t('documents.opening', { percent: Math.round(progress * 100) }) : null}</StatusMessage>
      {doc.activeContent && doc.mime === 'application/pdf' ? <p className="message message-info calm-note">{t('documents.activeContent')}</p> : null}
      {pdf ? (
        <>
          <canvas ref={canvas} className="document-page" role="img" aria-label={t('documents.pageOf', { page, pages: pdf.numPages, title: doc.title })} />
          <div className="actions no-print">
            <button type="button" onClick={() => setPage((n) => Math.max(1, n - 1))} aria-disabled={page <= 1 || undefined}>
              {t('documents.previousPage')}
            </button>
            <span aria-live="polite">{t('documents.pageCount', { page, pages: pdf.numPages })}</span>
            <button type="button" onClick={() => setPage((n) => Math.min(pdf.numPages, n + 1))} aria-disabled={page >= pdf.numPages || undefined}>
              {t('documents.nextPage')}
            </button>
          </div>
        </>
      ) : null}
      {imageUrl ? <img src={imageUrl} alt={doc.title} className={`document-image rotate-${doc.rotation}`} /> : null}
      {!doc.mime.startsWith('image/') && doc.mime !== 'application/pdf' ? <p>{t('documents.noPreview')}</p> : null}
    </section>
  );
}
