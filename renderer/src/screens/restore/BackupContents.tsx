// renderer/: what a checked backup holds, in plain words (dates and counts only, never records), and
// what restoring it will do. The heading takes focus so the person lands on the answer.
import { useEffect, useId, useRef } from 'react';
import type { BackupSummary } from '../../../../shared/schemas/backup';
import { formatFileSize } from '../../components/paths';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n';

/** The tables a person would recognise, by the word used for them elsewhere in the app. */
const countedTables: readonly (readonly [string, MessageKey])[] = [
  ['users', 'restore.staff'],
  ['case_notes', 'restore.notes'],
  ['services', 'restore.services'],
  ['referrals', 'restore.referrals'],
  ['assessments', 'restore.assessments'],
  ['consents', 'restore.consents'],
];

/** `overStore`: records are here now (current staff, keys, log and case numbers carry over); else a new computer. */
export function BackupContents({ summary, overStore }: { summary: BackupSummary; overStore: boolean }) {
  const { t, language, formatNumber, formatTimestamp } = useT();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const facts: [string, string][] = [
    [t('restore.madeOn'), formatTimestamp(summary.createdAt, true)],
    [t('restore.appVersion'), summary.appVersion],
    [t('restore.cases'), formatNumber(summary.clients)],
    ...countedTables.map(([table, key]): [string, string] => [t(key), formatNumber(summary.counts[table] ?? 0)]),
    [t('restore.auditEntries'), formatNumber(summary.auditEntries)],
    [t('restore.auditLog'), summary.auditLogIntact ? t('restore.auditIntact') : t('restore.auditBroken')],
    [t('restore.size'), formatFileSize(language, summary.bytes)],
    [t('restore.schemaVersion'), String(summary.schemaVersion)],
  ];

  return (
    <section aria-labelledby={headingId} className="backup-contents">
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('restore.contentsTitle')}
      </h2>
      <p className="message message-success">{t('restore.checked')}</p>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="restore-warning">
        <p>
          <strong>{t('restore.replaces')}</strong>
        </p>
        <p>{t('restore.keepsPrevious')}</p>
        <p>{t(overStore ? 'restore.accountsKept' : 'restore.accounts')}</p>
      </div>
    </section>
  );
}
