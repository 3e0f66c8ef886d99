// shared/: runs in every process. Imports nothing outside shared/.
// Documents attached to a case (issue 15). Content travels as base64 pieces of at most one chunk, so
// the contract stays JSON-safe and a 50 MB file never sits in one message.
import { z } from 'zod';
import { Id, personText } from './common';
import { IsoDate } from './intake';
import { custodies, documentTypes } from '../vocab/documents';

export const DocumentType = documentTypes.schema;
export type DocumentType = z.infer<typeof DocumentType>;

export const Custody = custodies.schema;
export type Custody = z.infer<typeof Custody>;

/** The kinds Safehold accepts, named by the type found in the content (never by the name). */
export const documentMimes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export const DocumentMime = z.enum(documentMimes);
export type DocumentMime = z.infer<typeof DocumentMime>;

/** Plaintext bytes per encrypted chunk, and per upload or read piece. */
export const DOCUMENT_CHUNK_BYTES = 1 << 20;
export const DEFAULT_DOCUMENT_LIMIT_MB = 50;
export const MAX_DOCUMENT_LIMIT_MB = 200;

/** Standard base64 with padding. A loop, not a regular expression: a 1.4 MB piece takes a regex ~30 ms here. */
function isBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const plain = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (!plain && !(c === 61 && i >= text.length - 2 && (i === text.length - 1 || text.charCodeAt(text.length - 1) === 61))) return false;
  }
  return true;
}
const Base64 = z.string().max(Math.ceil(DOCUMENT_CHUNK_BYTES / 3) * 4).refine(isBase64, 'Not base64.');

export const DocumentDetails = z
  .object({
    type: DocumentType,
    title: personText(200),
    documentDate: IsoDate.nullable().default(null),
    expiryDate: IsoDate.nullable().default(null),
    custody: Custody,
    restricted: z.boolean().default(false),
    milestoneId: Id.nullable().default(null),
    consentId: Id.nullable().default(null),
    serviceId: Id.nullable().default(null),
    goalId: Id.nullable().default(null),
  })
  .strict();

export const BeginUploadInput = z
  .object({
    clientId: Id,
    /** The name as the computer gave it; cleaned in main (path parts and control characters removed). */
    fileName: z.string().max(1000),
    size: z.number().int().min(1).max(MAX_DOCUMENT_LIMIT_MB * 1024 * 1024),
  })
  .strict();
export const BeginUploadOutput = z.object({ uploadId: Id, chunkBytes: z.number().int(), maxBytes: z.number().int() });

export const UploadChunkInput = z.object({ uploadId: Id, index: z.number().int().min(0).max(MAX_DOCUMENT_LIMIT_MB), data: Base64 }).strict();
export const UploadChunkOutput = z.object({ received: z.number().int() });

export const UploadIdInput = z.object({ uploadId: Id }).strict();

export const AttachInput = DocumentDetails.extend({ uploadId: Id, clientId: Id }).strict();
export const CheckOutput = z.object({
  mime: DocumentMime,
  size: z.number().int(),
  fileName: z.string(),
  /** What was removed from a photo: 'location', 'device', 'other' (dates, software, comments). */
  stripped: z.array(z.enum(['location', 'device', 'other'])),
  activeContent: z.boolean(),
});
export const AttachOutput = CheckOutput.extend({ id: Id });

export const ListDocumentsInput = z.object({ clientId: Id, type: DocumentType.nullable().default(null) }).strict();
export const DocumentSummary = z.object({
  id: Id,
  type: DocumentType,
  title: z.string(),
  documentDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  custody: Custody,
  restricted: z.boolean(),
  milestoneId: Id.nullable(),
  consentId: Id.nullable(),
  serviceId: Id.nullable(),
  goalId: Id.nullable(),
  fileName: z.string(),
  size: z.number().int(),
  mime: DocumentMime,
  rotation: z.number().int(),
  stripped: z.array(z.enum(['location', 'device', 'other'])),
  activeContent: z.boolean(),
  addedBy: z.string().nullable(),
  addedAt: z.string(),
  /** A restricted document whose key this person holds no copy of yet. */
  locked: z.boolean(),
  /** False while team sync has brought the record but not yet the content (it comes with a later sync). */
  arrived: z.boolean(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;
export const DocumentList = z.object({ documents: z.array(DocumentSummary), maxBytes: z.number().int() });

export const ReadDocumentInput = z.object({ documentId: Id, index: z.number().int().min(0).max(MAX_DOCUMENT_LIMIT_MB) }).strict();
export const DocumentPiece = z.object({ index: z.number().int(), chunks: z.number().int(), data: z.string() });

export const UpdateDocumentInput = DocumentDetails.omit({ restricted: true }).extend({ documentId: Id }).strict();

export const RemoveDocumentInput = z.object({ documentId: Id, confirm: z.literal(true) }).strict();

export const ExportDocumentInput = z
  .object({
    documentId: Id,
    purpose: z.enum(['save', 'print']),
    reason: z.string().trim().min(10, 'Say in a sentence why a copy is needed.').max(500).regex(/^[^\p{Cc}]*$/u, 'Remove line breaks and control characters.'),
  })
  .strict();

export const ExportDocumentOutput = z.object({ fileName: z.string(), mime: DocumentMime });

export const DocumentLimitInput = z.object({ megabytes: z.number().int().min(1).max(MAX_DOCUMENT_LIMIT_MB) }).strict();
export const DocumentLimitOutput = z.object({ megabytes: z.number().int() });
