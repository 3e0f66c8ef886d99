// Main process (plain Node). Never imports electron.
// Restricted documents follow restricted notes (cases/sealed-notes.ts): in an administrator's session,
// each allowed reader (the person who added it, supervisors and administrators, from the signed key
// entries) gets a copy of the document's key they lack, and copies of people no longer allowed are
// removed. The administrator passes on their own copy; one who holds none leaves it to another.
import type { KeyBook } from '../audit/chain';
import { noteReaders } from '../cases/sealed-notes';
import type { Identity } from '../keys/identity';
import type { Db } from '../store/open';
import { giveDocumentCopies, openDocumentKey } from './content';

export interface DocumentSealingWork {
  copies: number;
  removed: number;
}

export function bringDocumentsUpToDate(db: Db, book: KeyBook, admin: { userId: string; identity: Identity }): DocumentSealingWork {
  const work: DocumentSealingWork = { copies: 0, removed: 0 };
  const documents = db.prepare<[], { id: string; added_by: string }>('SELECT id, added_by FROM documents WHERE restricted = 1').all();
  const copiesOf = db.prepare<[string], { user_id: string; sealing_key: string }>('SELECT user_id, sealing_key FROM document_keys WHERE document_id = ?');
  const drop = db.prepare('DELETE FROM document_keys WHERE document_id = ? AND user_id = ?');
  for (const doc of documents) {
    const readers = noteReaders(book, doc.added_by, admin);
    readers.set(admin.userId, admin.identity.sealingKey);
    const have = new Map(copiesOf.all(doc.id).map((c) => [c.user_id, c.sealing_key]));
    for (const userId of have.keys()) {
      if (userId !== doc.added_by && !readers.has(userId)) {
        drop.run(doc.id, userId);
        work.removed += 1;
      }
    }
    const missing = new Map([...readers].filter(([userId, key]) => have.get(userId) !== key));
    if (missing.size === 0) continue;
    const key = openDocumentKey(db, doc.id, admin.userId, admin.identity);
    if (!key) continue;
    try {
      giveDocumentCopies(db, doc.id, key, missing);
      work.copies += missing.size;
    } finally {
      key.fill(0);
    }
  }
  return work;
}
