// renderer/: who changed which field of this case, and when. Only names of fields are shown, never
// the values, so the history can be read without exposing more than the case itself.
import { useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import type { RpcError } from '../../../../shared/errors';
import type { HistoryEntry } from '../../../../shared/schemas/clients';
import { call } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';
import { fieldLabel, sectionLabel } from './historyWords';

type Entry = z.infer<typeof HistoryEntry>;

export function HistoryTab({ clientId, visible, changes }: { clientId: string; visible: boolean; changes: number }) {
  const i18n = useT();
  const { t, errorMessage, formatTimestamp } = i18n;
  const captionId = useId();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<RpcError | null>(null);

  // Read when shown, and again after any change to the case while it is shown.
  useEffect(() => {
    if (!visible) return;
    let live = true;
    void call('clients.history', { id: clientId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setEntries(result.value.entries);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [clientId, visible, changes]);

  return (
    <div className="history">
      <h2 id={captionId}>{t('history.title')}</h2>
      <p className="hint">{t('history.intro')}</p>
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      {entries === null && !error ? <p role="status">{t('common.working')}</p> : null}
      {entries && entries.length === 0 ? <p>{t('history.none')}</p> : null}
      {entries && entries.length > 0 ? (
        <DataTable
          labelledBy={captionId}
          rows={entries}
          rowKey={(_, i) => i}
          columns={[
            { header: t('history.when'), cell: (e) => formatTimestamp(e.at, true) },
            { header: t('history.who'), cell: (e) => e.by ?? t('history.someone') },
            { header: t('history.section'), cell: (e) => sectionLabel(i18n, e.section) },
            { header: t('history.field'), cell: (e) => fieldLabel(i18n, e.section, e.field) },
          ]}
        />
      ) : null}
    </div>
  );
}
