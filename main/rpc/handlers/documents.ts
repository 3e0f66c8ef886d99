// Main process (plain Node). Never imports electron.
// Documents attached to a case (issue 15). The case's access rules apply to every method; a
// restricted document is seen only by the person who added it, supervisors and administrators, and
// its content opens only with their own sealed copy of its key. Every opening, copy and print is in
// the access log (ids only; the reason for a copy stays in document_exports, inside the store).
// Attaching: begin (case checked, memory set aside) -> pieces -> check (type from content, photo
// metadata removed) -> attach (encrypted into the store in the write's transaction).
import { seesAllCases, openableClient } from '../../cases/access';
import { restrictedReaders } from '../../keys/sealed-copies';
import { keyBookFor } from '../../core/vouch';
import { contentDigest, documentsKeyOf, openDocumentKey, readChunk, sealNewDocumentKey, writeContent } from '../../documents/content';
import { cleanFileName, DocumentRefused, inspectDocument } from '../../documents/inspect';
import { beginUpload, cancelUpload, completeUpload, forgetUpload, receiveChunk, setInspected } from '../../documents/staging';
import { newId } from '../../store/ids';
import { stmt } from '../../store/repos/statements';
import { DEFAULT_DOCUMENT_LIMIT_MB, DOCUMENT_CHUNK_BYTES, DocumentSummary, DocumentType } from '../../../shared/schemas/documents';
import { AppError } from '../errors';
import type { DataContext, Handler } from '../types';

interface Row {
  id: string;
  client_id: string;
  type: DocumentSummary['type'];
  title: string;
  document_date: string | null;
  expiry_date: string | null;
  custody: DocumentSummary['custody'];
  restricted: number;
  milestone_id: string | null;
  consent_id: string | null;
  service_id: string | null;
  goal_id: string | null;
  file_name: string;
  size: number;
  mime: DocumentSummary['mime'];
  chunks: number;
  rotation: number;
  stripped: string | null;
  active_content: number;
  added_by: string;
  added_at: string;
  adder: string | null;
  /** Chunks held on this laptop: fewer than `chunks` while team sync has not brought the content yet. */
  stored: number;
}

const SELECT = 'SELECT d.*, u.display_name AS adder, (SELECT count(*) FROM document_chunks c WHERE c.document_id = d.id) AS stored FROM documents d LEFT JOIN users u ON u.id = d.added_by';

export function documentLimitBytes(ctx: Pick<DataContext, 'db'>): number {
  const row = stmt<[], { value: string }>(ctx.db, "SELECT value FROM settings WHERE key = 'documents_max_mb'").get();
  return (row ? Number(row.value) : DEFAULT_DOCUMENT_LIMIT_MB) * 1024 * 1024;
}

const mayRead = (ctx: DataContext, row: Pick<Row, 'restricted' | 'added_by'>) => row.restricted === 0 || seesAllCases(ctx) || row.added_by === ctx.user.id;

/** The document, if its case is open to this person and (when restricted) they are one of its readers. */
function documentFor(ctx: DataContext, documentId: string): Row {
  const row = stmt<[string], Row>(ctx.db, `${SELECT} WHERE d.id = ?`).get(documentId);
  if (!row) throw new AppError('NOT_FOUND', 'That document could not be found.');
  const client = openableClient(ctx, row.client_id);
  ctx.setAuditTarget(client.id);
  if (!mayRead(ctx, row)) throw new AppError('FORBIDDEN', 'This document is restricted to the person who added it and supervisors.', undefined, client.id);
  return row;
}

/** The key this reader opens the content with (a copy they must wipe), or null for a restricted document they hold no copy of yet. */
function baseKeyFor(ctx: DataContext, row: Pick<Row, 'id' | 'restricted'>): Buffer | null {
  return row.restricted === 1 ? openDocumentKey(ctx.db, row.id, ctx.user.id, ctx.identity) : documentsKeyOf(ctx.db);
}

function summary(ctx: DataContext, row: Row): DocumentSummary {
  let locked = false;
  if (row.restricted === 1) {
    const key = baseKeyFor(ctx, row);
    locked = key === null;
    key?.fill(0);
  }
  return {
    id: row.id,
    // A kind another laptop wrote that this one does not know (team sync) is shown as "other".
    type: DocumentType.safeParse(row.type).success ? row.type : 'other',
    title: row.title,
    documentDate: row.document_date,
    expiryDate: row.expiry_date,
    custody: row.custody,
    restricted: row.restricted === 1,
    milestoneId: row.milestone_id,
    consentId: row.consent_id,
    serviceId: row.service_id,
    goalId: row.goal_id,
    // The row may come from another laptop's change (team sync): cleaned here as at attach.
    fileName: cleanFileName(row.file_name, row.mime),
    size: row.size,
    mime: row.mime,
    rotation: row.rotation,
    stripped: row.stripped ? (row.stripped.split(',') as DocumentSummary['stripped']) : [],
    activeContent: row.active_content === 1,
    addedBy: row.adder,
    addedAt: row.added_at,
    locked,
    arrived: row.stored === row.chunks,
  };
}

/** Links must point at records of the same case. */
function checkLinks(ctx: DataContext, clientId: string, links: { milestoneId: string | null; consentId: string | null; serviceId: string | null; goalId: string | null }): void {
  const tables = { milestoneId: 'milestones', consentId: 'consents', serviceId: 'services', goalId: 'goals' } as const;
  for (const [field, table] of Object.entries(tables) as [keyof typeof tables, string][]) {
    const id = links[field];
    if (id !== null && stmt(ctx.db, `SELECT 1 FROM ${table} WHERE id = ? AND client_id = ?`).get(id, clientId) === undefined) {
      throw new AppError('INVALID_INPUT', 'That record belongs to another case or no longer exists.', [{ path: field, message: 'Not a record of this case.' }]);
    }
  }
}

export const listDocuments: Handler<'documents.list'> = (input, ctx) => {
  const client = openableClient(ctx, input.clientId);
  ctx.audit.append({ actorId: ctx.user.id, action: 'documents.view', targetId: client.id });
  const rows = stmt<[string], Row>(ctx.db, `${SELECT} WHERE d.client_id = ? ORDER BY d.added_at DESC, d.rowid DESC`).all(client.id);
  return {
    // A row another laptop wrote that cannot be shown safely (a file type outside the accepted ones)
    // is left out, never the whole case's list.
    documents: rows
      .filter((r) => mayRead(ctx, r) && (input.type === null || r.type === input.type))
      .map((r) => summary(ctx, r))
      .filter((d) => DocumentSummary.safeParse(d).success),
    maxBytes: documentLimitBytes(ctx),
  };
};

export const beginDocumentUpload: Handler<'documents.beginUpload'> = (input, ctx) => {
  const client = openableClient(ctx, input.clientId);
  const maxBytes = documentLimitBytes(ctx);
  const uploadId = beginUpload(ctx.user.id, client.id, input.fileName, input.size, maxBytes, Date.now());
  return { uploadId, chunkBytes: DOCUMENT_CHUNK_BYTES, maxBytes };
};

export const uploadDocumentChunk: Handler<'documents.uploadChunk'> = (input, ctx) => ({
  received: receiveChunk(ctx.user.id, input.uploadId, input.index, Buffer.from(input.data, 'base64'), Date.now()),
});

export const cancelDocumentUpload: Handler<'documents.cancelUpload'> = (input, ctx) => {
  cancelUpload(ctx.user.id, input.uploadId);
  return { done: true };
};

/** The content check runs outside any transaction (file-type and exifr are asynchronous); nothing is written. */
export const checkDocumentUpload: Handler<'documents.check'> = async (input, { control }) => {
  const session = control.current;
  if (!session) throw new AppError('LOCKED');
  const upload = completeUpload(session.user.id, input.uploadId, Date.now());
  try {
    const inspected = await inspectDocument(upload.buffer);
    setInspected(upload, inspected);
    return { mime: inspected.mime, size: inspected.content.length, fileName: cleanFileName(upload.fileName, inspected.mime), stripped: inspected.stripped, activeContent: inspected.activeContent };
  } catch (error) {
    if (error instanceof DocumentRefused) {
      forgetUpload(input.uploadId);
      throw new AppError('INVALID_INPUT', error.message, [{ path: 'file', message: error.message }]);
    }
    throw error;
  }
};

export const attachDocument: Handler<'documents.attach'> = (input, ctx) => {
  const client = openableClient(ctx, input.clientId);
  ctx.setAuditTarget(client.id);
  const upload = completeUpload(ctx.user.id, input.uploadId, Date.now());
  if (upload.clientId !== client.id) throw new AppError('INVALID_INPUT', 'That file was chosen for another case. Choose it again here.', [{ path: 'uploadId', message: 'Another case.' }]);
  const inspected = upload.inspected;
  if (!inspected) throw new AppError('CONFLICT', 'The file has not been checked yet. Try again.');
  checkLinks(ctx, client.id, input);
  if (input.restricted && !ctx.identity) throw new AppError('CONFLICT', 'A restricted document needs your personal keys, which this session does not have. Sign in again and retry.');
  const id = newId();
  const at = ctx.now().toISOString();
  const readers = input.restricted ? restrictedReaders(keyBookFor(ctx).book, ctx.user.id, { userId: ctx.user.id, identity: ctx.identity! }) : null;
  stmt(
    ctx.db,
    `INSERT INTO documents (id, client_id, type, title, document_date, expiry_date, custody, restricted, milestone_id, consent_id, service_id, goal_id,
       file_name, size, mime, content_hash, chunk_bytes, chunks, rotation, stripped, active_content, added_by, added_at)
     VALUES (@id, @client, @type, @title, @documentDate, @expiryDate, @custody, @restricted, @milestoneId, @consentId, @serviceId, @goalId,
       @fileName, @size, @mime, '', @chunkBytes, 1, @rotation, @stripped, @active, @user, @at)`,
  ).run({
    id,
    client: client.id,
    type: input.type,
    title: input.title,
    documentDate: input.documentDate,
    expiryDate: input.expiryDate,
    custody: input.custody,
    restricted: input.restricted ? 1 : 0,
    milestoneId: input.milestoneId,
    consentId: input.consentId,
    serviceId: input.serviceId,
    goalId: input.goalId,
    fileName: cleanFileName(upload.fileName, inspected.mime),
    size: inspected.content.length,
    mime: inspected.mime,
    chunkBytes: DOCUMENT_CHUNK_BYTES,
    rotation: inspected.rotation,
    stripped: inspected.stripped.join(',') || null,
    active: inspected.activeContent ? 1 : 0,
    user: ctx.user.id,
    at,
  });
  // Sealed to the person adding it, supervisors and administrators (restricted notes' readers).
  const baseKey = readers ? sealNewDocumentKey(ctx.db, id, readers) : documentsKeyOf(ctx.db);
  try {
    const chunks = writeContent(ctx.db, id, baseKey, inspected.content);
    stmt(ctx.db, 'UPDATE documents SET chunks = ?, content_hash = ? WHERE id = ?').run(chunks, contentDigest(baseKey, inspected.content), id);
  } finally {
    baseKey.fill(0);
  }
  const result = { id, mime: inspected.mime, size: inspected.content.length, fileName: cleanFileName(upload.fileName, inspected.mime), stripped: inspected.stripped, activeContent: inspected.activeContent };
  forgetUpload(input.uploadId);
  return result;
};

export const readDocument: Handler<'documents.read'> = (input, ctx) => {
  const row = documentFor(ctx, input.documentId);
  if (input.index >= row.chunks) throw new AppError('NOT_FOUND', 'That part of the document does not exist.');
  if (row.stored !== row.chunks) throw new AppError('CONFLICT', 'This document has not arrived on this laptop yet. It comes with a later sync.');
  if (input.index === 0) ctx.audit.append({ actorId: ctx.user.id, action: 'documents.open', targetId: row.client_id, detail: { document: row.id } });
  const key = baseKeyFor(ctx, row);
  if (!key) throw new AppError('CONFLICT', 'This restricted document opens for you after an administrator next signs in.');
  try {
    const plain = readChunk(ctx.db, row.id, key, input.index, row.chunks);
    if (!plain) throw new AppError('STORE_UNAVAILABLE', 'This document is damaged in the store and cannot be shown. Restore it from a backup.');
    const data = plain.toString('base64');
    plain.fill(0);
    return { index: input.index, chunks: row.chunks, data };
  } finally {
    key.fill(0);
  }
};

export const updateDocument: Handler<'documents.update'> = (input, ctx) => {
  const row = documentFor(ctx, input.documentId);
  checkLinks(ctx, row.client_id, input);
  stmt(
    ctx.db,
    `UPDATE documents SET type = ?, title = ?, document_date = ?, expiry_date = ?, custody = ?, milestone_id = ?, consent_id = ?, service_id = ?, goal_id = ?, edited_at = ? WHERE id = ?`,
  ).run(input.type, input.title, input.documentDate, input.expiryDate, input.custody, input.milestoneId, input.consentId, input.serviceId, input.goalId, ctx.now().toISOString(), row.id);
  return { done: true };
};

export const removeDocument: Handler<'documents.remove'> = (input, ctx) => {
  const row = documentFor(ctx, input.documentId);
  // Chunks, keys and export records go with it (ON DELETE CASCADE); secure_delete overwrites the pages.
  stmt(ctx.db, 'DELETE FROM documents WHERE id = ?').run(row.id);
  return { done: true };
};

export const exportDocument: Handler<'documents.export'> = (input, ctx) => {
  const row = documentFor(ctx, input.documentId);
  // No copy is logged that cannot be made.
  if (row.stored !== row.chunks) throw new AppError('CONFLICT', 'This document has not arrived on this laptop yet. It comes with a later sync.');
  const at = ctx.now().toISOString();
  const info = stmt(ctx.db, 'INSERT INTO document_exports (document_id, user_id, at, purpose, reason) VALUES (?, ?, ?, ?, ?)').run(row.id, ctx.user.id, at, input.purpose, input.reason);
  ctx.audit.append({ actorId: ctx.user.id, action: `documents.${input.purpose}`, targetId: row.client_id, detail: { document: row.id, exportId: Number(info.lastInsertRowid) } });
  return { fileName: cleanFileName(row.file_name, row.mime), mime: row.mime };
};

export const getDocumentLimit: Handler<'settings.documentLimit'> = (_input, ctx) => ({ megabytes: Math.round(documentLimitBytes(ctx) / 1048576) });

export const setDocumentLimit: Handler<'settings.setDocumentLimit'> = (input, ctx) => {
  stmt(ctx.db, "INSERT INTO settings (key, value) VALUES ('documents_max_mb', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(input.megabytes));
  return { done: true };
};
