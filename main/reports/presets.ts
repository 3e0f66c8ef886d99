// Main process (plain Node). Never imports electron.
// Counting-rule presets, chosen when a report is made and recorded in its parameters (and so signed
// into the manifest): "Safehold standard" (build.ts), "HHS OTIP (TVAP, DVHT)" laid out as OTIP's data
// workbook, and "OVC / VOCA". Every preset's tables go through the same disclosure control.
import { suppressCount, suppressPartition, WITHHELD, type Cell } from '../../shared/disclosure';
import { addCell, newModel, type DisclosureModel } from '../../shared/report-disclosure';
import type { Language } from '../../shared/schemas/prefs';
import type { Report, ReportPreset, ReportTable } from '../../shared/schemas/reports';
import * as v from '../../shared/vocab/lists';
import * as p from '../../shared/vocab/planning';
import type { Db } from '../store/open';
import { AppError } from '../rpc/errors';
import { buildReport, secureWholeReport, Wording, type BuildOptions } from './build';
import { computeFigures, type Breakdown, type Period } from './figures';
import { computeOtip, computeOvc, fiscalPeriodKind, fiscalYearOf } from './preset-figures';
import { PRESET_RULES, presetWords, type PresetWords } from './preset-words';

type Lists = { labels: Record<string, { en: string; es: string }> }[];

/** The period a preset accepts, or a plain reason why not. */
export function presetPeriodProblem(preset: ReportPreset, from: string, to: string): string | null {
  if (preset === 'otip' && fiscalPeriodKind(from, to) === null)
    return 'HHS OTIP reports cover a quarter of the federal fiscal year (1 October-31 December, 1 January-31 March, 1 April-30 June, 1 July-30 September) or the whole fiscal year (1 October-30 September).';
  if (preset === 'ovc' && fiscalYearOf(from) !== fiscalYearOf(to)) return 'OVC / VOCA reports stay within one federal fiscal year (1 October-30 September), because a victim is new once per fiscal year.';
  return null;
}

/** Makes the report for a preset (standard by default): the one entry point for the screen, export and CLI. */
export function makeReport(db: Db, period: Period & { preset?: ReportPreset }, threshold: number, options: BuildOptions = {}): Report {
  const preset = period.preset ?? 'standard';
  const problem = presetPeriodProblem(preset, period.from, period.to);
  if (problem) throw new AppError('INVALID_INPUT', undefined, [{ path: 'from', message: problem }]);
  if (preset === 'standard') return buildReport(computeFigures(db, period), period, threshold, options);
  const language = options.language ?? 'en';
  const builder = new PresetBuilder(language, threshold);
  if (preset === 'otip') builder.otip(db, period);
  else builder.ovc(db, period);
  return builder.report(period, preset);
}

class PresetBuilder {
  readonly tables: ReportTable[] = [];
  readonly model: DisclosureModel = newModel();
  readonly wording: Wording;
  readonly w: PresetWords;

  constructor(
    readonly language: Language,
    readonly t: number,
  ) {
    this.wording = new Wording(language);
    this.w = presetWords[language];
  }

  /** A breakdown of one population (its total is `totalOf`, when that is another shown count). */
  partition(name: string, data: Breakdown, lists: Lists, codes: readonly string[], totalOf?: string): void {
    const keys = [...new Set([...codes, ...data.map((d) => d.key)])];
    const counts = keys.map((k) => data.find((d) => d.key === k)?.count ?? 0);
    const { cells, total, whollyWithheld } = suppressPartition(counts, this.t);
    keys.forEach((k, i) => addCell(this.model, `${name}:${k}:count`, cells[i]!, whollyWithheld));
    addCell(this.model, `${name}:total:count`, total);
    this.model.constraints.push({ kind: 'sum', parts: keys.map((k) => `${name}:${k}:count`), whole: `${name}:total:count` });
    if (totalOf) this.model.constraints.push({ kind: 'sum', parts: [`${name}:total:count`], whole: totalOf });
    this.tables.push({
      name,
      title: this.w.tables[name]!,
      columns: this.wording.columns(['code', 'category', 'count']),
      rows: [...keys.map((k, i) => ({ code: k, category: this.label(lists, k), count: cells[i]! })), { code: 'total', category: this.wording.text.rows.total, count: total }],
      note: whollyWithheld ? this.wording.text.notes.partitionWithheld : null,
    });
  }

  label(lists: Lists, code: string): string {
    return this.w.rows[code] ?? this.wording.label(lists, code);
  }

  /** Clients and encounters per service category (see build.ts: linked columns). */
  services(name: string, rows: { category: string; clients: number; encounters: number }[], served: string): void {
    const encounters = suppressPartition(rows.map((s) => s.encounters), this.t);
    const shown = rows.map((s, i) => {
      const e = encounters.cells[i]!;
      let c: Cell = suppressCount(s.clients, this.t);
      if ((typeof e !== 'number' && typeof c === 'number' && c > 0) || encounters.whollyWithheld) c = WITHHELD;
      const base = `${name}:${s.category}`;
      addCell(this.model, `${base}:encounters`, e, encounters.whollyWithheld);
      addCell(this.model, `${base}:clients`, c, encounters.whollyWithheld);
      this.model.constraints.push(
        { kind: 'le', small: `${base}:clients`, large: `${base}:encounters` },
        { kind: 'zeroTogether', small: `${base}:clients`, large: `${base}:encounters` },
        { kind: 'le', small: `${base}:clients`, large: served },
      );
      return { code: s.category, category: this.wording.label([p.serviceCategories], s.category), clients: c, encounters: e };
    });
    addCell(this.model, `${name}:total:encounters`, encounters.total);
    this.model.constraints.push({ kind: 'sum', parts: rows.map((s) => `${name}:${s.category}:encounters`), whole: `${name}:total:encounters` });
    this.tables.push({
      name,
      title: this.w.tables[name]!,
      columns: this.wording.columns(['code', 'category', 'clients', 'encounters']),
      rows: [...shown, { code: 'total', category: this.wording.text.rows.total, clients: '', encounters: encounters.total }],
      note: encounters.whollyWithheld ? this.wording.text.notes.partitionWithheld : this.wording.text.notes.servicesNoTotal,
    });
  }

  /** A two-part count (e.g. new and returning) and its total, as clients_served is. */
  split(name: string, parts: [string, number][]): string {
    const s = suppressPartition(parts.map(([, n]) => n), this.t);
    parts.forEach(([code], i) => addCell(this.model, `${name}:${code}:count`, s.cells[i]!, s.whollyWithheld));
    addCell(this.model, `${name}:total:count`, s.total);
    this.model.constraints.push({ kind: 'sum', parts: parts.map(([code]) => `${name}:${code}:count`), whole: `${name}:total:count` });
    this.tables.push({
      name,
      title: this.w.tables[name]!,
      columns: this.wording.columns(['code', 'measure', 'count']),
      rows: [...parts.map(([code], i) => ({ code, measure: this.w.rows[code]!, count: s.cells[i]! })), { code: 'total', measure: this.wording.text.rows.total, count: s.total }],
      note: s.whollyWithheld ? this.wording.text.notes.partitionWithheld : null,
    });
    return `${name}:total:count`;
  }

  otip(db: Db, period: Period): void {
    const f = computeOtip(db, period, fiscalPeriodKind(period.from, period.to)!);
    const entries = this.split('otip_program_entry', [
      ['new', f.entries.new],
      ['reentry', f.entries.reentry],
    ]);
    this.partition('otip_entry_age', f.entryAge, [], ['adult', 'minor', 'unknown'], entries);
    this.partition('otip_entry_gender', f.entryGender, [v.genderIdentities], v.genderIdentities.codes, entries);
    this.partition('otip_entry_trafficking_type', f.entryTraffickingType, [v.traffickingTypes], v.traffickingTypes.codes, entries);
    this.partition('otip_entry_citizenship', f.entryCitizenship, [v.citizenshipCategories], v.citizenshipCategories.codes, entries);
    this.partition('otip_entry_referral_source', f.entryReferralSource, [v.referralSources], v.referralSources.codes, entries);
    const family = suppressCount(f.entryFamilyMembers, this.t);
    addCell(this.model, 'otip_entry_family:row:family_members', family);
    this.tables.push({ name: 'otip_entry_family', title: this.w.tables.otip_entry_family!, columns: this.wording.columns(['family_members']), rows: [{ family_members: family }], note: null });
    this.partition('otip_case_closure_reason', f.closureReason, [p.exitReasons], p.exitReasons.codes);
    const closures = `otip_case_closure_reason:total:count`;
    this.partition('otip_case_closure_destination', f.closureDestination, [p.exitDestinations], p.exitDestinations.codes, closures);
    const served = suppressCount(f.served, this.t);
    addCell(this.model, 'otip_service_use:people:count', served);
    this.services('otip_service_use', f.serviceUse, 'otip_service_use:people:count');
    if (f.kind === 'year') {
      // The annual sheet: the people who received each category of assistance during the fiscal year.
      const rows = f.serviceUse.map((s) => ({ code: s.category, category: this.wording.label([p.serviceCategories], s.category), clients: this.tables.at(-1)!.rows.find((r) => r.code === s.category)!.clients! }));
      this.tables.push({
        name: 'otip_categories_of_assistance',
        title: this.w.tables.otip_categories_of_assistance!,
        columns: this.wording.columns(['code', 'category', 'clients']),
        rows,
        note: this.w.notes.categoriesFromServiceUse,
      });
    }
    this.tables.push({
      name: 'otip_not_collected',
      title: this.w.tables.otip_not_collected!,
      columns: this.wording.columns(['code', 'item', 'value']),
      rows: this.w.notCollected.map(([code, item]) => ({ code, item, value: this.w.notCollectedValue })),
      note: null,
    });
  }

  ovc(db: Db, period: Period): void {
    const f = computeOvc(db, period);
    const served = this.split('ovc_victims_served', [
      ['new', f.served.new],
      ['continuing', f.served.continuing],
    ]);
    const fresh = `ovc_victims_served:new:count`;
    this.partition('ovc_new_age', f.newAge, [], ['adult', 'minor', 'unknown'], fresh);
    this.partition('ovc_new_gender', f.newGender, [v.genderIdentities], v.genderIdentities.codes, fresh);
    this.partition('ovc_new_trafficking_type', f.newTraffickingType, [v.traffickingTypes], v.traffickingTypes.codes, fresh);
    this.partition('ovc_new_citizenship', f.newCitizenship, [v.citizenshipCategories], v.citizenshipCategories.codes, fresh);
    this.services('ovc_services', f.services, served);
  }

  report(period: Period, preset: ReportPreset): Report {
    secureWholeReport(this.tables, this.model, this.t, this.wording.text);
    return {
      kind: 'safehold-outcome-report',
      version: 1,
      period: { from: period.from, to: period.to },
      parameters: { workerFilter: period.workerId !== null, threshold: this.t, language: this.language, preset },
      countingRules: [...PRESET_RULES[preset][this.language]],
      tables: this.tables,
    };
  }
}
