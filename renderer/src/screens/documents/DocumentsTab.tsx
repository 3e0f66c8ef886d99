// renderer/: the Documents tab of a case: the list (filtered by type), adding a file, viewing it,
// editing its details, saving a copy or printing (each with a reason), and removing it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RpcError } from '../../../../shared/errors';
import type { ClientProfile } from '../../../../shared/schemas/clients';
import type { DocumentSummary } from '../../../../shared/schemas/documents';
import type { PlanOutput } from '../../../../shared/schemas/planning';
import { custodies, documentTypes } from '../../../../shared/vocab/documents';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { FormPanel } from '../../components/FormPanel';
import { focusSoon } from '../../components/focusSoon';
import { SelectField, useVocab } from '../../components/fields';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { printOnly } from '../../components/print';
import { useT } from '../../i18n/i18n';
import { EditForm, ExportForm } from './DocumentForms';
import { DocumentUpload } from './DocumentUpload';
import { DocumentViewer } from './DocumentViewer';
import { readDocument } from './documentBytes';

type Mode = { kind: 'list' } | { kind: 'add' } | { kind: 'view'; doc: DocumentSummary } | { kind: 'edit'; doc: DocumentSummary } | { kind: 'export'; doc: DocumentSummary; purpose: 'save' | 'print' };

/** Saves the bytes through a download the person confirms; the object URL lives for one click. */
function saveCopy(bytes: Uint8Array, doc: DocumentSummary, fileName: string) {
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: doc.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function DocumentsTab(props: { profile: ClientProfile }) {
  const { t, errorMessage, formatDay } = useT();
  const label = useVocab();
  const clientId = props.profile.id;
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [maxBytes, setMaxBytes] = useState(50 * 1048576);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<RpcError | null>(null);
  const [notice, setNotice] = useState('');
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [plan, setPlan] = useState<PlanOutput | null>(null);
  const [removing, setRemoving] = useState<DocumentSummary | null>(null);
  const viewed = useRef<Uint8Array | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // Back on the list, focus lands on the document just viewed or edited, or on the tab's heading
  // (after adding or removing, where the message under it says what changed), never on the page body.
  const focusDocument = (doc: DocumentSummary | null) => focusSoon(() => (doc ? document.getElementById(`document-${doc.id}`) : heading.current));

  const reload = useCallback(async () => {
    const result = await call('documents.list', { clientId, type: documentTypes.codes.find((c) => c === filter) ?? null });
    if (result.ok) {
      setDocs(result.value.documents);
      setMaxBytes(result.value.maxBytes);
      setError(null);
    } else setError(result.error);
  }, [clientId, filter]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    void call('plan.get', { id: clientId }).then((r) => r.ok && setPlan(r.value));
  }, [clientId]);

  const links = { plan, consents: props.profile.consents };
  // The viewer stays open under the reason dialog, so a copy or a print uses what is on screen.
  const viewing = mode.kind === 'view' || mode.kind === 'export' ? mode.doc : null;

  async function afterExport(doc: DocumentSummary, purpose: 'save' | 'print') {
    setMode({ kind: 'view', doc });
    if (purpose === 'save') {
      const bytes = viewed.current ? { ok: true as const, value: viewed.current.slice() } : await readDocument(doc.id);
      if (!bytes.ok) return setError(bytes.error);
      saveCopy(bytes.value, doc, doc.fileName);
      bytes.value.fill(0);
      setNotice(t('documents.copySaved'));
      focusSoon(() => document.querySelector<HTMLElement>('.document-viewer'));
    } else {
      // Once the dialog has closed, print the viewer alone.
      setTimeout(() => printOnly(document.querySelector<HTMLElement>('.document-viewer'), { alone: true }), 0);
    }
  }

  async function remove(doc: DocumentSummary) {
    const result = await call('documents.remove', { documentId: doc.id, confirm: true });
    setRemoving(null);
    if (!result.ok) return setError(result.error);
    setNotice(t('documents.removed', { title: doc.title }));
    setMode({ kind: 'list' });
    await reload();
    focusDocument(null);
  }

  // A message about the last step goes when the next one starts, so "The document was added" does
  // not sit above a refusal of the next file.
  const start = (next: Mode) => {
    setNotice('');
    setError(null);
    setMode(next);
  };

  const back = async (focusOn: DocumentSummary | null) => {
    setMode({ kind: 'list' });
    await reload();
    focusDocument(focusOn);
  };

  return (
    <section className="documents-tab">
      <h2 ref={heading} tabIndex={-1}>
        {t('documents.heading')}
      </h2>
      <p className="hint">{t('documents.intro')}</p>
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      <StatusMessage tone="success">{notice || null}</StatusMessage>
      {mode.kind === 'add' ? (
        <DocumentUpload
          clientId={clientId}
          maxBytes={maxBytes}
          links={links}
          onAttached={async () => {
            setNotice(t('documents.attached'));
            await back(null);
          }}
          onClose={() => {
            setMode({ kind: 'list' });
            focusSoon(() => addButton.current);
          }}
        />
      ) : null}
      {viewing ? (
        <>
          <DocumentViewer document={viewing} onClose={() => void back(viewing)} onBytes={(b) => (viewed.current = b)} />
          <div className="actions no-print">
            <button type="button" onClick={() => setMode({ kind: 'export', doc: viewing, purpose: 'save' })}>
              {t('documents.saveCopy')}
            </button>
            {viewing.mime === 'application/pdf' || viewing.mime.startsWith('image/') ? (
              <button type="button" onClick={() => setMode({ kind: 'export', doc: viewing, purpose: 'print' })}>
                {t('documents.print')}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
      {mode.kind === 'export' ? (
        <Dialog title={mode.purpose === 'save' ? t('documents.saveCopyTitle', { title: mode.doc.title }) : t('documents.printTitle', { title: mode.doc.title })} onClose={() => setMode({ kind: 'view', doc: mode.doc })}>
          <ExportForm document={mode.doc} purpose={mode.purpose} onAllowed={() => void afterExport(mode.doc, mode.purpose)} onCancel={() => setMode({ kind: 'view', doc: mode.doc })} />
        </Dialog>
      ) : null}
      {mode.kind === 'edit' ? (
        <FormPanel title={t('documents.editTitle', { title: mode.doc.title })}>
          <EditForm document={mode.doc} links={links} onSaved={() => back(mode.doc)} onCancel={() => void back(mode.doc)} />
        </FormPanel>
      ) : null}
      {mode.kind === 'list' ? (
        <>
          <div className="actions">
            <button type="button" className="primary" ref={addButton} onClick={() => start({ kind: 'add' })}>
              {t('documents.add')}
            </button>
          </div>
          <SelectField
            label={t('documents.filter')}
            value={filter}
            onChange={setFilter}
            options={[{ value: '', label: t('documents.allTypes') }, ...documentTypes.codes.map((c) => ({ value: c, label: label(documentTypes, c) }))]}
          />
          {docs && docs.length === 0 ? <p>{filter ? t('documents.noneOfType') : t('documents.none')}</p> : null}
          {docs && docs.length > 0 ? (
            <ul className="record-list documents-list">
              {docs.map((d) => (
                <li key={d.id} className="list-item">
                  <h3 id={`document-${d.id}`} tabIndex={-1}>
                    {d.title}
                  </h3>
                  <p>
                    {label(documentTypes, d.type)} · {label(custodies, d.custody)}
                    {d.documentDate ? ` · ${t('documents.datedOn', { date: formatDay(d.documentDate, 'medium') })}` : ''}
                    {d.expiryDate ? ` · ${t('documents.expiresOn', { date: formatDay(d.expiryDate, 'medium') })}` : ''}
                    {d.restricted ? ` · ${t('documents.restrictedBadge')}` : ''}
                  </p>
                  <p className="hint">{t('documents.fileLine', { name: d.fileName, size: Math.max(1, Math.round(d.size / 1024)), by: d.addedBy ?? '—', date: formatDay(d.addedAt.slice(0, 10), 'medium') })}</p>
                  {d.locked ? <p className="hint">{t('documents.locked')}</p> : null}
                  {d.arrived ? null : <p className="hint">{t('documents.notArrived')}</p>}
                  <div className="actions">
                    <button type="button" onClick={() => start({ kind: 'view', doc: d })} disabled={d.locked || !d.arrived} aria-label={t('documents.viewNamed', { title: d.title })}>
                      {t('documents.view')}
                    </button>
                    <button type="button" onClick={() => start({ kind: 'edit', doc: d })} aria-label={t('documents.editNamed', { title: d.title })}>
                      {t('documents.edit')}
                    </button>
                    <button type="button" className="remove-button" onClick={() => setRemoving(d)} aria-label={t('documents.removeNamed', { title: d.title })}>
                      {t('documents.remove')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {removing ? (
        <Dialog title={t('documents.removeTitle', { title: removing.title })} onClose={() => setRemoving(null)}>
          <p>{t('documents.removeExplain')}</p>
          <div className="actions">
            <button type="button" className="danger" onClick={() => void remove(removing)}>
              {t('documents.removeConfirm')}
            </button>
            <button type="button" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}
