// renderer/: how long Safehold waits without use before it locks itself (main owns the timer).
import { IDLE_LOCK_MAX_MINUTES, IDLE_LOCK_MIN_MINUTES } from '../../../../shared/limits';
import { IdleLockInput } from '../../../../shared/schemas/staff';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { NumberSetting } from './NumberSetting';

const range = { min: IDLE_LOCK_MIN_MINUTES, max: IDLE_LOCK_MAX_MINUTES };

// Read afresh each time: the status the page started with may be older than the last save.
async function current(): Promise<number | null> {
  const result = await call('app.status', {});
  return result.ok && result.value.state === 'unlocked' ? result.value.idleLockMinutes : null;
}

export function IdleLockForm() {
  const { t } = useT();
  return (
    <NumberSetting
      schema={IdleLockInput}
      name="minutes"
      words="idle"
      range={range}
      savedText={(minutes) => t('idle.saved', { minutes })}
      initial={current}
      send={(input) => call('settings.setIdleLock', input)}
    />
  );
}
