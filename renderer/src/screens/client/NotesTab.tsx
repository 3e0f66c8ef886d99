// renderer/: case notes, newest first. A restricted note is read only by its author and by
// supervisors and administrators (main decides who gets it); only the author may edit a note.
import { focusSoon } from '../../components/focusSoon';
import { OpensForm } from '../../components/OpensForm';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import type { RpcError } from '../../../../shared/errors';
import { AddNoteInput, EditNoteInput, type Note } from '../../../../shared/schemas/planning';
import { noteKinds } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { CheckboxField, DateField, TextAreaField, useVocab, VocabSelect } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { ErrorMessage } from '../../components/Messages';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

type NoteRow = z.infer<typeof Note>;
type Kind = NoteRow['kind'];

export function NotesTab({ clientId, visible }: { clientId: string; visible: boolean }) {
  const { t, errorMessage } = useT();
  const headingId = useId();
  const [notes, setNotes] = useState<NoteRow[] | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const loaded = useRef(false);

  const reload = useCallback(async () => {
    const result = await call('notes.list', { id: clientId });
    if (result.ok) {
      setNotes(result.value.notes);
      setError(null);
    } else setError(result.error);
  }, [clientId]);

  useEffect(() => {
    if (!visible || loaded.current) return;
    loaded.current = true;
    void reload();
  }, [visible, reload]);

  return (
    <div className="notes">
      <h2 id={headingId}>{t('note.listTitle')}</h2>
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      {notes === null && !error ? <p role="status">{t('common.working')}</p> : null}
      <OpensForm label={t('note.add')}>
        {(close) => (
          <AddNoteForm
            clientId={clientId}
            onDone={async (saved) => {
              close();
              if (saved) await reload();
            }}
          />
        )}
      </OpensForm>
      {notes && notes.length === 0 ? <p>{t('note.none')}</p> : null}
      {notes && notes.length > 0 ? (
        <ul className="note-list" aria-labelledby={headingId}>
          {notes.map((n) => (
            <NoteItem key={n.id} note={n} onChanged={reload} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function NoteItem({ note, onChanged }: { note: NoteRow; onChanged: () => Promise<void> }) {
  const { t, formatDay, formatTimestamp } = useT();
  const label = useVocab();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  return (
    <li className="note panel" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('note.itemTitle', { kind: label(noteKinds, note.kind), date: formatDay(note.date) })}</h3>
      <p className="note-meta">
        <span>{note.author ? t('note.by', { name: note.author }) : t('history.someone')}</span>
        {note.restricted ? <span className="badge badge-restricted">{t('note.restricted')}</span> : null}
        {note.editedAt ? <span className="note-edited">{t('note.edited', { date: formatTimestamp(note.editedAt, true) })}</span> : null}
      </p>
      {editing ? (
        <EditNoteForm
          note={note}
          onDone={async (saved) => {
            setEditing(false);
            if (saved) await onChanged();
            focusSoon(() => editButton.current);
          }}
        />
      ) : (
        <>
          {note.locked ? <p className="note-body hint">{t('note.locked')}</p> : <p className="note-body">{note.body}</p>}
          {note.mine && !note.locked ? (
            <button type="button" ref={editButton} onClick={() => setEditing(true)} aria-describedby={titleId}>
              {t('note.edit')}
            </button>
          ) : null}
        </>
      )}
    </li>
  );
}

function EditNoteForm(props: { note: NoteRow; onDone: (saved: boolean) => Promise<void> }) {
  const { t } = useT();
  const sf = useSchemaForm({
    schema: EditNoteInput,
    defaults: { body: props.note.body },
    toInput: (v) => ({ noteId: props.note.id, body: v.body.trim() }),
    send: (input) => call('notes.edit', input),
    onSaved: () => props.onDone(true),
  });
  const formRef = sf.formRef;
  useEffect(() => formRef.current?.querySelector('textarea')?.focus(), [formRef]);
  return (
    <FormFrame form={sf} submitLabel={t('note.saveEdit')} onCancel={() => void props.onDone(false)} className="edit-note">
      <p className="hint">{t('note.editHint')}</p>
      <TextAreaField label={t('common.note')} {...sf.field('body')} maxLength={20_000} />
    </FormFrame>
  );
}

function AddNoteForm(props: { clientId: string; onDone: (saved: boolean) => Promise<void> }) {
  const { t } = useT();
  const defaults: { date: string; kind: Kind; body: string; restricted: boolean } = { date: today(), kind: 'contact', body: '', restricted: false };
  const sf = useSchemaForm({
    schema: AddNoteInput,
    defaults,
    toInput: (v) => ({ clientId: props.clientId, date: v.date, kind: v.kind, body: v.body.trim(), restricted: v.restricted }),
    send: (input) => call('notes.add', input),
    onSaved: () => props.onDone(true),
  });
  const restricted = sf.field('restricted');
  return (
    <FormPanel title={t('note.addTitle')}>
      <FormFrame form={sf} submitLabel={t('note.save')} onCancel={() => void props.onDone(false)}>
        <div className="form-row">
          <DateField label={t('common.date')} {...sf.field('date')} required />
          <VocabSelect label={t('note.kind')} list={noteKinds} {...sf.field('kind')} />
        </div>
        <TextAreaField label={t('common.note')} {...sf.field('body')} maxLength={20_000} />
        <CheckboxField label={t('note.restrict')} hint={t('note.restrictHint')} checked={restricted.value} onChange={restricted.onChange} />
      </FormFrame>
    </FormPanel>
  );
}
