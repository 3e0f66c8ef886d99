// renderer/: partners suggested for the directory and waiting for a supervisor or administrator, who
// approves (the partner joins the directory) or declines (the suggestion is removed) each one.
import { useId, useState } from 'react';
import type { z } from 'zod';
import type { PartnerSuggestion } from '../../../../shared/schemas/partners';
import { serviceCategories } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { useVocab } from '../../components/fields';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';

type Suggestion = z.infer<typeof PartnerSuggestion>;

export function PartnerSuggestions(props: { suggestions: Suggestion[]; canReview: boolean; onChanged: () => Promise<void> }) {
  const { t, errorMessage, formatTimestamp } = useT();
  const label = useVocab();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');

  async function review(s: Suggestion, decision: 'approve' | 'decline') {
    if (busy) return;
    setBusy(true);
    setNote('');
    setError('');
    const result = await call('partners.review', { id: s.id, decision });
    setBusy(false);
    if (!result.ok) return setError(errorMessage(result.error));
    setNote(t(decision === 'approve' ? 'partner.approved' : 'partner.declined', { name: s.name }));
    await props.onChanged();
  }

  return (
    <section aria-labelledby={headingId} className="partner-suggestions">
      <h2 id={headingId}>{t('partner.suggestionsTitle')}</h2>
      <ErrorMessage>{error}</ErrorMessage>
      <StatusMessage tone="success">{busy ? t('common.working') : note || null}</StatusMessage>
      {props.suggestions.length === 0 ? <p>{t('partner.suggestionsNone')}</p> : null}
      <ul className="partner-list" aria-labelledby={headingId}>
        {props.suggestions.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>
            <span className="partner-services">{s.services.map((c) => label(serviceCategories, c)).join(', ')}</span>
            {s.contact ? <span className="partner-contact">{s.contact}</span> : null}
            <span className="hint">
              {t('partner.suggestedBy', { name: s.suggestedBy ?? t('accessLog.formerStaff'), date: formatTimestamp(s.suggestedAt) })}
            </span>
            {props.canReview ? (
              <span className="actions">
                <button type="button" aria-disabled={busy || undefined} aria-label={t('partner.approveOne', { name: s.name })} onClick={() => void review(s, 'approve')}>
                  {t('partner.approve')}
                </button>
                <button type="button" aria-disabled={busy || undefined} aria-label={t('partner.declineOne', { name: s.name })} onClick={() => void review(s, 'decline')}>
                  {t('partner.decline')}
                </button>
              </span>
            ) : (
              <span className="badge">{t('partner.waiting')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
