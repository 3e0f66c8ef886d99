// shared/: runs in every process. Imports nothing outside shared/.
// Code lists for documents (issue 15): what a document is, and who holds the original.
import { vocabulary } from './define';

export const documentTypes = vocabulary({
  identity: { en: 'Identity document', es: 'Documento de identidad' },
  immigration: { en: 'Immigration', es: 'Inmigración' },
  certification: { en: 'Certification or eligibility letter', es: 'Carta de certificación o elegibilidad' },
  law_enforcement: { en: 'Law enforcement', es: 'Fuerzas del orden' },
  court: { en: 'Court', es: 'Tribunal' },
  medical: { en: 'Medical', es: 'Médico' },
  consent_form: { en: 'Consent form', es: 'Formulario de consentimiento' },
  photo: { en: 'Photo', es: 'Foto' },
  other: { en: 'Other', es: 'Otro' },
});

export const custodies = vocabulary({
  survivor: { en: 'Held by the survivor', es: 'Lo tiene la persona sobreviviente' },
  agency: { en: 'Held by the agency', es: 'Lo tiene la agencia' },
  withheld: { en: 'Withheld by someone else', es: 'Lo retiene otra persona' },
  lost: { en: 'Lost', es: 'Perdido' },
});
