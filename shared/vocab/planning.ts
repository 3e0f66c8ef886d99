// shared/: runs in every process. Imports nothing outside shared/.
// Code lists for service planning: HHS/OVC service categories, goal domains, referrals, legal and
// immigration milestones, case notes and exits.
import { vocabulary } from './define';

export const goalDomains = vocabulary({
  housing: { en: 'Housing', es: 'Vivienda' },
  legal: { en: 'Legal', es: 'Legal' },
  immigration: { en: 'Immigration', es: 'Inmigración' },
  health: { en: 'Health', es: 'Salud' },
  mental_health: { en: 'Mental health', es: 'Salud mental' },
  employment: { en: 'Employment', es: 'Empleo' },
  education: { en: 'Education', es: 'Educación' },
  financial: { en: 'Financial', es: 'Finanzas' },
  family: { en: 'Family', es: 'Familia' },
  safety: { en: 'Safety', es: 'Seguridad' },
  other: { en: 'Other', es: 'Otro' },
});

export const goalStatuses = vocabulary({
  open: { en: 'Open', es: 'Abierta' },
  achieved: { en: 'Achieved', es: 'Lograda' },
  partly: { en: 'Partly achieved', es: 'Lograda en parte' },
  not_achieved: { en: 'Not achieved', es: 'No lograda' },
  withdrawn: { en: 'Withdrawn', es: 'Retirada' },
});

export const serviceCategories = vocabulary({
  case_management: { en: 'Case management', es: 'Gestión de caso' },
  housing: { en: 'Shelter or housing', es: 'Albergue o vivienda' },
  basic_necessities: { en: 'Basic necessities', es: 'Necesidades básicas' },
  medical: { en: 'Medical', es: 'Médico' },
  dental: { en: 'Dental', es: 'Dental' },
  mental_health: { en: 'Mental health', es: 'Salud mental' },
  substance_use: { en: 'Substance use', es: 'Consumo de sustancias' },
  legal: { en: 'Legal', es: 'Legal' },
  immigration: { en: 'Immigration', es: 'Inmigración' },
  interpretation: { en: 'Interpretation', es: 'Interpretación' },
  education: { en: 'Education', es: 'Educación' },
  employment: { en: 'Employment', es: 'Empleo' },
  transportation: { en: 'Transportation', es: 'Transporte' },
  financial_assistance: { en: 'Financial assistance', es: 'Ayuda económica' },
  crisis_intervention: { en: 'Crisis intervention', es: 'Intervención en crisis' },
  childcare: { en: 'Childcare', es: 'Cuidado infantil' },
  other: { en: 'Other', es: 'Otro' },
});

export const providerKinds = vocabulary({
  in_house: { en: 'This agency', es: 'Esta organización' },
  partner: { en: 'A partner organization', es: 'Una organización aliada' },
});

/** Why a logged service was corrected or removed (kept in the case history; never free text). */
export const serviceChangeReasons = vocabulary({
  wrong_details: { en: 'Some details were wrong', es: 'Algunos datos estaban mal' },
  entered_twice: { en: 'It was logged twice', es: 'Se registró dos veces' },
  wrong_case: { en: 'It was logged on the wrong case', es: 'Se registró en el caso equivocado' },
  did_not_happen: { en: 'It did not take place', es: 'No se llegó a dar' },
});

export const referralStatuses = vocabulary({
  sent: { en: 'Sent', es: 'Enviada' },
  accepted: { en: 'Accepted', es: 'Aceptada' },
  declined: { en: 'Declined', es: 'Rechazada' },
  completed: { en: 'Completed', es: 'Completada' },
  no_response: { en: 'No response', es: 'Sin respuesta' },
});

export const milestoneKinds = vocabulary({
  continued_presence: { en: 'Continued Presence', es: 'Presencia Continuada' },
  t_visa: { en: 'T visa', es: 'Visa T' },
  u_visa: { en: 'U visa', es: 'Visa U' },
  hhs_certification: { en: 'HHS certification letter', es: 'Carta de certificación de HHS' },
  eligibility_letter: { en: 'HHS eligibility letter (minor)', es: 'Carta de elegibilidad de HHS (menor)' },
  interim_assistance: { en: 'Interim assistance letter', es: 'Carta de asistencia provisional' },
  vacatur: { en: 'Vacatur (record relief)', es: 'Anulación de antecedentes' },
  other: { en: 'Other', es: 'Otro' },
});

export const milestoneStatuses = vocabulary({
  requested: { en: 'Requested', es: 'Solicitado' },
  granted: { en: 'Granted', es: 'Concedido' },
  denied: { en: 'Denied', es: 'Denegado' },
  expired: { en: 'Expired', es: 'Vencido' },
});

export const noteKinds = vocabulary({
  contact: { en: 'Contact', es: 'Contacto' },
  session: { en: 'Session', es: 'Sesión' },
  crisis: { en: 'Crisis', es: 'Crisis' },
  other: { en: 'Other', es: 'Otra' },
});

export const exitReasons = vocabulary({
  goals_met: { en: 'Goals met', es: 'Metas cumplidas' },
  moved: { en: 'Moved away', es: 'Se mudó' },
  transferred: { en: 'Transferred to another program', es: 'Trasladada a otro programa' },
  lost_contact: { en: 'Lost contact', es: 'Se perdió el contacto' },
  chose_to_leave: { en: 'Chose to end services', es: 'Decidió terminar los servicios' },
  deceased: { en: 'Deceased', es: 'Falleció' },
  other: { en: 'Other', es: 'Otro' },
});

export const exitDestinations = vocabulary({
  own_housing: { en: 'Own housing', es: 'Vivienda propia' },
  family_friends: { en: 'With family or friends', es: 'Con familia o amistades' },
  transitional: { en: 'Transitional housing', es: 'Vivienda de transición' },
  shelter: { en: 'Emergency shelter', es: 'Albergue de emergencia' },
  returned_home_country: { en: 'Returned to home country', es: 'Regresó a su país' },
  institution: { en: 'Hospital or treatment facility', es: 'Hospital o centro de tratamiento' },
  unknown: { en: 'Unknown', es: 'Desconocido' },
  other: { en: 'Other', es: 'Otro' },
});
