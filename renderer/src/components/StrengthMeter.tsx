// renderer/: a live, offline estimate of passphrase strength. Advice only: main enforces the rules.
import { useId } from 'react';
import { passphraseStrength } from '../../../shared/passphrase-strength';
import { useT } from '../i18n/i18n';

export function StrengthMeter({ passphrase, wordsId }: { passphrase: string; wordsId: string }) {
  const { t } = useT();
  const id = useId();
  const strength = passphraseStrength(passphrase);
  const words = t(`strength.${strength}`);
  return (
    <div className="strength" data-strength={strength}>
      <label htmlFor={id}>{t('strength.label')}</label>
      <meter id={id} min={0} max={4} low={2} high={3} optimum={4} value={strength} aria-valuetext={words} />
      <span id={wordsId} className="strength-words">
        {words}
      </span>
    </div>
  );
}
