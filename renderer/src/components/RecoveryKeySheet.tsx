// renderer/: a recovery key shown once (at setup, and when an administrator makes a new one): the
// printable sheet and the field where it is typed back. The print stylesheet prints only the
// .print-area: the key and what to do with it, no names.
import { Fragment, useId, useRef } from 'react';
import { useT } from '../i18n/i18n';
import { printOnly } from './print';
import { normalizeRecoveryKey, recoveryKeyGroups } from './recoveryKey';
import { TextField } from './TextField';

export function recoveryKeyMatches(typed: string, recoveryKey: string): boolean {
  return normalizeRecoveryKey(typed) === normalizeRecoveryKey(recoveryKey);
}

export function RecoveryKeySheet({ recoveryKey }: { recoveryKey: string }) {
  const { t, formatDate } = useT();
  const captionId = useId();
  const area = useRef<HTMLDivElement>(null);
  return (
    <>
      <div className="print-area" ref={area}>
        <p className="print-only print-title">{t('setup.printTitle')}</p>
        <figure className="recovery-key" aria-labelledby={captionId}>
          <figcaption id={captionId}>{t('setup.keyCaption')}</figcaption>
          <p className="recovery-key-groups" data-testid="recovery-key">
            {recoveryKeyGroups(recoveryKey).map((group, index) => (
              <Fragment key={index}>
                {index > 0 ? ' ' : null}
                <span className="recovery-key-group">{group}</span>
              </Fragment>
            ))}
          </p>
        </figure>
        <p>{t('setup.keyExplain')}</p>
        <p className="no-print">{t('setup.keyPrintAdvice')}</p>
        <p className="print-only">{t('setup.printKeep')}</p>
        <p className="print-only">{t('setup.printDate', { date: formatDate(new Date()) })}</p>
      </div>
      <div className="actions no-print">
        <button type="button" onClick={() => printOnly(area.current)}>
          {t('setup.print')}
        </button>
      </div>
    </>
  );
}

/** The key typed back, with a live "matches / does not match" note once enough has been typed. */
export function RecoveryKeyTypedBack(props: {
  recoveryKey: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const { t } = useT();
  const typed = normalizeRecoveryKey(props.value);
  const expected = normalizeRecoveryKey(props.recoveryKey);
  const matches = typed === expected;
  return (
    <>
      <TextField
        label={t('setup.confirmKey')}
        value={props.value}
        onChange={props.onChange}
        autoComplete="off"
        className="mono"
        hint={t('setup.confirmKeyHint')}
        error={props.error}
        maxLength={80}
        required
      />
      <p className={matches ? 'key-check key-check-ok' : 'key-check'} aria-live="polite">
        {matches ? t('setup.keyMatches') : typed.length >= expected.length ? t('setup.keyDoesNotMatch') : null}
      </p>
    </>
  );
}
