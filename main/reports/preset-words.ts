// Main process (plain Node). Never imports electron.
// The words of the funder presets' tables and their counting rules, in English and Spanish.
import type { Language } from '../../shared/schemas/prefs';
import type { ReportPreset } from '../../shared/schemas/reports';
import { COUNTING_RULES } from './counting-rules';

export interface PresetWords {
  tables: Readonly<Record<string, string>>;
  rows: Readonly<Record<string, string>>;
  notes: { categoriesFromServiceUse: string };
  /** OTIP workbook items Safehold does not collect: code and label. */
  notCollected: readonly (readonly [string, string])[];
  notCollectedValue: string;
}

export const presetWords: Readonly<Record<Language, PresetWords>> = {
  en: {
    tables: {
      otip_program_entry: 'Client Program Entry (quarterly): program entries',
      otip_entry_age: 'Client Program Entry: adult or minor on the entry day',
      otip_entry_gender: 'Client Program Entry: gender identity',
      otip_entry_trafficking_type: 'Client Program Entry: type of trafficking',
      otip_entry_citizenship: 'Client Program Entry: citizenship',
      otip_entry_referral_source: 'Client Program Entry: referral source',
      otip_entry_family: 'Client Program Entry: family members served',
      otip_case_closure_reason: 'Client Case Closure (quarterly): reason',
      otip_case_closure_destination: 'Client Case Closure (quarterly): destination',
      otip_service_use: 'Client Service Use (encounters)',
      otip_categories_of_assistance: 'Categories of Assistance (annual): people assisted',
      otip_not_collected: 'OTIP items Safehold does not collect',
      ovc_victims_served: 'Victims served (received a service in the period)',
      ovc_new_age: 'New victims: adult or minor',
      ovc_new_gender: 'New victims: gender identity',
      ovc_new_trafficking_type: 'New victims: type of trafficking',
      ovc_new_citizenship: 'New victims: citizenship',
      ovc_services: 'Services provided',
    },
    rows: { new: 'New', reentry: 'Reopened case (new entry)', continuing: 'Served earlier this fiscal year' },
    notes: { categoriesFromServiceUse: 'Each person once per category, over the fiscal year; the same people as the service use table.' },
    notCollected: [
      ['matched_48_hours', 'Matched to a service provider within 48 hours of referral (Safehold records days, not hours)'],
      ['eligibility_status', 'Service eligibility status'],
      ['enrollment_status', 'Enrolled (DVHT) and, if not, the primary reason'],
      ['barriers', 'Barriers to service delivery'],
      ['victim_outreach', 'Victim outreach'],
      ['subrecipient_enrollment', 'Subrecipient enrollment'],
    ],
    notCollectedValue: 'not collected',
  },
  es: {
    tables: {
      otip_program_entry: 'Ingreso al programa (trimestral): ingresos',
      otip_entry_age: 'Ingreso al programa: persona adulta o menor el día del ingreso',
      otip_entry_gender: 'Ingreso al programa: identidad de género',
      otip_entry_trafficking_type: 'Ingreso al programa: tipo de trata',
      otip_entry_citizenship: 'Ingreso al programa: ciudadanía',
      otip_entry_referral_source: 'Ingreso al programa: quién la derivó',
      otip_entry_family: 'Ingreso al programa: familiares atendidos',
      otip_case_closure_reason: 'Cierre de casos (trimestral): motivo',
      otip_case_closure_destination: 'Cierre de casos (trimestral): destino',
      otip_service_use: 'Uso de servicios (atenciones)',
      otip_categories_of_assistance: 'Categorías de asistencia (anual): personas asistidas',
      otip_not_collected: 'Conceptos de OTIP que Safehold no recopila',
      ovc_victims_served: 'Víctimas atendidas (recibieron un servicio en el periodo)',
      ovc_new_age: 'Víctimas nuevas: persona adulta o menor',
      ovc_new_gender: 'Víctimas nuevas: identidad de género',
      ovc_new_trafficking_type: 'Víctimas nuevas: tipo de trata',
      ovc_new_citizenship: 'Víctimas nuevas: ciudadanía',
      ovc_services: 'Servicios prestados',
    },
    rows: { new: 'Nuevas', reentry: 'Caso reabierto (nuevo ingreso)', continuing: 'Atendidas antes en este año fiscal' },
    notes: { categoriesFromServiceUse: 'Cada persona una vez por categoría, en el año fiscal; las mismas personas que en la tabla de uso de servicios.' },
    notCollected: [
      ['matched_48_hours', 'Asignada a un proveedor de servicios en las 48 horas siguientes a la derivación (Safehold registra días, no horas)'],
      ['eligibility_status', 'Situación de elegibilidad para los servicios'],
      ['enrollment_status', 'Inscrita (DVHT) y, si no, el motivo principal'],
      ['barriers', 'Obstáculos para prestar los servicios'],
      ['victim_outreach', 'Acercamiento a víctimas'],
      ['subrecipient_enrollment', 'Inscripción de subreceptores'],
    ],
    notCollectedValue: 'no recopilado',
  },
};

const SUPPRESSION = { en: COUNTING_RULES.en.at(-1)!, es: COUNTING_RULES.es.at(-1)! };
const DAYS = { en: COUNTING_RULES.en[3]!, es: COUNTING_RULES.es[3]! };

export const PRESET_RULES: Readonly<Record<ReportPreset, Readonly<Record<Language, readonly string[]>>>> = {
  standard: COUNTING_RULES,
  otip: {
    en: [
      'Preset: HHS OTIP (TVAP, DVHT). Periods are quarters of the federal fiscal year (1 October-31 December, 1 January-31 March, 1 April-30 June, 1 July-30 September) or the whole fiscal year.',
      'Client Program Entry: one entry for each case whose intake date falls in the period, and one for each reopening dated in the period (a reopened case is a new program entry). Each breakdown counts entries; age is on the entry day from the date of birth, else the estimated age recorded at intake.',
      'Client Case Closure: every closure dated in the period, by reason and by destination (a case closed twice counts twice).',
      'Client Service Use: every service dated in the period is one encounter; clients count each person once per category.',
      'Categories of Assistance (whole fiscal year only): the people who received each category of service during the year.',
      'Items OTIP asks for that Safehold does not collect are listed as “not collected”; they are never estimated.',
      DAYS.en,
      SUPPRESSION.en,
    ],
    es: [
      'Criterio: HHS OTIP (TVAP, DVHT). Los periodos son trimestres del año fiscal federal (1 de octubre-31 de diciembre, 1 de enero-31 de marzo, 1 de abril-30 de junio, 1 de julio-30 de septiembre) o el año fiscal completo.',
      'Ingreso al programa: un ingreso por cada caso cuya fecha de ingreso cae en el periodo y uno por cada reapertura fechada en el periodo (un caso reabierto es un nuevo ingreso). Cada desglose cuenta ingresos; la edad es la del día del ingreso según la fecha de nacimiento o, si no la hay, la edad estimada registrada en la admisión.',
      'Cierre de casos: cada cierre fechado en el periodo, por motivo y por destino (un caso cerrado dos veces cuenta dos veces).',
      'Uso de servicios: cada servicio fechado en el periodo es una atención; las personas se cuentan una vez por categoría.',
      'Categorías de asistencia (solo el año fiscal completo): las personas que recibieron cada categoría de servicio durante el año.',
      'Los conceptos que pide OTIP y que Safehold no recopila figuran como «no recopilado»; nunca se estiman.',
      DAYS.es,
      SUPPRESSION.es,
    ],
  },
  ovc: {
    en: [
      'Preset: OVC / VOCA. The period stays within one federal fiscal year (1 October-30 September).',
      'Victims served: every person who received at least one service dated in the period.',
      'New victims: victims served who received no service earlier in the same federal fiscal year (a victim is new once per fiscal year); the others were served earlier this fiscal year.',
      'Demographics are of the new victims: age on their first service in the period from the date of birth, else the estimated age recorded at intake; gender, type of trafficking and citizenship as recorded in the intake.',
      'Services provided: every service dated in the period is one encounter; victims count each person once per category.',
      DAYS.en,
      SUPPRESSION.en,
    ],
    es: [
      'Criterio: OVC / VOCA. El periodo queda dentro de un año fiscal federal (1 de octubre-30 de septiembre).',
      'Víctimas atendidas: cada persona que recibió al menos un servicio fechado en el periodo.',
      'Víctimas nuevas: las atendidas que no recibieron ningún servicio antes en el mismo año fiscal federal (una víctima es nueva una vez por año fiscal); las demás fueron atendidas antes en este año fiscal.',
      'Los datos demográficos son de las víctimas nuevas: la edad en su primer servicio del periodo según la fecha de nacimiento o, si no la hay, la edad estimada registrada en la admisión; género, tipo de trata y ciudadanía según lo registrado en la admisión.',
      'Servicios prestados: cada servicio fechado en el periodo es una atención; las víctimas se cuentan una vez por categoría.',
      DAYS.es,
      SUPPRESSION.es,
    ],
  },
};
