// shared/: runs in every process. Imports nothing outside shared/.
// Preferences are non-sensitive by construction: this schema is the whole of what may be stored
// outside the encrypted store. Never add names, case data or anything a person typed.
import { z } from 'zod';

export const languages = ['en', 'es'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

export const Preferences = z.object({ language: Language }).strict();
export type Preferences = z.infer<typeof Preferences>;

export const SetPreferencesInput = Preferences.partial().strict();
