// Main process (plain Node). Never imports electron.
// Turns the raw figures into the report's tables, with disclosure control applied to every count.
// Labels are English in the files; every row also carries its code, so others can translate.
import { suppressCount, suppressPartition } from '../../shared/disclosure';
import type { Report, ReportTable } from '../../shared/schemas/reports';
import type { Label } from '../../shared/vocab/define';
import { reasons } from '../../shared/vocab/define';
import * as v from '../../shared/vocab/lists';
import * as p from '../../shared/vocab/planning';
import { COUNTING_RULES, type Breakdown, type Figures, type Period } from './figures';

const extra: Record<string, string> = { not_recorded: 'Not recorded', adult: 'Adult', minor: 'Minor', unknown: 'Unknown', total: 'Total' };

function labelFor(lists: { labels: Record<string, Label> }[], code: string): string {
  for (const list of [...lists, reasons]) {
    const label = (list.labels as Record<string, Label | undefined>)[code];
    if (label) return label.en;
  }
  return extra[code] ?? code;
}

/** A breakdown that partitions a population: every category, then the total. */
function partitionTable(name: string, title: string, data: Breakdown, lists: { labels: Record<string, Label>; codes?: readonly string[] }[], threshold: number, allCodes: readonly string[] = []): ReportTable {
  const keys = [...new Set([...allCodes, ...data.map((d) => d.key)])];
  const counts = keys.map((k) => data.find((d) => d.key === k)?.count ?? 0);
  const { cells, total, whollyWithheld } = suppressPartition(counts, threshold);
  return {
    name,
    title,
    columns: [
      { key: 'code', label: 'Code' },
      { key: 'category', label: 'Category' },
      { key: 'count', label: 'Count' },
    ],
    rows: [...keys.map((k, i) => ({ code: k, category: labelFor(lists, k), count: cells[i]! })), { code: 'total', category: 'Total', count: total }],
    note: whollyWithheld ? 'Too few people to show how this total divides without risk of identifying someone.' : null,
  };
}

export function buildReport(figures: Figures, period: Period, threshold: number): Report {
  const t = threshold;
  const served = suppressPartition([figures.served.new, figures.served.continuing], t);
  const tables: ReportTable[] = [
    {
      name: 'clients_served',
      title: 'Clients served',
      columns: [
        { key: 'measure', label: 'Measure' },
        { key: 'clients', label: 'Clients' },
      ],
      rows: [
        { measure: 'New', clients: served.cells[0]! },
        { measure: 'Continuing', clients: served.cells[1]! },
        { measure: 'Total', clients: served.total },
      ],
      note: served.whollyWithheld ? 'Too few people to show new and continuing separately.' : null,
    },
    partitionTable('age_at_intake', 'Adult or minor at intake', figures.ageAtIntake, [], t, ['adult', 'minor', 'unknown']),
    partitionTable('trafficking_type', 'Type of trafficking', figures.traffickingType, [v.traffickingTypes], t, v.traffickingTypes.codes),
    partitionTable('gender', 'Gender identity', figures.gender, [v.genderIdentities], t, v.genderIdentities.codes),
    partitionTable('citizenship', 'Citizenship category', figures.citizenship, [v.citizenshipCategories], t, v.citizenshipCategories.codes),
    partitionTable('referral_source', 'Referral source', figures.referralSource, [v.referralSources], t, v.referralSources.codes),
  ];
  const encounters = suppressPartition(figures.services.map((s) => s.encounters), t);
  tables.push({
    name: 'services_by_category',
    title: 'Services by category',
    columns: [
      { key: 'code', label: 'Code' },
      { key: 'category', label: 'Category' },
      { key: 'clients', label: 'Clients' },
      { key: 'encounters', label: 'Encounters' },
    ],
    rows: [
      ...figures.services.map((s, i) => ({ code: s.category, category: labelFor([p.serviceCategories], s.category), clients: suppressCount(s.clients, t), encounters: encounters.cells[i]! })),
      { code: 'total', category: 'Total', clients: '', encounters: encounters.total },
    ],
    note: 'A person can receive services in several categories, so the clients column has no total.',
  });
  const referrals = partitionTable('referrals_by_status', 'Referrals by status', figures.referrals, [p.referralStatuses], t, p.referralStatuses.codes);
  const enoughMatches = figures.daysToMatch.matched > t;
  referrals.note = `Median days from sending to acceptance: ${enoughMatches && figures.daysToMatch.median !== null ? figures.daysToMatch.median : 'not shown (too few accepted referrals)'}.`;
  tables.push(referrals);
  tables.push(partitionTable('goals_by_status', 'Goals by status', figures.goals, [p.goalStatuses], t, p.goalStatuses.codes));
  tables.push({
    name: 'assessment_change',
    title: 'Change in assessment scores (first to latest)',
    columns: [
      { key: 'code', label: 'Code' },
      { key: 'domain', label: 'Domain' },
      { key: 'clients', label: 'Clients assessed twice or more' },
      { key: 'mean_change', label: 'Mean change (levels)' },
      { key: 'improved', label: 'Clients improved by one level or more' },
    ],
    rows: [
      ...figures.assessment.map((a) => ({
        code: a.domain,
        domain: a.label,
        clients: suppressCount(a.clients, t),
        // An average over a handful of people says too much about each of them.
        mean_change: a.clients > t ? a.meanChange : 'not shown',
        improved: suppressCount(a.improved, t),
      })),
      {
        code: 'any',
        domain: 'Any domain',
        clients: suppressCount(figures.improvedClients.assessed, t),
        mean_change: '',
        improved: suppressCount(figures.improvedClients.improved, t),
      },
    ],
    note: figures.improvedClients.assessed > t
      ? `Share with measurable improvement: ${Math.round((figures.improvedClients.improved / figures.improvedClients.assessed) * 100)}%.`
      : 'Share with measurable improvement: not shown (too few people assessed twice).',
  });
  tables.push(partitionTable('milestones_granted', 'Legal and immigration milestones granted', figures.milestones, [p.milestoneKinds], t, p.milestoneKinds.codes));
  tables.push(partitionTable('exits_by_destination', 'Exits by destination', figures.exits, [p.exitDestinations], t, p.exitDestinations.codes));
  tables.push({
    name: 'family_members',
    title: 'Family members served',
    columns: [{ key: 'family_members', label: 'Family members served' }],
    rows: [{ family_members: suppressCount(figures.familyMembersServed, t) }],
    note: null,
  });
  return {
    kind: 'safehold-outcome-report',
    version: 1,
    period: { from: period.from, to: period.to },
    parameters: { workerFilter: period.workerId !== null, threshold: t },
    countingRules: [...COUNTING_RULES],
    tables,
  };
}
