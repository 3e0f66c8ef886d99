// renderer/: the contact log of a case: every attempt to reach the person, newest first, with the
// quick entry form on top. Read when the tab is shown.
import { useEffect, useId, useState } from 'react';
import { contactMethods, contactOutcomes } from '../../../../shared/vocab/week';
import { DataTable } from '../../components/DataTable';
import { useVocab } from '../../components/fields';
import { LoadState } from '../../components/LoadState';
import { StatusMessage } from '../../components/Messages';
import { useCaseRead } from '../../components/useCaseRead';
import { useT } from '../../i18n/i18n';
import { ContactForm } from './ContactForm';

export function ContactsTab(props: { clientId: string; visible: boolean }) {
  const { t, formatDay, formatNumber } = useT();
  const label = useVocab();
  const headingId = useId();
  const [saved, setSaved] = useState<{ unsafe: boolean; n: number } | null>(null);
  const { clientId } = props;
  const { data, error, reload } = useCaseRead('contacts.forClient', clientId);
  useEffect(() => {
    if (props.visible) void reload();
  }, [props.visible, reload]);

  if (!data) return <LoadState error={error} />;
  return (
    <section className="plan-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('contact.listTitle')}</h2>
      <ContactForm
        clientId={clientId}
        safety={data.safety}
        onSaved={(unsafe) => {
          setSaved((old) => ({ unsafe, n: (old?.n ?? 0) + 1 }));
          void reload();
        }}
      />
      <StatusMessage tone="success">{saved ? t(saved.unsafe ? 'contact.savedUnsafe' : 'contact.saved', { n: saved.n }) : null}</StatusMessage>
      {data.attempts.length === 0 ? (
        <p>{t('contact.none')}</p>
      ) : (
        <DataTable
          labelledBy={headingId}
          rows={data.attempts}
          rowKey={(a) => a.id}
          columns={[
            { header: t('common.date'), cell: (a) => formatDay(a.date, 'medium') },
            {
              header: t('contact.method'),
              cell: (a) => (
                <>
                  {label(contactMethods, a.method)}
                  {a.unsafe ? <span className="hint"> · {t('contact.wasNotSafe')}</span> : null}
                </>
              ),
            },
            { header: t('contact.outcome'), cell: (a) => label(contactOutcomes, a.outcome) },
            { header: t('contact.minutes'), cell: (a) => (a.minutes === null ? '—' : formatNumber(a.minutes)) },
            { header: t('common.note'), cell: (a) => a.note ?? '—', className: 'break' },
            { header: t('contact.by'), cell: (a) => a.by ?? '—' },
          ]}
        />
      )}
    </section>
  );
}
