// Main process (plain Node). Never imports electron.
// Turns the raw figures into the report's tables, with disclosure control applied to every count.
// Titles, labels, notes and counting rules are in the language asked for (English by default); the
// table names, column keys, row codes and cell values are the same in every language.
import { suppressCount, suppressPartition, WITHHELD, type Cell } from '../../shared/disclosure';
import { addCell, disclosedInReport, newModel, percentOf, type Constraint, type DisclosureModel } from '../../shared/report-disclosure';
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
export class Wording {
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
export function partitionTable(wording: Wording, name: TableName, data: Breakdown, lists: Lists, threshold: number, allCodes: readonly string[] = [], model?: DisclosureModel): ReportTable {
  const keys = [...new Set([...allCodes, ...data.map((d) => d.key)])];
  const counts = keys.map((k) => data.find((d) => d.key === k)?.count ?? 0);
  const { cells, total, whollyWithheld } = suppressPartition(counts, threshold);
  if (model) {
    keys.forEach((k, i) => addCell(model, `${name}:${k}:count`, cells[i]!, whollyWithheld));
    addCell(model, `${name}:total:count`, total);
    model.constraints.push({ kind: 'sum', parts: keys.map((k) => `${name}:${k}:count`), whole: `${name}:total:count` });
  }
  return {
    name,
    title: wording.text.tables[name],
    columns: wording.columns(['code', 'category', 'count']),
    rows: [...keys.map((k, i) => ({ code: k, category: wording.label(lists, k), count: cells[i]! })), { code: 'total', category: wording.text.rows.total, count: total }],
    note: whollyWithheld ? wording.text.notes.partitionWithheld : null,
  };
}

/** Scores are 1 to 5 (shared/schemas/outcomes.ts, the import's check): a person's change is -4 to +4. */
const SCORE_SPREAD = 4;

/** Tables whose breakdown is of the served people: their total is the served total. */
const SERVED_PARTITIONS: readonly TableName[] = ['age_at_intake', 'trafficking_type', 'gender', 'citizenship', 'referral_source'];

/**
 * The last line of disclosure control: while the report as a whole (every shown figure and the links
 * between them, shared/report-disclosure.ts) still gives a hidden count away, the share note goes
 * first, then the table holding it is withheld wholly (its total stays; a second time, all of it).
 */
/** The tables holding a count that shares a constraint with this one (other than its own). */
function tablesTiedTo(model: DisclosureModel, cell: string): string[] {
  const out = new Set<string>();
  for (const k of model.constraints) {
    const cells = 'parts' in k ? [...k.parts, k.whole] : 'small' in k ? [k.small, k.large] : [k.part, k.whole];
    if (cells.includes(cell)) for (const c of cells) out.add(c.split(':')[0]!);
  }
  out.delete(cell.split(':')[0]!);
  return [...out];
}

export function secureWholeReport(tables: ReportTable[], model: DisclosureModel, threshold: number, text: ReportWords): void {
  const strikes = new Map<string, number>();
  for (let round = 0; round < 50; round += 1) {
    const leaks = disclosedInReport(model, threshold);
    if (leaks.length === 0) return;
    const changeLeaks = leaks.some((l) => l.startsWith('assessment_change:'));
    // The means over domains whose improved count is hidden go first, then the share note.
    const means = model.constraints.filter((k): k is Extract<Constraint, { kind: 'mean' }> => k.kind === 'mean' && typeof model.cells.get(k.part)?.shown !== 'number');
    if (changeLeaks && means.length > 0) {
      model.constraints = model.constraints.filter((k) => !(means as Constraint[]).includes(k));
      const change = tables.find((t) => t.name === 'assessment_change')!;
      for (const k of means) {
        const row = change.rows.find((r) => `assessment_change:${String(r.code)}:improved` === k.part);
        if (row) row.mean_change = text.notShown;
      }
      continue;
    }
    const share = model.constraints.findIndex((k) => k.kind === 'percent');
    if (share >= 0 && changeLeaks) {
      model.constraints.splice(share, 1);
      tables.find((t) => t.name === 'assessment_change')!.note = text.notes.improvedReveals;
      continue;
    }
    const names = new Set(leaks.map((l) => l.split(':')[0]!));
    // A count already withheld with its whole table, still pinned: another table shows it (the new
    // victims' breakdowns total the "new" count), so the tables tied to it by a constraint go too.
    for (const leak of leaks) if ((strikes.get(leak.split(':')[0]!) ?? 0) >= 2) for (const other of tablesTiedTo(model, leak)) names.add(other);
    for (const name of names) {
      const table = tables.find((t) => t.name === name)!;
      const strike = (strikes.get(name) ?? 0) + 1;
      strikes.set(name, strike);
      for (const row of table.rows) {
        if (row.code === 'total' && strike === 1) continue;
        for (const [column, value] of Object.entries(row)) {
          const cell = `${name}:${String(row.code ?? 'row')}:${column}`;
          if (!model.cells.has(cell)) continue;
          if (value !== '') row[column] = WITHHELD;
          addCell(model, cell, WITHHELD, true);
        }
        for (const column of ['mean_change']) if (column in row && row[column] !== '') row[column] = text.notShown;
      }
      table.note = text.notes.partitionWithheld;
    }
  }
  throw new Error('Disclosure control could not make the report safe.');
}

export function buildReport(figures: Figures, period: Period, threshold: number, options: BuildOptions = {}): Report {
  const t = threshold;
  const language = options.language ?? 'en';
  const wording = new Wording(language);
  const { text } = wording;
  const model = newModel();
  const served = suppressPartition([figures.served.new, figures.served.continuing], t);
  addCell(model, 'clients_served:new:clients', served.cells[0]!, served.whollyWithheld);
  addCell(model, 'clients_served:continuing:clients', served.cells[1]!, served.whollyWithheld);
  addCell(model, 'clients_served:total:clients', served.total);
  model.constraints.push({ kind: 'sum', parts: ['clients_served:new:clients', 'clients_served:continuing:clients'], whole: 'clients_served:total:clients' });
  const SERVED = 'clients_served:total:clients';
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
    partitionTable(wording, 'age_at_intake', figures.ageAtIntake, [], t, ['adult', 'minor', 'unknown'], model),
    partitionTable(wording, 'trafficking_type', figures.traffickingType, [v.traffickingTypes], t, v.traffickingTypes.codes, model),
    partitionTable(wording, 'gender', figures.gender, [v.genderIdentities], t, v.genderIdentities.codes, model),
    partitionTable(wording, 'citizenship', figures.citizenship, [v.citizenshipCategories], t, v.citizenshipCategories.codes, model),
    partitionTable(wording, 'referral_source', figures.referralSource, [v.referralSources], t, v.referralSources.codes, model),
  ];
  for (const name of SERVED_PARTITIONS) model.constraints.push({ kind: 'sum', parts: [`${name}:total:count`], whole: SERVED });

  // Services: encounters partition all services; a category's clients are at least one when it has
  // encounters and at most its encounters (and the served total). A clients figure shown beside a
  // hidden encounters cell would bound it from below, so it is withheld with it.
  const encounters = suppressPartition(figures.services.map((s) => s.encounters), t);
  const serviceRows = figures.services.map((s, i) => {
    const e = encounters.cells[i]!;
    let c: Cell = suppressCount(s.clients, t);
    if (typeof e !== 'number' && typeof c === 'number' && c > 0) c = WITHHELD;
    if (encounters.whollyWithheld) c = WITHHELD;
    const base = `services_by_category:${s.category}`;
    addCell(model, `${base}:encounters`, e, encounters.whollyWithheld);
    addCell(model, `${base}:clients`, c, encounters.whollyWithheld);
    model.constraints.push({ kind: 'le', small: `${base}:clients`, large: `${base}:encounters` });
    model.constraints.push({ kind: 'zeroTogether', small: `${base}:clients`, large: `${base}:encounters` });
    model.constraints.push({ kind: 'le', small: `${base}:clients`, large: SERVED });
    return { code: s.category, category: wording.label([p.serviceCategories], s.category), clients: c, encounters: e };
  });
  addCell(model, 'services_by_category:total:encounters', encounters.total);
  model.constraints.push({ kind: 'sum', parts: figures.services.map((s) => `services_by_category:${s.category}:encounters`), whole: 'services_by_category:total:encounters' });
  tables.push({
    name: 'services_by_category',
    title: text.tables.services_by_category,
    columns: wording.columns(['code', 'category', 'clients', 'encounters']),
    rows: [...serviceRows, { code: 'total', category: text.rows.total, clients: '', encounters: encounters.total }],
    note: encounters.whollyWithheld ? text.notes.partitionWithheld : text.notes.servicesNoTotal,
  });
  const referrals = partitionTable(wording, 'referrals_by_status', figures.referrals, [p.referralStatuses], t, p.referralStatuses.codes, model);
  const enoughMatches = figures.daysToMatch.matched > t;
  referrals.note = enoughMatches && figures.daysToMatch.median !== null ? text.notes.medianDays(figures.daysToMatch.median) : text.notes.medianHidden;
  tables.push(referrals);
  tables.push(partitionTable(wording, 'goals_by_status', figures.goals, [p.goalStatuses], t, p.goalStatuses.codes, model));

  // Assessment change: a domain's people and improved are at most those assessed twice and improved
  // at all; anyone improved improved in some domain; the share of the improved is a note over a
  // known number of people (shown only over more than the threshold, and only if it pins nothing).
  const A = 'assessment_change:any:clients';
  const I = 'assessment_change:any:improved';
  const assessed = suppressCount(figures.improvedClients.assessed, t);
  const improved = suppressCount(figures.improvedClients.improved, t);
  addCell(model, A, assessed);
  addCell(model, I, improved);
  model.constraints.push({ kind: 'le', small: I, large: A }, { kind: 'le', small: A, large: SERVED });
  const domainRows = figures.assessment.map((a) => {
    const base = `assessment_change:${a.domain}`;
    const clients = suppressCount(a.clients, t);
    const better = suppressCount(a.improved, t);
    addCell(model, `${base}:clients`, clients);
    addCell(model, `${base}:improved`, better);
    model.constraints.push({ kind: 'le', small: `${base}:clients`, large: A }, { kind: 'le', small: `${base}:improved`, large: `${base}:clients` }, { kind: 'le', small: `${base}:improved`, large: I });
    if (a.clients > t) model.constraints.push({ kind: 'mean', part: `${base}:improved`, whole: `${base}:clients`, mean: a.meanChange, spread: SCORE_SPREAD });
    return {
      code: a.domain,
      domain: options.domainLabels?.get(a.domain)?.[language] ?? a.label,
      clients,
      // An average over a handful of people says too much about each of them. Over more people, the
      // mean still bounds the improved count (each change is -4 to +4, an improved one at least +1):
      // it is part of the attacker's input, and is taken away below if it pins a hidden count.
      mean_change: a.clients > t ? a.meanChange : text.notShown,
      improved: better,
    };
  });
  if (figures.assessment.length > 0) model.constraints.push({ kind: 'atMostSum', parts: figures.assessment.map((a) => `assessment_change:${a.domain}:improved`), whole: I });
  const showShare = figures.improvedClients.assessed > t;
  const percent = showShare ? percentOf(figures.improvedClients.improved, figures.improvedClients.assessed) : 0;
  if (showShare) model.constraints.push({ kind: 'percent', part: I, whole: A, percent });
  tables.push({
    name: 'assessment_change',
    title: text.tables.assessment_change,
    columns: wording.columns(['code', 'domain', 'clients', 'mean_change', 'improved'], { clients: 'assessed' }),
    rows: [...domainRows, { code: 'any', domain: text.rows.any, clients: assessed, mean_change: '', improved }],
    note: showShare ? text.notes.improvedShare(percent) : text.notes.improvedHidden,
  });
  tables.push(partitionTable(wording, 'milestones_granted', figures.milestones, [p.milestoneKinds], t, p.milestoneKinds.codes, model));
  tables.push(partitionTable(wording, 'exits_by_destination', figures.exits, [p.exitDestinations], t, p.exitDestinations.codes, model));
  const family = suppressCount(figures.familyMembersServed, t);
  addCell(model, 'family_members:row:family_members', family);
  tables.push({
    name: 'family_members',
    title: text.tables.family_members,
    columns: wording.columns(['family_members']),
    rows: [{ family_members: family }],
    note: null,
  });
  secureWholeReport(tables, model, t, text);
  if (figures.outreach) {
    // Anonymous counts of people with no case: outside the disclosure model, shown as recorded.
    const o = figures.outreach;
    tables.push({
      name: 'outreach',
      title: text.tables.outreach,
      columns: wording.columns(['code', 'measure', 'count']),
      rows: [
        { code: 'contacts', measure: text.rows.outreach_contacts, count: o.contacts },
        { code: 'people', measure: text.rows.outreach_people, count: o.people },
        { code: 'minutes', measure: text.rows.outreach_minutes, count: o.minutes },
      ],
      note: text.notes.outreach,
    });
  }
  return {
    kind: 'safehold-outcome-report',
    version: 1,
    period: { from: period.from, to: period.to },
    parameters: { workerFilter: period.workerId !== null, threshold: t, language, preset: 'standard' },
    countingRules: [...COUNTING_RULES[language]],
    tables,
  };
}
