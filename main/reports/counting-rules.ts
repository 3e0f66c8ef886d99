// Main process (plain Node). Never imports electron.
// The outcome report's counting rules, written into every report in the language of its files.
// computeFigures (figures.ts) implements them; both languages say exactly the same thing, in the
// same order, and the Spanish is the Reports screen's own (renderer/src/i18n/es.ts, reportRule.*).
import type { Language } from '../../shared/schemas/prefs';

export const COUNTING_RULES: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'Clients served: every case open at some time in the period: its intake date is on or before the last day, and it was not closed before the first day (or it was reopened within the period).',
    'New clients: served clients whose intake date falls in the period. Continuing clients: the other served clients.',
    "Intake date: the intake section's intake date, or the day the case was created when that is empty.",
    "Adult or minor: age on the intake date, from the date of birth, or from the estimated age when there is no date of birth; 'Unknown' when neither is recorded.",
    "Trafficking type, gender, citizenship and referral source: as recorded in the intake; a reason (doesn't know, prefers not to answer, not collected) is counted as that reason, and an empty answer as 'Not recorded'.",
    'Services: services dated in the period, for served clients. Encounters count every service; clients count each person once per category.',
    'Referrals: referrals sent in the period, by their status now. Days to match: from sending to acceptance, for those accepted (median).',
    'Goals: goals of served clients that were open at the end of the period or changed status during it, by their status at the end of the period (a goal whose status changed after the period counts as open then).',
    'Assessment change: for served clients with at least two assessments on the same instrument up to the last day, latest score minus first score per domain. Measurable improvement: at least one domain up by one level or more.',
    'Legal and immigration milestones: granted, with the decision dated in the period, by kind.',
    'Exits: cases closed in the period, by destination (a case closed more than once in the period counts once, by its last closure).',
    'Family members served: family members marked as served by the agency, of served clients.',
    'Counts from 1 to the threshold are shown as a range; further cells are withheld so that no hidden count can be worked out from a total. Zeros are shown.',
  ],
  es: [
    'Personas atendidas: cada caso abierto en algún momento del periodo: su fecha de ingreso es igual o anterior al último día, y no se cerró antes del primer día (o se reabrió dentro del periodo).',
    'Personas nuevas: las atendidas cuya fecha de ingreso cae dentro del periodo. Las que continúan: el resto de las atendidas.',
    'Fecha de ingreso: la fecha de ingreso de la sección de admisión o, si está vacía, el día en que se creó el caso.',
    'Persona adulta o menor de edad: la edad en la fecha de ingreso, según la fecha de nacimiento o, si no la hay, la edad estimada; «Se desconoce» si no consta ninguna de las dos.',
    'Tipo de trata, género, ciudadanía y quién la derivó: según lo registrado en la admisión; un motivo (no lo sabe, prefiere no responder, no recopilado) se cuenta como ese motivo, y una respuesta vacía como «No registrado».',
    'Servicios: los fechados dentro del periodo, de personas atendidas. Las atenciones cuentan cada servicio; las personas se cuentan una vez por categoría.',
    'Derivaciones: las enviadas en el periodo, según su estado actual. Días hasta la aceptación: desde el envío hasta la aceptación, de las aceptadas (mediana).',
    'Metas: las de personas atendidas que estaban abiertas al final del periodo o cambiaron de estado durante él, según su estado al final del periodo (una meta que cambió de estado después del periodo cuenta como abierta en ese momento).',
    'Cambio en la evaluación: para las personas atendidas con al menos dos evaluaciones con el mismo instrumento hasta el último día, la puntuación más reciente menos la primera en cada área. Mejora medible: al menos un área sube un nivel o más.',
    'Logros legales y migratorios: los concedidos con la decisión fechada dentro del periodo, por tipo.',
    'Egresos: los casos cerrados en el periodo, por destino (un caso cerrado más de una vez en el periodo cuenta una sola vez, según su último cierre).',
    'Familiares atendidos: los familiares marcados como atendidos por la organización, de personas atendidas.',
    'Los recuentos de 1 hasta el umbral se muestran como un rango; otras celdas se retienen para que ningún recuento oculto pueda deducirse de un total. Los ceros se muestran.',
  ],
};
