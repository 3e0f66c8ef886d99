// Main process (plain Node). Never imports electron.
// The words of the report files, in English and Spanish. Only words change with the language: table
// names, column keys, codes and cell values ("1-10", "withheld") are the same in every report, so a
// program reads a Spanish report exactly as an English one. The Spanish is the Reports screen's own
// (renderer/src/i18n/es.ts), so the files and the screen say the same thing.
import type { Language } from '../../shared/schemas/prefs';

export type TableName =
  | 'clients_served'
  | 'age_at_intake'
  | 'trafficking_type'
  | 'gender'
  | 'citizenship'
  | 'referral_source'
  | 'services_by_category'
  | 'referrals_by_status'
  | 'goals_by_status'
  | 'assessment_change'
  | 'milestones_granted'
  | 'exits_by_destination'
  | 'family_members'
  | 'outreach'
  | 'funder_views';

/** Column keys, and `assessed`: the label of assessment_change's `clients` column. */
export type ColumnWord = 'code' | 'category' | 'count' | 'measure' | 'clients' | 'encounters' | 'domain' | 'assessed' | 'mean_change' | 'improved' | 'family_members' | 'funder' | 'item' | 'value' | 'source';

/** Row codes that are not in a code list: the served measures, the age groups, 'not recorded', the totals. */
export type RowWord = 'new' | 'continuing' | 'total' | 'not_recorded' | 'adult' | 'minor' | 'unknown' | 'any' | 'outreach_contacts' | 'outreach_people' | 'outreach_minutes';

export interface ReportWords {
  tables: Readonly<Record<TableName, string>>;
  columns: Readonly<Record<ColumnWord, string>>;
  rows: Readonly<Record<RowWord, string>>;
  notShown: string;
  notes: {
    partitionWithheld: string;
    servedWithheld: string;
    servicesNoTotal: string;
    medianDays: (days: number) => string;
    medianHidden: string;
    improvedShare: (percent: number) => string;
    improvedHidden: string;
    /** The share is withheld because, with the number assessed, it would give a hidden count away. */
    improvedReveals: string;
    funders: string;
    /** The last counting rule of a submission pack. */
    exactPack: string;
    /** Under the outreach table: anonymous counts, outside small-cell suppression. */
    outreach: string;
  };
  pdf: {
    documentTitle: string;
    heading: string;
    period: (from: string, to: string) => string;
    generated: (day: string, threshold: number) => string;
    rulesTitle: string;
    /** After a table's title on the pages it continues onto. */
    continued: string;
    /** Under a table's bars: which column they show and how. */
    chartCaption: (column: string, ranges: boolean) => string;
    /** At the top of every page of a submission pack. */
    exactMark: string;
    /** The line under the period in a submission pack (instead of the suppression line). */
    generatedExact: (day: string) => string;
  };
}

export const reportWords: Readonly<Record<Language, ReportWords>> = {
  en: {
    tables: {
      clients_served: 'Clients served',
      age_at_intake: 'Adult or minor at intake',
      trafficking_type: 'Type of trafficking',
      gender: 'Gender identity',
      citizenship: 'Citizenship category',
      referral_source: 'Referral source',
      services_by_category: 'Services by category',
      referrals_by_status: 'Referrals by status',
      goals_by_status: 'Goals by status',
      assessment_change: 'Change in assessment scores (first to latest)',
      milestones_granted: 'Legal and immigration milestones granted',
      exits_by_destination: 'Exits by destination',
      family_members: 'Family members served',
      outreach: 'Outreach with no case (anonymous)',
      funder_views: 'Funder report items (OVC TIMS, HHS OTIP)',
    },
    columns: {
      code: 'Code',
      category: 'Category',
      count: 'Count',
      measure: 'Measure',
      clients: 'Clients',
      encounters: 'Encounters',
      domain: 'Domain',
      assessed: 'Clients assessed twice or more',
      mean_change: 'Mean change (levels)',
      improved: 'Clients improved by one level or more',
      family_members: 'Family members served',
      funder: 'Funder',
      item: 'Item',
      value: 'Value',
      source: 'Source table',
    },
    rows: {
      new: 'New',
      continuing: 'Continuing',
      total: 'Total',
      not_recorded: 'Not recorded',
      adult: 'Adult',
      minor: 'Minor',
      unknown: 'Unknown',
      any: 'Any domain',
      outreach_contacts: 'Outreach contacts',
      outreach_people: 'People reached',
      outreach_minutes: 'Minutes',
    },
    notShown: 'not shown',
    notes: {
      partitionWithheld: 'Too few people to show how this total divides without risk of identifying someone.',
      servedWithheld: 'Too few people to show new and continuing separately.',
      servicesNoTotal: 'A person can receive services in several categories, so the clients column has no total.',
      medianDays: (days) => `Median days from sending to acceptance: ${days}.`,
      medianHidden: 'Median days from sending to acceptance: not shown (too few accepted referrals).',
      improvedShare: (percent) => `Share with measurable improvement: ${percent}%.`,
      improvedHidden: 'Share with measurable improvement: not shown (too few people assessed twice).',
      improvedReveals: 'Share with measurable improvement: not shown (with the number assessed it would reveal a small count).',
      funders: 'Each value is copied from a table above, after disclosure control; the CSV and JSON files name the table and row it comes from.',
      exactPack:
        'Submission pack: exact counts for a funder, made by an administrator or auditor who stated why (recorded in the access log). Small counts are not hidden, so the rule above does not apply. Not for publication.',
      outreach: 'Counts of people met before they had a case; no one is named or counted as a client, so these are shown as recorded.',
    },
    pdf: {
      documentTitle: 'Safehold outcome report',
      heading: 'Outcome report',
      period: (from, to) => `Period: ${from} to ${to}`,
      generated: (day, threshold) => `Generated: ${day}    Small counts (1 to ${threshold}) are shown as a range.`,
      rulesTitle: 'How the figures are counted',
      continued: '(continued)',
      chartCaption: (column, ranges) =>
        `Bars: ${column}, scaled to this table's largest row.${ranges ? ' An outlined bar is a count shown as a range, drawn to the top of the range.' : ''}`,
      exactMark: 'Exact counts for submission — not for publication',
      generatedExact: (day) => `Generated: ${day}    Exact counts for submission to a funder: small counts are not hidden. Do not publish or share beyond the funder.`,
    },
  },
  es: {
    tables: {
      clients_served: 'Personas atendidas',
      age_at_intake: 'Persona adulta o menor de edad al ingreso',
      trafficking_type: 'Tipo de trata',
      gender: 'Identidad de género',
      citizenship: 'Categoría de ciudadanía',
      referral_source: 'Quién la derivó',
      services_by_category: 'Servicios por categoría',
      referrals_by_status: 'Derivaciones por estado',
      goals_by_status: 'Metas por estado',
      assessment_change: 'Cambio en las puntuaciones de evaluación (de la primera a la más reciente)',
      milestones_granted: 'Logros legales y migratorios concedidos',
      exits_by_destination: 'Egresos por destino',
      family_members: 'Familiares atendidos',
      outreach: 'Trabajo de calle sin caso (anónimo)',
      funder_views: 'Conceptos para los informes a financiadores (OVC TIMS, HHS OTIP)',
    },
    columns: {
      code: 'Código',
      category: 'Categoría',
      count: 'Recuento',
      measure: 'Medida',
      clients: 'Personas',
      encounters: 'Atenciones',
      domain: 'Área',
      assessed: 'Personas evaluadas dos veces o más',
      mean_change: 'Cambio medio (niveles)',
      improved: 'Personas que mejoraron un nivel o más',
      family_members: 'Familiares atendidos',
      funder: 'Financiador',
      item: 'Concepto',
      value: 'Valor',
      source: 'Tabla de origen',
    },
    rows: {
      new: 'Nuevas',
      continuing: 'Que continúan',
      total: 'Total',
      not_recorded: 'No registrado',
      adult: 'Persona adulta',
      minor: 'Menor de edad',
      unknown: 'Se desconoce',
      any: 'Cualquier área',
      outreach_contacts: 'Contactos de trabajo de calle',
      outreach_people: 'Personas alcanzadas',
      outreach_minutes: 'Minutos',
    },
    notShown: 'no se muestra',
    notes: {
      partitionWithheld: 'Hay muy pocas personas para mostrar cómo se reparte este total sin riesgo de identificar a alguien.',
      servedWithheld: 'Hay muy pocas personas para mostrar por separado las nuevas y las que continúan.',
      servicesNoTotal: 'Una persona puede recibir servicios de varias categorías, por eso la columna de personas no tiene total.',
      medianDays: (days) => `Mediana de días entre el envío y la aceptación: ${days}.`,
      medianHidden: 'Mediana de días entre el envío y la aceptación: no se muestra (hay muy pocas derivaciones aceptadas).',
      improvedShare: (percent) => `Proporción con una mejora medible: ${percent} %.`,
      improvedHidden: 'Proporción con una mejora medible: no se muestra (muy pocas personas evaluadas dos veces).',
      improvedReveals: 'Proporción con una mejora medible: no se muestra (con el número de personas evaluadas revelaría un recuento pequeño).',
      funders:
        'Cada valor se copia de una tabla de arriba, después de la protección de la privacidad; los archivos CSV y JSON indican la tabla y la fila de las que procede.',
      exactPack:
        'Paquete para presentar: recuentos exactos para un financiador, creado por una persona administradora o auditora que indicó el motivo (registrado en el registro de accesos). Los recuentos pequeños no se ocultan, así que la regla anterior no se aplica. No es para publicar.',
      outreach: 'Recuentos de personas atendidas antes de tener un caso; nadie figura por su nombre ni se cuenta como cliente, así que se muestran tal como se registraron.',
    },
    pdf: {
      documentTitle: 'Informe de resultados de Safehold',
      heading: 'Informe de resultados',
      period: (from, to) => `Periodo: del ${from} al ${to}`,
      // The cells keep the word "withheld" in every language (programs read it), so say what it means.
      generated: (day, threshold) =>
        `Creado el ${day}.    Los recuentos pequeños (de 1 a ${threshold}) se muestran como un rango, y «withheld» (retenido) marca un recuento que se oculta para proteger la privacidad.`,
      rulesTitle: 'Cómo se cuentan las cifras',
      continued: '(continuación)',
      chartCaption: (column, ranges) =>
        `Barras: ${column}, a escala de la fila más grande de esta tabla.${ranges ? ' Una barra con contorno es un recuento mostrado como rango, dibujada hasta el límite superior del rango.' : ''}`,
      exactMark: 'Recuentos exactos para presentar — no para publicar',
      generatedExact: (day) => `Creado el ${day}.    Recuentos exactos para presentar a un financiador: los recuentos pequeños no se ocultan. No lo publique ni lo comparta más allá del financiador.`,
    },
  },
};
