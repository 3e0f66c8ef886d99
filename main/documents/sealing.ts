// Main process (plain Node). Never imports electron.
// Restricted documents follow restricted notes (cases/sealed-notes.ts): in an administrator's session,
// each allowed reader (the person who added it, supervisors and administrators, from the signed key
// entries) gets a copy of the document's key they lack, and copies of people no longer allowed are
// removed. The administrator passes on their own copy; one who holds none leaves it to another.
// The copies themselves are handled as for notes, in keys/sealed-copies.ts.
import type { KeyBook } from '../audit/chain';
import type { Identity } from '../keys/identity';
import { reconcileCopies, restrictedReaders, type CopiesWork } from '../keys/sealed-copies';
import type { Db } from '../store/open';
import { DOCUMENT_COPIES } from './content';

export type DocumentSealingWork = CopiesWork;

export function bringDocumentsUpToDate(db: Db, book: KeyBook, admin: { userId: string; identity: Identity }): DocumentSealingWork {
  const work: DocumentSealingWork = { copies: 0, removed: 0 };
  const documents = db.prepare<[], { id: string; added_by: string }>('SELECT id, added_by FROM documents WHERE restricted = 1').all();
  for (const doc of documents) {
    const readers = restrictedReaders(book, doc.added_by, admin);
    readers.set(admin.userId, admin.identity.sealingKey);
    const copies = reconcileCopies(db, DOCUMENT_COPIES, doc.id, doc.added_by, readers, admin);
    work.copies += copies.copies;
    work.removed += copies.removed;
  }
  return work;
}
