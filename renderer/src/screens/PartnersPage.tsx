// renderer/: the partner directory's own place in the frame, for everyone who works with cases: the
// directory, and the partners suggested for it. Caseworkers suggest; supervisors and administrators
// add partners and approve or decline suggestions.
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { PartnerSuggestion } from '../../../shared/schemas/partners';
import type { SessionUser } from '../../../shared/schemas/session';
import { call } from '../api/client';
import { PageHeading } from '../components/Heading';
import { ErrorMessage } from '../components/Messages';
import { useT } from '../i18n/i18n';
import { PartnerDirectory } from './plan/PartnerDirectory';
import { PartnerSuggestions } from './plan/PartnerSuggestions';
import type { PartnerEntry } from './plan/PlanTab';

export function PartnersPage({ user }: { user: SessionUser }) {
  const { t, errorMessage } = useT();
  const manages = user.role === 'admin' || user.role === 'supervisor';
  const [partners, setPartners] = useState<PartnerEntry[]>([]);
  const [suggestions, setSuggestions] = useState<z.infer<typeof PartnerSuggestion>[]>([]);
  const [error, setError] = useState('');

  const reload = useCallback(async () => {
    const [listed, suggested] = await Promise.all([call('partners.list', {}), call('partners.suggestions', {})]);
    if (listed.ok) setPartners(listed.value.partners);
    if (suggested.ok) setSuggestions(suggested.value.suggestions);
    const failed = !listed.ok ? listed.error : !suggested.ok ? suggested.error : null;
    setError(failed ? errorMessage(failed) : '');
  }, [errorMessage]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section className="partners-page">
      <PageHeading>{t('partnersPage.title')}</PageHeading>
      <p>{t(manages ? 'partnersPage.introManage' : 'partnersPage.introSuggest')}</p>
      <ErrorMessage>{error}</ErrorMessage>
      <PartnerDirectory partners={partners} onChanged={reload} mode={manages ? 'add' : 'suggest'} level={2} />
      <PartnerSuggestions suggestions={suggestions} canReview={manages} onChanged={reload} />
    </section>
  );
}
