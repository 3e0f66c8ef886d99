// renderer/: Admin → Import from a spreadsheet. The administrator names a CSV or XLSX file and what it
// holds; main checks every row (import.preview) and the screen lists each problem by row and column.
// Only a file with no problems can be imported (import.apply), and main checks it again, all or nothing.
import { useId, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { RpcError } from '../../../../shared/errors';
import { ImportInput, importKinds, type ImportKind } from '../../../../shared/schemas/import';
import { call } from '../../api/client';
import { focusSoon } from '../../components/focusSoon';
import { FormFrame } from '../../components/FormFrame';
import { StatusMessage } from '../../components/Messages';
import { isAbsolutePath } from '../../components/paths';
import { PathField } from '../../components/PathField';
import { useSchemaForm } from '../../components/useSchemaForm';
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
  const [checked, setChecked] = useState<Checked | null>(null);
  const [changedSinceCheck, setChangedSinceCheck] = useState(false);
  const [imported, setImported] = useState<Output<'import.apply'> | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const done = useRef<HTMLDivElement>(null);
  // Set when the import found the file changed since its check: the check runs again and says so.
  const recheck = useRef(false);

  /** Any change means the check shown is no longer about the file that would be imported. */
  function reset() {
    setChecked(null);
    setImported(null);
    setChangedSinceCheck(false);
  }

  const defaults: { kind: ImportKind; file: string } = { kind: 'clients', file: '' };
  const sf = useSchemaForm({
    schema: ImportInput,
    defaults,
    toInput: (v) => ({ kind: v.kind, file: v.file.trim() }),
    extraChecks: (v) => {
      const path = v.file.trim();
      return { file: !path ? t('field.required') : !isAbsolutePath(path) ? t('backups.fullPath') : /\.(csv|xlsx)$/iu.test(path) ? undefined : t('import.fileShape') };
    },
    onSubmitStart: reset,
    send: async (input) => {
      const result = await call('import.preview', input);
      return result.ok ? { ok: true as const, value: { kind: input.kind, file: input.file ?? '', preview: result.value } } : result;
    },
    onSaved: (value) => {
      setChecked(value);
      if (recheck.current) setChangedSinceCheck(true);
      recheck.current = false;
      focusSoon(() => resultHeading.current);
    },
  });
  const kind = sf.field('kind');
  const file = sf.field('file');

  const preview = checked?.preview ?? null;
  return (
    <section aria-labelledby={headingId} className="admin-section">
      <h2 id={headingId}>{t('import.title')}</h2>
      <div className="panel">
        <p>{t('import.explain')}</p>
        <FormFrame form={sf} submitLabel={t('import.check')} busyText={t('import.checking')} primary={preview?.problemCount !== 0}>
          <fieldset className="field">
            <legend>{t('import.kind')}</legend>
            <div className="checkbox-list">
              {importKinds.map((value) => (
                <div key={value} className="checkbox">
                  <input
                    id={`${kindName}-${value}`}
                    type="radio"
                    name={kindName}
                    checked={kind.value === value}
                    onChange={() => {
                      kind.onChange(value);
                      reset();
                    }}
                  />
                  <label htmlFor={`${kindName}-${value}`}>{t(`import.kind.${value}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <PathField
            label={t('import.file')}
            hint={t('import.fileHint')}
            {...file}
            onChange={(value) => {
              file.onChange(value);
              reset();
            }}
          />
        </FormFrame>
        <ImportTemplate kind={kind.value} />

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
                <ImportForm
                  checked={checked}
                  onImported={(result) => {
                    setChecked(null);
                    setImported(result);
                    focusSoon(() => done.current);
                  }}
                  onChangedSinceCheck={() => {
                    // The file was changed after it was checked: check it again, so the problems are listed.
                    recheck.current = true;
                    void sf.onSubmit();
                  }}
                />
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

/** The import of a file checked with no problems: main checks it again, all or nothing. */
function ImportForm(props: { checked: Checked; onImported: (result: Output<'import.apply'>) => void; onChangedSinceCheck: () => void }) {
  const { t, formatNumber } = useT();
  const { kind, file, preview } = props.checked;
  const sf = useSchemaForm({
    schema: ImportInput,
    defaults: {},
    toInput: () => ({ kind, file }),
    send: (input) => call('import.apply', input),
    special: (error) => {
      if (!isRowProblem(error)) return false;
      props.onChangedSinceCheck();
      return true;
    },
    onSaved: props.onImported,
  });
  const label = preview.rowCount === 1 ? t('import.submitOne') : t('import.submitMany', { count: formatNumber(preview.rowCount) });
  return <FormFrame form={sf} submitLabel={label} busyText={t('import.importing')} />;
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
