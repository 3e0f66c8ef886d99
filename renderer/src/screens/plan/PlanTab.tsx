// renderer/: the service plan agreed with the survivor: goals with their steps, the services
// delivered, referrals to partners and legal and immigration milestones. Read when the tab is shown.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { StaffListOutput } from '../../../../shared/schemas/clients';
import type { Partner, PlanOutput } from '../../../../shared/schemas/planning';
import type { SessionUser } from '../../../../shared/schemas/session';
import { call } from '../../api/client';
import { LoadState } from '../../components/LoadState';
import { ErrorMessage } from '../../components/Messages';
import { useCaseRead } from '../../components/useCaseRead';
import { useT } from '../../i18n/i18n';
import { GoalsSection } from './GoalsSection';
import { MilestonesSection } from './MilestonesSection';
import { ReferralsSection } from './ReferralsSection';
import { ServicesSection } from './ServicesSection';

export type Staff = z.infer<typeof StaffListOutput>['staff'];
export type PartnerEntry = z.infer<typeof Partner>;

/** What every part of the plan needs: the case, what is stored, and a way to read it again. */
export interface PlanContext {
  clientId: string;
  plan: PlanOutput;
  reload: () => Promise<void>;
}

export function PlanTab(props: {
  clientId: string;
  user: SessionUser;
  visible: boolean;
  /** Counts returns from recording consent, so the waiting referral form can take focus again. */
  backFromConsent: number;
  /** Opens the Consents tab's form to record consent to share with this partner. */
  onRecordConsent: (partnerName: string, startDate: string) => void;
}) {
  const { errorMessage } = useT();
  const [staff, setStaff] = useState<Staff>([]);
  const [partners, setPartners] = useState<PartnerEntry[]>([]);
  // "Log a service for this goal" opens the service form below with the goal chosen.
  const [serviceFor, setServiceFor] = useState<{ goalId: string | null; n: number } | null>(null);
  const loaded = useRef(false);
  const { clientId } = props;
  const { data: plan, error, reload } = useCaseRead('plan.get', clientId);

  const reloadPartners = useCallback(async () => {
    const result = await call('partners.list', {});
    if (result.ok) setPartners(result.value.partners);
  }, []);

  useEffect(() => {
    if (!props.visible || loaded.current) return;
    loaded.current = true;
    void reload();
    void reloadPartners();
    void call('staff.list', {}).then((result) => {
      if (result.ok) setStaff(result.value.staff.filter((s) => s.active && s.role !== 'auditor'));
    });
  }, [props.visible, reload, reloadPartners]);

  if (!plan) {
    return (
      <div className="plan">
        <LoadState error={error} />
      </div>
    );
  }
  const ctx: PlanContext = { clientId, plan, reload };
  return (
    <div className="plan">
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      <GoalsSection ctx={ctx} staff={staff} onLogService={(goalId) => setServiceFor((old) => ({ goalId, n: (old?.n ?? 0) + 1 }))} />
      <ServicesSection ctx={ctx} partners={partners} request={serviceFor} onRequestDone={() => setServiceFor(null)} />
      <ReferralsSection
        ctx={ctx}
        user={props.user}
        partners={partners}
        onPartnersChanged={reloadPartners}
        onRecordConsent={props.onRecordConsent}
        backFromConsent={props.backFromConsent}
      />
      <MilestonesSection ctx={ctx} me={props.user.id} />
    </div>
  );
}
