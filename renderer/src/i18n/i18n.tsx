// renderer/: the translation layer. Screens get `t`, the language and date formatting from useT();
// the language preference is stored by main through prefs.get / prefs.set (both work while locked).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { RpcError } from '../../../shared/errors';
import type { Language } from '../../../shared/schemas/prefs';
import { call } from '../api/client';
import { en, type MessageKey, type Messages } from './en';
import { es } from './es';
import { serverTextKey } from './serverText';
import type { Vars } from './vars';

const catalogs: Record<Language, Messages> = { en, es };

export type { Vars };
export type Translate = (key: MessageKey, vars?: Vars) => string;

export interface I18n {
  readonly language: Language;
  readonly t: Translate;
  readonly setLanguage: (language: Language) => void;
  readonly formatDate: (date: Date, options?: Intl.DateTimeFormatOptions) => string;
  /** A calendar date stored as YYYY-MM-DD, shown without any time-zone shift. */
  readonly formatDay: (isoDate: string, style?: 'long' | 'medium') => string;
  readonly formatNumber: (value: number) => string;
  /** A stored timestamp (ISO text); shown as given if it is not a date at all. */
  readonly formatTimestamp: (iso: string, withTime?: boolean) => string;
  /** For keys built at run time (e.g. a field name from the change history). */
  readonly has: (key: string) => key is MessageKey;
  /** A refusal in plain words: main's specific message when we know it, else the code's message. */
  readonly errorMessage: (error: RpcError) => string;
  /** A field problem from main (English, from zod) in this language; unknown ones stay as sent. */
  readonly fieldMessage: (message: string) => string;
}

function translator(messages: Messages): Translate {
  return (key, vars) => {
    const text = messages[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/gu, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

function make(language: Language, setLanguage: (language: Language) => void): I18n {
  const t = translator(catalogs[language]);
  return {
    language,
    t,
    setLanguage,
    formatDate: (date, options = { dateStyle: 'long' }) => new Intl.DateTimeFormat(language, options).format(date),
    formatDay: (isoDate, style = 'long') => {
      const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
      if (Number.isNaN(date.getTime())) return isoDate;
      return new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(date);
    },
    formatNumber: (value) => new Intl.NumberFormat(language).format(value),
    formatTimestamp: (iso, withTime = false) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return new Intl.DateTimeFormat(language, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(date);
    },
    has: (key): key is MessageKey => Object.prototype.hasOwnProperty.call(catalogs[language], key),
    // Unknown codes cannot reach here (the client validates them), but the server text is the fallback.
    errorMessage: (error) => {
      const known = serverTextKey(error.message);
      if (known) return t(known.key, known.vars);
      // English readers get main's own words, which may be more specific than the code's message.
      const key = `error.${error.code}` as const;
      return language !== 'en' && key in catalogs[language] ? t(key) : error.message;
    },
    fieldMessage: (message) => {
      const known = serverTextKey(message);
      return known ? t(known.key, known.vars) : message;
    },
  };
}

const I18nContext = createContext<I18n>(make('en', () => undefined));

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>('en');
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    void call('prefs.get', {}).then((result) => {
      if (!live) return;
      if (result.ok) setLanguageState(result.value.language);
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    void call('prefs.set', { language: next });
  }, []);

  const value = useMemo(() => make(language, setLanguage), [language, setLanguage]);
  // Wait for the stored language so the first screen does not flash in the wrong one.
  if (!ready) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): I18n {
  return useContext(I18nContext);
}
