// renderer/: the labelled language switcher; the choice is saved as a preference by main.
import { useId } from 'react';
import { languages, type Language } from '../../../shared/schemas/prefs';
import { useT } from '../i18n/i18n';

export function LanguageSelect() {
  const { t, language, setLanguage } = useT();
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>{t('common.language')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          const next = languages.find((l) => l === event.target.value);
          if (next) setLanguage(next);
        }}
      >
        {languages.map((l: Language) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
