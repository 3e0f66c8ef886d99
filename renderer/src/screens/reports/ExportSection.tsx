// renderer/: saving the report for the chosen period as files: CSV, PDF and JSON with a signed
// manifest, in the language chosen (the screen's, unless changed). Main reports each file as it is
// written; the export can be cancelled, and then leaves nothing behind. The folder is typed as a full
// path (a folder picker can replace it in Electron). Administrators and auditors may instead make a
// submission pack of exact counts, by stating why.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { languages, type Language } from '../../../../shared/schemas/prefs';
import { reportFormats, type ReportPreset } from '../../../../shared/schemas/reports';
import { call, onAppEvent } from '../../api/client';
import { CheckboxField, SelectField, TextAreaField } from '../../components/fields';
import { errorAt } from '../../components/forms';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';
import type { Period } from './PeriodForm';

type Format = (typeof reportFormats)[number];

export function ExportSection(props: { period: Period; periodProblem: string | null; workerId: string | null; preset?: ReportPreset; canExact: boolean }) {
  const { t, formatDay, language } = useT();
  const headingId = useId();
  const progressId = useId();
  const [folder, setFolder] = useState('');
  const [formats, setFormats] = useState<Format[]>([...reportFormats]);
  // The files follow the screen's language until a language is chosen for them here.
  const [chosenLanguage, setChosenLanguage] = useState<Language | null>(null);
  const fileLanguage = chosenLanguage ?? language;
  const [progress, setProgress] = useState<{ done: number; total: number; file: string } | null>(null);
  const [saved, setSaved] = useState<{ folder: string; files: string[] } | null>(null);
  const [cancelled, setCancelled] = useState(false);
  // A submission pack (exact counts): administrators and auditors, never the default, only with a reason.
  const [exact, setExact] = useState(false);
  const [reason, setReason] = useState('');
  const cancelRequested = useRef(false);
  const exportButton = useRef<HTMLButtonElement>(null);
  const submit = useSubmit();

  useEffect(
    () =>
      onAppEvent((event) => {
        if (event.type === 'progress' && event.task === 'export-report') setProgress({ done: event.done, total: event.total, file: event.step });
      }),
    [],
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    setCancelled(false);
    setProgress(null);
    cancelRequested.current = false;
    const found = {
      folder: folder.trim() ? undefined : t('export.folderRequired'),
      formats: formats.length === 0 ? t('export.formatRequired') : undefined,
      period: props.periodProblem ?? undefined,
      reason: exact && reason.trim().length < 10 ? t('export.reasonRequired') : undefined,
    };
    const input = { from: props.period.from, to: props.period.to, workerId: props.workerId, preset: props.preset ?? 'standard', folder: folder.trim(), formats, language: fileLanguage };
    const result = await submit.run(
      found,
      () => (exact ? call('reports.exportExact', { ...input, reason: reason.trim() }) : call('reports.export', input)),
      (error) => {
        if (!cancelRequested.current || error.code !== 'CONFLICT') return false;
        setCancelled(true);
        return true;
      },
    );
    setProgress(null);
    if (result) setSaved(result);
    // The Cancel button goes away with the export; keep the keyboard where it was.
    if (cancelRequested.current) exportButton.current?.focus();
  }

  async function cancel() {
    cancelRequested.current = true;
    await call('reports.cancelExport', {});
  }

  const periodText =
    props.periodProblem === null ? t('export.period', { from: formatDay(props.period.from, 'medium'), to: formatDay(props.period.to, 'medium') }) : null;
  return (
    <section aria-labelledby={headingId} className="panel report-tool">
      <h2 id={headingId}>{t('export.title')}</h2>
      <p>{t('export.intro')}</p>
      {periodText ? <p>{periodText}</p> : null}
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{errorAt(submit.errors, 'period') ? t('export.choosePeriod') : submit.formError}</ErrorMessage>
        <TextField
          label={t('export.folder')}
          hint={t('export.folderHint')}
          value={folder}
          onChange={setFolder}
          autoComplete="off"
          maxLength={1000}
          error={errorAt(submit.errors, 'folder')}
          required
        />
        <fieldset className={`field checkbox-group${errorAt(submit.errors, 'formats') ? ' field-invalid' : ''}`}>
          <legend>{t('export.formats')}</legend>
          {errorAt(submit.errors, 'formats') ? <p className="field-error">{errorAt(submit.errors, 'formats')}</p> : null}
          <div className="checkbox-list">
            {reportFormats.map((f) => (
              <div className="checkbox" key={f}>
                <input
                  id={`${headingId}-${f}`}
                  type="checkbox"
                  checked={formats.includes(f)}
                  aria-invalid={errorAt(submit.errors, 'formats') ? true : undefined}
                  onChange={(event) =>
                    setFormats(event.target.checked ? reportFormats.filter((x) => x === f || formats.includes(x)) : formats.filter((x) => x !== f))
                  }
                />
                <label htmlFor={`${headingId}-${f}`}>{t(`export.format.${f}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <SelectField
          label={t('export.language')}
          hint={t('export.languageHint')}
          value={fileLanguage}
          onChange={(value) => setChosenLanguage(languages.find((l) => l === value) ?? null)}
          options={languages.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
        />
        {props.canExact ? (
          <fieldset className="field">
            <legend>{t('export.exactTitle')}</legend>
            <CheckboxField label={t('export.exact')} hint={t('export.exactHint')} checked={exact} onChange={setExact} />
            {exact ? (
              <TextAreaField
                label={t('export.reason')}
                hint={t('export.reasonHint')}
                value={reason}
                onChange={setReason}
                maxLength={500}
                error={errorAt(submit.errors, 'reason')}
              />
            ) : null}
          </fieldset>
        ) : null}
        {submit.busy ? (
          <div className="field">
            <label htmlFor={progressId}>{t('export.progressLabel')}</label>
            <progress id={progressId} max={progress?.total ?? 1} value={progress?.done ?? 0} />
          </div>
        ) : null}
        <StatusMessage tone={saved ? 'success' : 'info'}>
          {submit.busy
            ? progress
              ? t('export.progress', { done: progress.done, total: progress.total })
              : t('export.starting')
            : cancelled
              ? t('export.cancelled')
              : saved
                ? t('export.saved', { folder: saved.folder })
                : null}
        </StatusMessage>
        {saved ? (
          <>
            <p>{t('export.files')}</p>
            <ul className="file-list">
              {saved.files.map((f) => (
                <li key={f}>
                  <code>{f}</code>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <div className="actions">
          <button type="submit" ref={exportButton} className="primary" aria-disabled={submit.busy || undefined}>
            {t('export.export')}
          </button>
          {submit.busy ? (
            <button type="button" onClick={() => void cancel()}>
              {t('export.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
