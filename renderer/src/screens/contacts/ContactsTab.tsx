// renderer/: the contact log of a case: every attempt to reach the person, newest first, with the
// quick entry form on top. Read when the tab is shown.
import { useCallback, useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import type { RpcError } from '../../../../shared/errors';
import type { ClientContacts } from '../../../../shared/schemas/week';
import { contactMethods, contactOutcomes } from '../../../../shared/vocab/week';
import { call } from '../../api/client';
import { useVocab } from '../../components/fields';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';
import { ContactForm } from './ContactForm';

type Data = z.infer<typeof ClientContacts>;

export function ContactsTab(props: { clientId: string; visible: boolean }) {
  const { t, errorMessage, formatDay, formatNumber } = useT();
  const label = useVocab();
  const headingId = useId();
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [saved, setSaved] = useState<{ unsafe: boolean; n: number } | null>(null);
  const { clientId } = props;

  const reload = useCallback(async () => {
    const result = await call('contacts.forClient', { id: clientId });
    if (result.ok) {
      setData(result.value);
      setError(null);
    } else setError(result.error);
  }, [clientId]);
  useEffect(() => {
    if (props.visible) void reload();
  }, [props.visible, reload]);

  if (!data) return error ? <ErrorMessage>{errorMessage(error)}</ErrorMessage> : <p role="status">{t('common.working')}</p>;
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
        <div className="table-scroll">
          <table aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('common.date')}</th>
                <th scope="col">{t('contact.method')}</th>
                <th scope="col">{t('contact.outcome')}</th>
                <th scope="col">{t('contact.minutes')}</th>
                <th scope="col">{t('common.note')}</th>
                <th scope="col">{t('contact.by')}</th>
              </tr>
            </thead>
            <tbody>
              {data.attempts.map((a) => (
                <tr key={a.id}>
                  <td>{formatDay(a.date, 'medium')}</td>
                  <td>
                    {label(contactMethods, a.method)}
                    {a.unsafe ? <span className="hint"> · {t('contact.wasNotSafe')}</span> : null}
                  </td>
                  <td>{label(contactOutcomes, a.outcome)}</td>
                  <td>{a.minutes === null ? '—' : formatNumber(a.minutes)}</td>
                  <td className="break">{a.note ?? '—'}</td>
                  <td>{a.by ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
