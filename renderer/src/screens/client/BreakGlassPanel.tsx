// renderer/: "break the glass". A caseworker may open a case assigned to someone else (for example
// from a duplicate warning) by saying why; main records the reason and their name for supervisors.
import { OpenClientInput, type ClientProfile } from '../../../../shared/schemas/clients';
import { call } from '../../api/client';
import { TextAreaField } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

export const BREAK_GLASS_MIN = 10;
const BREAK_GLASS_MAX = 500;

/** `onOpened`: the case as read with the reason, and the reason (each later reading gives it again). */
export function BreakGlassPanel(props: { clientId: string; onOpened: (profile: ClientProfile, reason: string) => void }) {
  const { t } = useT();
  const sf = useSchemaForm({
    schema: OpenClientInput,
    defaults: { breakGlassReason: '' },
    toInput: (v) => ({ id: props.clientId, breakGlassReason: v.breakGlassReason.trim() }),
    extraChecks: (v) => ({ breakGlassReason: v.breakGlassReason.trim().length < BREAK_GLASS_MIN ? t('breakGlass.tooShort', { min: BREAK_GLASS_MIN }) : undefined }),
    send: async (input) => {
      const result = await call('clients.get', input);
      return result.ok ? { ok: true as const, value: { profile: result.value, reason: input.breakGlassReason ?? '' } } : result;
    },
    onSaved: ({ profile, reason }) => props.onOpened(profile, reason),
  });

  return (
    <div className="panel break-glass">
      <p>{t('breakGlass.explain')}</p>
      <p>{t('breakGlass.recorded')}</p>
      <FormFrame form={sf} submitLabel={t('breakGlass.open')} busyText={t('client.opening')}>
        <TextAreaField label={t('breakGlass.reason')} hint={t('breakGlass.reasonHint', { min: BREAK_GLASS_MIN })} {...sf.field('breakGlassReason')} maxLength={BREAK_GLASS_MAX} />
      </FormFrame>
    </div>
  );
}
