// renderer/: Admin → Import from a spreadsheet. The administrator names a CSV or XLSX file and what it
// holds; main checks every row (import.preview) and the screen lists each problem by row and column.
// Only a file with no problems can be imported (import.apply), and main checks it again, all or nothing.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Output } from '../../../../shared/contract';
import type { RpcError } from '../../../../shared/errors';
import { importKinds, type ImportKind } from '../../../../shared/schemas/import';
import { call } from '../../api/client';
import { errorAt } from '../../components/forms';
import { focusSoon } from '../../components/focusSoon';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { isAbsolutePath } from '../../components/paths';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n';
import { ImportProblems } from './ImportProblems';
import { ImportTemplate } from './ImportTemplate';

type Checked = { kind: ImportKind; file: string; preview: Output<'import.preview'> };

/** A problem main found in the rows (its field paths say "row N, column X"), not in the form itself. */
const isRowProblem = (error: RpcError) => error.code === 'INVALID_INPUT' && (error.fields ?? []).every((f) => f.path !== 'file' && f.path !== 'kind');

export function ImportSection() {
  const { t, formatNumber } = useT();
  const headingId = useId();
  const kindName = useId();
  const resultId = useId();
  const [kind, setKind] = useState<ImportKind>('clients');
  const [file, setFile] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [changedSinceCheck, setChangedSinceCheck] = useState(false);
  const [imported, setImported] = useState<Output<'import.apply'> | null>(null);
  const [running, setRunning] = useState<'check' | 'import'>('check');
  const submit = useSubmit();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const done = useRef<HTMLDivElement>(null);

  /** Any change means the check shown is no longer about the file that would be imported. */
  function reset() {
    setChecked(null);
    setImported(null);
    setChangedSinceCheck(false);
  }

  async function check(path: string, chosen: ImportKind): Promise<boolean> {
    const found = {
      file: !path ? t('field.required') : !isAbsolutePath(path) ? t('backups.fullPath') : /\.(csv|xlsx)$/iu.test(path) ? undefined : t('import.fileShape'),
    };
    setRunning('check');
    const preview = await submit.run(found, () => call('import.preview', { kind: chosen, file: path }));
    if (!preview) return false;
    setChecked({ kind: chosen, file: path, preview });
    focusSoon(() => resultHeading.current);
    return true;
  }

  async function onCheck(event: FormEvent) {
    event.preventDefault();
    reset();
    await check(file.trim(), kind);
  }

  async function onImport() {
    if (!checked) return;
    const { kind: chosen, file: path } = checked;
    let rowProblems = false;
    setRunning('import');
    const result = await submit.run({}, () => call('import.apply', { kind: chosen, file: path }), (error) => (rowProblems = isRowProblem(error)));
    if (result) {
      setChecked(null);
      setImported(result);
      focusSoon(() => done.current);
      return;
    }
    // The file was changed after it was checked: check it again, so the problems are listed.
    if (rowProblems && (await check(path, chosen))) setChangedSinceCheck(true);
  }

  const preview = checked?.preview ?? null;
  return (
    <section aria-labelledby={headingId} className="admin-section">
      <h2 id={headingId}>{t('import.title')}</h2>
      <div className="panel">
        <p>{t('import.explain')}</p>
        <form ref={submit.formRef} onSubmit={onCheck} noValidate>
          <ErrorMessage>{running === 'check' ? submit.formError : null}</ErrorMessage>
          <fieldset className="field">
            <legend>{t('import.kind')}</legend>
            <div className="checkbox-list">
              {importKinds.map((value) => (
                <div key={value} className="checkbox">
                  <input
                    id={`${kindName}-${value}`}
                    type="radio"
                    name={kindName}
                    checked={kind === value}
                    onChange={() => {
                      setKind(value);
                      reset();
                    }}
                  />
                  <label htmlFor={`${kindName}-${value}`}>{t(`import.kind.${value}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <TextField
            label={t('import.file')}
            hint={t('import.fileHint')}
            value={file}
            onChange={(value) => {
              setFile(value);
              reset();
            }}
            autoComplete="off"
            className="mono"
            error={errorAt(submit.errors, 'file')}
            maxLength={4096}
            required
          />
          <StatusMessage>{submit.busy && running === 'check' ? t('import.checking') : null}</StatusMessage>
          <div className="actions">
            <button type="submit" className={preview?.problemCount === 0 ? undefined : 'primary'} aria-disabled={submit.busy || undefined}>
              {t('import.check')}
            </button>
          </div>
        </form>
        <ImportTemplate kind={kind} />

        {checked && preview ? (
          <section aria-labelledby={resultId}>
            <h3 id={resultId} ref={resultHeading} tabIndex={-1}>
              {t('import.resultTitle')}
            </h3>
            {changedSinceCheck ? <p className="message message-info">{t('import.changedSinceCheck')}</p> : null}
            {preview.problemCount === 0 ? (
              <>
                <p className="message message-success">
                  {preview.rowCount === 1 ? t('import.readyOne') : t('import.readyMany', { count: formatNumber(preview.rowCount) })}
                </p>
                <p>{t('import.allOrNothing')}</p>
                <ErrorMessage>{running === 'import' ? submit.formError : null}</ErrorMessage>
                <StatusMessage>{submit.busy && running === 'import' ? t('import.importing') : null}</StatusMessage>
                <div className="actions">
                  <button type="button" className="primary" aria-disabled={submit.busy || undefined} onClick={() => void onImport()}>
                    {preview.rowCount === 1 ? t('import.submitOne') : t('import.submitMany', { count: formatNumber(preview.rowCount) })}
                  </button>
                </div>
              </>
            ) : (
              <ImportProblems preview={preview} />
            )}
          </section>
        ) : null}

        <div ref={done} tabIndex={-1}>
          <StatusMessage tone="success">{imported ? <ImportedSummary result={imported} /> : null}</StatusMessage>
        </div>
      </div>
    </section>
  );
}

/** What an import added, one sentence for one and another for many. */
const doneText: Record<ImportKind, readonly [MessageKey, MessageKey]> = {
  clients: ['import.doneClientsOne', 'import.doneClientsMany'],
  services: ['import.doneServicesOne', 'import.doneServicesMany'],
  assessments: ['import.doneAssessmentsOne', 'import.doneAssessmentsMany'],
};

function ImportedSummary({ result }: { result: Output<'import.apply'> }) {
  const { t, formatNumber } = useT();
  const count = result.imported[result.kind];
  const [one, many] = doneText[result.kind];
  return (
    <>
      <p>{count === 1 ? t(one) : t(many, { count: formatNumber(count) })}</p>
      {result.kind === 'clients' ? <p>{t('import.doneClientsAssign')}</p> : null}
    </>
  );
}
