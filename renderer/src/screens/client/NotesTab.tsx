// renderer/: case notes, newest first. A restricted note is read only by its author and by
// supervisors and administrators (main decides who gets it); only the author may edit a note.
import { focusSoon } from '../../components/focusSoon';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { RpcError } from '../../../../shared/errors';
import type { Note } from '../../../../shared/schemas/planning';
import { noteKinds } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { CheckboxField, TextAreaField, VocabSelect, useVocab } from '../../components/fields';
import { errorAt } from '../../components/forms';
import { FormPanel } from '../../components/FormPanel';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';

type NoteRow = z.infer<typeof Note>;
type Kind = NoteRow['kind'];

export function NotesTab({ clientId, visible }: { clientId: string; visible: boolean }) {
  const { t, errorMessage } = useT();
  const headingId = useId();
  const [notes, setNotes] = useState<NoteRow[] | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
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
      {adding ? (
        <AddNoteForm
          clientId={clientId}
          onDone={async (saved) => {
            setAdding(false);
            if (saved) await reload();
            focusSoon(() => addButton.current);
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" ref={addButton} className="primary" onClick={() => setAdding(true)}>
            {t('note.add')}
          </button>
        </div>
      )}
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
  const [body, setBody] = useState(props.note.body);
  const submit = useSubmit();
  const formRef = submit.formRef;
  useEffect(() => formRef.current?.querySelector('textarea')?.focus(), [formRef]);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = body.trim() ? {} : { body: t('field.required') };
    const saved = await submit.run(found, () => call('notes.edit', { noteId: props.note.id, body: body.trim() }));
    if (saved) await props.onDone(true);
  }
  return (
    <form ref={submit.formRef} onSubmit={onSubmit} noValidate className="edit-note">
      <ErrorMessage>{submit.formError}</ErrorMessage>
      <p className="hint">{t('note.editHint')}</p>
      <TextAreaField label={t('common.note')} value={body} onChange={setBody} maxLength={20_000} error={errorAt(submit.errors, 'body')} />
      <StatusMessage>{submit.busy ? t('common.working') : null}</StatusMessage>
      <div className="actions">
        <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
          {t('note.saveEdit')}
        </button>
        <button type="button" onClick={() => void props.onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function AddNoteForm(props: { clientId: string; onDone: (saved: boolean) => Promise<void> }) {
  const { t } = useT();
  const [date, setDate] = useState(today());
  const [kind, setKind] = useState<Kind>('contact');
  const [body, setBody] = useState('');
  const [restricted, setRestricted] = useState(false);
  const submit = useSubmit();
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!date) found.date = t('field.required');
    if (!body.trim()) found.body = t('field.required');
    const saved = await submit.run(found, () => call('notes.add', { clientId: props.clientId, date, kind, body: body.trim(), restricted }));
    if (saved) await props.onDone(true);
  }
  return (
    <FormPanel title={t('note.addTitle')}>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <div className="form-row">
          <TextField type="date" label={t('common.date')} value={date} onChange={setDate} autoComplete="off" error={errorAt(submit.errors, 'date')} required />
          <VocabSelect label={t('note.kind')} list={noteKinds} value={kind} onChange={setKind} error={errorAt(submit.errors, 'kind')} />
        </div>
        <TextAreaField label={t('common.note')} value={body} onChange={setBody} maxLength={20_000} error={errorAt(submit.errors, 'body')} />
        <CheckboxField label={t('note.restrict')} hint={t('note.restrictHint')} checked={restricted} onChange={setRestricted} />
        <StatusMessage>{submit.busy ? t('common.working') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('note.save')}
          </button>
          <button type="button" onClick={() => void props.onDone(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </FormPanel>
  );
}
