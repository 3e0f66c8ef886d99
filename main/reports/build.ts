// Main process (plain Node). Never imports electron.
// Turns the raw figures into the report's tables, with disclosure control applied to every count.
// Titles, labels, notes and counting rules are in the language asked for (English by default); the
// table names, column keys, row codes and cell values are the same in every language.
import { suppressCount, suppressPartition } from '../../shared/disclosure';
import type { Language } from '../../shared/schemas/prefs';
import type { Report, ReportTable } from '../../shared/schemas/reports';
import type { Label } from '../../shared/vocab/define';
import { reasons } from '../../shared/vocab/define';
import * as v from '../../shared/vocab/lists';
import * as p from '../../shared/vocab/planning';
import { COUNTING_RULES } from './counting-rules';
import type { Breakdown, Figures, Period } from './figures';
import { reportWords, type ColumnWord, type ReportWords, type TableName } from './words';

export interface BuildOptions {
  language?: Language;
  /** Each assessment domain's name by its code (from domainLabels); a domain not in it keeps the name it was counted with. */
  domainLabels?: ReadonlyMap<string, Label>;
}

type Lists = { labels: Record<string, Label> }[];

/** The report in one language: its words, and how it names a code. */
class Wording {
  readonly text: ReportWords;

  constructor(readonly language: Language) {
    this.text = reportWords[language];
  }

  columns(keys: readonly ColumnWord[], labels: Partial<Record<ColumnWord, ColumnWord>> = {}): ReportTable['columns'] {
    return keys.map((key) => ({ key, label: this.text.columns[labels[key] ?? key] }));
  }

  label(lists: Lists, code: string): string {
    for (const list of [...lists, reasons]) {
      const label = (list.labels as Record<string, Label | undefined>)[code];
      if (label) return label[this.language];
    }
    return (this.text.rows as Record<string, string | undefined>)[code] ?? code;
  }
}

/** A breakdown that partitions a population: every category, then the total. */
function partitionTable(wording: Wording, name: TableName, data: Breakdown, lists: Lists, threshold: number, allCodes: readonly string[] = []): ReportTable {
  const keys = [...new Set([...allCodes, ...data.map((d) => d.key)])];
  const counts = keys.map((k) => data.find((d) => d.key === k)?.count ?? 0);
  const { cells, total, whollyWithheld } = suppressPartition(counts, threshold);
  return {
    name,
    title: wording.text.tables[name],
    columns: wording.columns(['code', 'category', 'count']),
    rows: [...keys.map((k, i) => ({ code: k, category: wording.label(lists, k), count: cells[i]! })), { code: 'total', category: wording.text.rows.total, count: total }],
    note: whollyWithheld ? wording.text.notes.partitionWithheld : null,
  };
}

export function buildReport(figures: Figures, period: Period, threshold: number, options: BuildOptions = {}): Report {
  const t = threshold;
  const language = options.language ?? 'en';
  const wording = new Wording(language);
  const { text } = wording;
  const served = suppressPartition([figures.served.new, figures.served.continuing], t);
  const tables: ReportTable[] = [
    {
      name: 'clients_served',
      title: text.tables.clients_served,
      columns: wording.columns(['code', 'measure', 'clients']),
      rows: [
        { code: 'new', measure: text.rows.new, clients: served.cells[0]! },
        { code: 'continuing', measure: text.rows.continuing, clients: served.cells[1]! },
        { code: 'total', measure: text.rows.total, clients: served.total },
      ],
      note: served.whollyWithheld ? text.notes.servedWithheld : null,
    },
    partitionTable(wording, 'age_at_intake', figures.ageAtIntake, [], t, ['adult', 'minor', 'unknown']),
    partitionTable(wording, 'trafficking_type', figures.traffickingType, [v.traffickingTypes], t, v.traffickingTypes.codes),
    partitionTable(wording, 'gender', figures.gender, [v.genderIdentities], t, v.genderIdentities.codes),
    partitionTable(wording, 'citizenship', figures.citizenship, [v.citizenshipCategories], t, v.citizenshipCategories.codes),
    partitionTable(wording, 'referral_source', figures.referralSource, [v.referralSources], t, v.referralSources.codes),
  ];
  const encounters = suppressPartition(figures.services.map((s) => s.encounters), t);
  tables.push({
    name: 'services_by_category',
    title: text.tables.services_by_category,
    columns: wording.columns(['code', 'category', 'clients', 'encounters']),
    rows: [
      ...figures.services.map((s, i) => ({ code: s.category, category: wording.label([p.serviceCategories], s.category), clients: suppressCount(s.clients, t), encounters: encounters.cells[i]! })),
      { code: 'total', category: text.rows.total, clients: '', encounters: encounters.total },
    ],
    note: text.notes.servicesNoTotal,
  });
  const referrals = partitionTable(wording, 'referrals_by_status', figures.referrals, [p.referralStatuses], t, p.referralStatuses.codes);
  const enoughMatches = figures.daysToMatch.matched > t;
  referrals.note = enoughMatches && figures.daysToMatch.median !== null ? text.notes.medianDays(figures.daysToMatch.median) : text.notes.medianHidden;
  tables.push(referrals);
  tables.push(partitionTable(wording, 'goals_by_status', figures.goals, [p.goalStatuses], t, p.goalStatuses.codes));
  tables.push({
    name: 'assessment_change',
    title: text.tables.assessment_change,
    columns: wording.columns(['code', 'domain', 'clients', 'mean_change', 'improved'], { clients: 'assessed' }),
    rows: [
      ...figures.assessment.map((a) => ({
        code: a.domain,
        domain: options.domainLabels?.get(a.domain)?.[language] ?? a.label,
        clients: suppressCount(a.clients, t),
        // An average over a handful of people says too much about each of them.
        mean_change: a.clients > t ? a.meanChange : text.notShown,
        improved: suppressCount(a.improved, t),
      })),
      {
        code: 'any',
        domain: text.rows.any,
        clients: suppressCount(figures.improvedClients.assessed, t),
        mean_change: '',
        improved: suppressCount(figures.improvedClients.improved, t),
      },
    ],
    note:
      figures.improvedClients.assessed > t
        ? text.notes.improvedShare(Math.round((figures.improvedClients.improved / figures.improvedClients.assessed) * 100))
        : text.notes.improvedHidden,
  });
  tables.push(partitionTable(wording, 'milestones_granted', figures.milestones, [p.milestoneKinds], t, p.milestoneKinds.codes));
  tables.push(partitionTable(wording, 'exits_by_destination', figures.exits, [p.exitDestinations], t, p.exitDestinations.codes));
  tables.push({
    name: 'family_members',
    title: text.tables.family_members,
    columns: wording.columns(['family_members']),
    rows: [{ family_members: suppressCount(figures.familyMembersServed, t) }],
    note: null,
  });
  return {
    kind: 'safehold-outcome-report',
    version: 1,
    period: { from: period.from, to: period.to },
    parameters: { workerFilter: period.workerId !== null, threshold: t, language },
    countingRules: [...COUNTING_RULES[language]],
    tables,
  };
}
