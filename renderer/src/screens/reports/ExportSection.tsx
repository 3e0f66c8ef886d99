// renderer/: saving the report for the chosen period as files: CSV, PDF and JSON with a signed
// manifest, in the language chosen (the screen's, unless changed). Main reports each file as it is
// written; the export can be cancelled, and then leaves nothing behind. The folder is typed as a full
// path (a folder picker can replace it in Electron). Administrators and auditors may instead make a
// submission pack of exact counts, by stating why.
import { useEffect, useId, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { languages, type Language } from '../../../../shared/schemas/prefs';
import { ExportExactInput, ExportReportInput, reportFormats, type ReportPreset } from '../../../../shared/schemas/reports';
import { call, onAppEvent } from '../../api/client';
import { CheckboxField, SelectField, TextAreaField } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import type { Period } from './PeriodForm';

type Format = (typeof reportFormats)[number];
type Saved = Output<'reports.export'>;

export function ExportSection(props: { period: Period; periodProblem: string | null; workerId: string | null; preset?: ReportPreset; canExact: boolean }) {
  const { t, formatDay, language } = useT();
  const headingId = useId();
  const progressId = useId();
  const [progress, setProgress] = useState<{ done: number; total: number; file: string } | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const cancelRequested = useRef(false);
  // A submission pack (exact counts): administrators and auditors, never the default, only with a reason.
  const [exact, setExact] = useState(false);
  // The files follow the screen's language until a language is chosen for them here ('' until then).
  const defaults: { folder: string; formats: Format[]; language: Language | ''; reason: string } = { folder: '', formats: [...reportFormats], language: '', reason: '' };
  const sf = useSchemaForm({
    schema: exact ? ExportExactInput : ExportReportInput,
    defaults,
    toInput: (v) => {
      const input = { from: props.period.from, to: props.period.to, workerId: props.workerId, preset: props.preset ?? 'standard', folder: v.folder.trim(), formats: v.formats, language: v.language || language };
      return exact ? { ...input, reason: v.reason.trim() } : input;
    },
    extraChecks: (v) => ({
      folder: v.folder.trim() ? undefined : t('export.folderRequired'),
      formats: v.formats.length === 0 ? t('export.formatRequired') : undefined,
      period: props.periodProblem ?? undefined,
      reason: exact && v.reason.trim().length < 10 ? t('export.reasonRequired') : undefined,
    }),
    onSubmitStart: () => {
      setSaved(null);
      setCancelled(false);
      setProgress(null);
      cancelRequested.current = false;
    },
    send: async (input) => {
      const result = 'reason' in input && typeof input.reason === 'string' ? await call('reports.exportExact', { ...input, reason: input.reason }) : await call('reports.export', input);
      setProgress(null);
      // The Cancel button goes away with the export; keep the keyboard where it was.
      if (cancelRequested.current) sf.formRef.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
      return result;
    },
    special: (error) => {
      if (!cancelRequested.current || error.code !== 'CONFLICT') return false;
      setCancelled(true);
      return true;
    },
    onSaved: setSaved,
  });
  const formats = sf.field('formats');

  useEffect(
    () =>
      onAppEvent((event) => {
        if (event.type === 'progress' && event.task === 'export-report') setProgress({ done: event.done, total: event.total, file: event.step });
      }),
    [],
  );

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
      <FormFrame
        form={{ ...sf, formError: sf.errorAt('period') ? t('export.choosePeriod') : sf.formError }}
        submitLabel={t('export.export')}
        busyText={progress ? t('export.progress', { done: progress.done, total: progress.total }) : t('export.starting')}
        savedText={saved ? t('export.saved', { folder: saved.folder }) : null}
        statusText={cancelled ? t('export.cancelled') : null}
        beforeActions={saved ? <SavedFiles files={saved.files} /> : null}
        {...(sf.busy ? { onCancel: () => void cancel(), cancelLabel: t('export.cancel') } : {})}
      >
        <TextField label={t('export.folder')} hint={t('export.folderHint')} {...sf.field('folder')} autoComplete="off" maxLength={1000} required />
        <fieldset className={`field checkbox-group${formats.error ? ' field-invalid' : ''}`}>
          <legend>{t('export.formats')}</legend>
          {formats.error ? <p className="field-error">{formats.error}</p> : null}
          <div className="checkbox-list">
            {reportFormats.map((f) => (
              <div className="checkbox" key={f}>
                <input
                  id={`${headingId}-${f}`}
                  type="checkbox"
                  checked={formats.value.includes(f)}
                  aria-invalid={formats.error ? true : undefined}
                  onChange={(event) =>
                    formats.onChange(event.target.checked ? reportFormats.filter((x) => x === f || formats.value.includes(x)) : formats.value.filter((x) => x !== f))
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
          value={sf.field('language').value || language}
          onChange={(value) => sf.field('language').onChange(languages.find((l) => l === value) ?? '')}
          options={languages.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
        />
        {props.canExact ? (
          <fieldset className="field">
            <legend>{t('export.exactTitle')}</legend>
            <CheckboxField label={t('export.exact')} hint={t('export.exactHint')} checked={exact} onChange={setExact} />
            {exact ? <TextAreaField label={t('export.reason')} hint={t('export.reasonHint')} {...sf.field('reason')} maxLength={500} /> : null}
          </fieldset>
        ) : null}
        {sf.busy ? (
          <div className="field">
            <label htmlFor={progressId}>{t('export.progressLabel')}</label>
            <progress id={progressId} max={progress?.total ?? 1} value={progress?.done ?? 0} />
          </div>
        ) : null}
      </FormFrame>
    </section>
  );
}

function SavedFiles({ files }: { files: string[] }) {
  const { t } = useT();
  return (
    <>
      <p>{t('export.files')}</p>
      <ul className="file-list">
        {files.map((f) => (
          <li key={f}>
            <code>{f}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
