// Main process (plain Node). Never imports electron.
// The outcome report's counting rules, written into every report in the language of its files.
// computeFigures (figures.ts) implements them; both languages say exactly the same thing, in the
// same order, and the Spanish is the Reports screen's own (renderer/src/i18n/es.ts, reportRule.*).
import type { Language } from '../../shared/schemas/prefs';

export const COUNTING_RULES: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'Clients served: every case open on at least one day of the period: its intake date is on or before the last day, and it was not closed at the start of the period (its latest case status dated before the first day is “closed”) unless it was reopened on a day of the period.',
    'New clients: served clients whose intake date falls in the period. Continuing clients: the other served clients.',
    "Intake date: the intake section's intake date, or the day the case was created when that is empty.",
    'Days: every date is a day on the agency’s calendar (this computer’s time zone), so something entered at 9 pm on the last day belongs to the period. Statuses are read from their dated history as they stood at the end of the period’s last day (the same day: the later entry); a change dated after the period is never read, so a report for a closed period gives the same figures when it is made again.',
    "Adult or minor: age on the intake date, from the date of birth, or from the estimated age when there is no date of birth; 'Unknown' when neither is recorded.",
    "Trafficking type, gender, citizenship and referral source: as recorded in the intake; a reason (doesn't know, prefers not to answer, not collected) is counted as that reason, and an empty answer as 'Not recorded'.",
    'Services: services dated in the period, for served clients. Encounters count every service; clients count each person once per category.',
    'Referrals: referrals of served clients sent in the period, by their status on the last day (a referral is “sent” until its first change). Days to match: from sending to the first day it was accepted or completed, for those accepted by the last day; the median is over those referrals and is shown only when there are more of them than the threshold.',
    'Goals: goals of served clients, by their status on the last day of the period (a goal is open from the day it was entered until its first status change): those open then, and those whose status then was set during the period.',
    'Assessment change: a served client is “assessed twice or more” with at least two assessments on the same instrument taken on or before the last day, whether or not any domain was scored in both (counted once however many instruments). First and latest are ordered by date, then kind (intake, then follow-up, then exit), then entry order. For each domain scored in both the first and the latest, the change is latest minus first; a domain’s mean is over the people with that change. Measurable improvement: at least one domain up by one level or more.',
    'Legal and immigration milestones: of served clients, each milestone once when it was granted on a day of the period (the last status recorded for that day is “granted”), by kind; a later change, such as expiry, does not take it out.',
    'Exits: cases closed in the period, by destination (a case closed more than once in the period counts once, by its last closure).',
    'Family members served: family members marked as served by the agency, of served clients.',
    'Counts from 1 to the threshold are shown as a range; further cells are withheld so that no hidden count can be worked out from any figure the report shows (totals, linked columns such as clients and encounters, percentages, means, medians and notes). Zeros are shown.',
  ],
  es: [
    'Personas atendidas: cada caso abierto al menos un día del periodo: su fecha de ingreso es igual o anterior al último día, y no estaba cerrado al empezar el periodo (su último estado del caso fechado antes del primer día es «cerrado»), salvo que se reabriera algún día del periodo.',
    'Personas nuevas: las atendidas cuya fecha de ingreso cae dentro del periodo. Las que continúan: el resto de las atendidas.',
    'Fecha de ingreso: la fecha de ingreso de la sección de admisión o, si está vacía, el día en que se creó el caso.',
    'Días: cada fecha es un día del calendario de la organización (la zona horaria de esta computadora), de modo que lo registrado a las 9 de la noche del último día pertenece al periodo. Los estados se leen de su historial fechado tal como estaban al final del último día del periodo (el mismo día: el registrado después); un cambio fechado después del periodo nunca se lee, así que un informe de un periodo cerrado da las mismas cifras cuando se vuelve a hacer.',
    'Persona adulta o menor de edad: la edad en la fecha de ingreso, según la fecha de nacimiento o, si no la hay, la edad estimada; «Se desconoce» si no consta ninguna de las dos.',
    'Tipo de trata, género, ciudadanía y quién la derivó: según lo registrado en la admisión; un motivo (no lo sabe, prefiere no responder, no recopilado) se cuenta como ese motivo, y una respuesta vacía como «No registrado».',
    'Servicios: los fechados dentro del periodo, de personas atendidas. Las atenciones cuentan cada servicio; las personas se cuentan una vez por categoría.',
    'Derivaciones: las de personas atendidas enviadas en el periodo, según su estado el último día (una derivación está «enviada» hasta su primer cambio). Días hasta la aceptación: desde el envío hasta el primer día en que se aceptó o completó, de las aceptadas hasta el último día; la mediana es sobre esas derivaciones y solo se muestra si hay más que el umbral.',
    'Metas: las de personas atendidas, según su estado el último día del periodo (una meta está abierta desde el día en que se registró hasta su primer cambio de estado): las abiertas ese día y aquellas cuyo estado de ese día se fijó durante el periodo.',
    'Cambio en la evaluación: una persona atendida está «evaluada dos veces o más» si tiene al menos dos evaluaciones con el mismo instrumento hechas hasta el último día, aunque ningún área se puntuara en ambas (se cuenta una vez aunque tenga varios instrumentos). La primera y la más reciente se ordenan por fecha, luego por tipo (ingreso, luego seguimiento, luego egreso) y luego por orden de registro. En cada área puntuada en la primera y en la más reciente, el cambio es la más reciente menos la primera; la media de un área es sobre las personas con ese cambio. Mejora medible: al menos un área sube un nivel o más.',
    'Logros legales y migratorios: de personas atendidas, cada logro una vez si se concedió algún día del periodo (el último estado registrado ese día es «concedido»), por tipo; un cambio posterior, como el vencimiento, no lo quita.',
    'Egresos: los casos cerrados en el periodo, por destino (un caso cerrado más de una vez en el periodo cuenta una sola vez, según su último cierre).',
    'Familiares atendidos: los familiares marcados como atendidos por la organización, de personas atendidas.',
    'Los recuentos de 1 hasta el umbral se muestran como un rango; otras celdas se retienen para que ningún recuento oculto pueda deducirse de ninguna cifra que muestre el informe (totales, columnas relacionadas como personas y atenciones, porcentajes, medias, medianas y notas). Los ceros se muestran.',
  ],
};
