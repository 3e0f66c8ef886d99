// The PDF as a reader finds it: every figure of report.json, with its labels, in both languages. The
// check reads report.json's own structure (every table, column, row and note), so a table added to
// the report is checked without changing this file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportPdf } from '../../main/reports/pdf';
import { seedClients } from '../../main/demo/generator';
import type { Language } from '../../shared/schemas/prefs';
import type { Report, ReportTable } from '../../shared/schemas/reports';
import { expectedLines, flat, pdfItems, pdfPages } from '../helpers/pdf';
import { setUpCore } from '../helpers/core';
import { tempDir } from '../helpers/tmp';
import { writeFileSync } from 'node:fs';

const YEAR = { from: '2025-01-01', to: '2025-12-31' };

async function exportBoth(threshold: number) {
  const t = await setUpCore();
  const db = t.control.current!.db;
  const me = t.control.current!.user.id;
  seedClients(db, { count: 400, seed: 7, today: new Date('2026-03-01T12:00:00Z'), workerIds: [me] });
  await t.ok('settings.setSuppression', { threshold });
  const out: Record<Language, { report: Report; pages: string[]; items: { str: string; x: number }[] }> = {} as never;
  for (const language of ['en', 'es'] as const) {
    const exported = await t.ok('reports.export', { ...YEAR, folder: tempDir(), formats: ['pdf', 'json'], language });
    out[language] = {
      report: JSON.parse(readFileSync(join(exported.folder, 'report.json'), 'utf8')) as Report,
      pages: (await pdfPages(join(exported.folder, 'report.pdf'))).map(flat),
      items: await pdfItems(join(exported.folder, 'report.pdf')),
    };
  }
  return out;
}

describe('the PDF of the outcome report', () => {
  it.each([2, 10])('prints every figure of report.json with its labels, in English and Spanish (threshold %i)', async (threshold) => {
    const both = await exportBoth(threshold);
    for (const language of ['en', 'es'] as const) {
      const { report, pages } = both[language];
      const text = pages.join(' ');
      expect(report.parameters.language).toBe(language);
      // Enough figures that the check means something: numbers beyond the threshold in several tables.
      const numbers = report.tables.flatMap((t) => t.rows.flatMap((r) => Object.values(r).filter((v) => typeof v === 'number' && v > threshold)));
      expect(numbers.length).toBeGreaterThan(threshold === 2 ? 30 : 5);
      for (const table of report.tables) {
        for (const line of expectedLines(table)) expect(text, `${language} ${table.name}`).toContain(line);
      }
      for (const rule of report.countingRules) expect(text).toContain(flat(`- ${rule}`));
      // No footnote sends the reader to a source file; no row code is printed in place of a value.
      expect(text).not.toMatch(/\.ts\b|clients_served:total|funder-mapping/u);
      // Every table's heading starts at the left margin, wherever it falls on its page.
      // (A title's first appearance is its heading; the same words may come again as a label.)
      for (const table of report.tables) {
        const heading = both[language].items.find((item) => item.str.trim() === table.title);
        expect(heading?.x, table.title).toBeCloseTo(54, 0);
      }
    }
    // The two languages print the same figures in the same order, from the first table to the counting rules.
    const figures = ({ report, pages }: { report: Report; pages: string[] }) => {
      const text = pages.join(' ');
      const tables = text.slice(text.indexOf(report.tables[0]!.title), text.lastIndexOf(report.parameters.language === 'es' ? 'Cómo se cuentan' : 'How the figures'));
      return tables.match(/\b\d+(?:-\d+)?\b|withheld/gu);
    };
    expect(figures(both.es)).toEqual(figures(both.en));
  });
});

describe('the PDF of a funder preset', () => {
  // The presets' own tables (quarters, not-collected items) are checked the same way, from their report.json.
  it.each(['otip', 'ovc'] as const)('prints every figure of the %s report with its labels, in English and Spanish', async (preset) => {
    const t = await setUpCore();
    const db = t.control.current!.db;
    seedClients(db, { count: 300, seed: 5, today: new Date('2026-03-01T12:00:00Z'), workerIds: [t.control.current!.user.id] });
    await t.ok('settings.setSuppression', { threshold: 2 });
    for (const language of ['en', 'es'] as const) {
      const exported = await t.ok('reports.export', { from: '2024-10-01', to: '2025-09-30', preset, folder: tempDir(), formats: ['pdf', 'json'], language });
      const report = JSON.parse(readFileSync(join(exported.folder, 'report.json'), 'utf8')) as Report;
      const text = (await pdfPages(join(exported.folder, 'report.pdf'))).map(flat).join(' ');
      expect(report.tables.length).toBeGreaterThan(1);
      for (const table of report.tables) for (const line of expectedLines(table)) expect(text, `${preset} ${language} ${table.name}`).toContain(line);
      for (const rule of report.countingRules) expect(text).toContain(flat(`- ${rule}`));
    }
  });
});

/** A made-up table of `n` rows with long labels, to check page breaks and wrapping. */
function longTable(n: number, language: Language): ReportTable {
  const label = language === 'es' ? 'Categoría con una descripción muy larga para comprobar el ajuste de línea número' : 'Category with a very long description to check line wrapping number';
  return {
    name: 'long_table',
    title: language === 'es' ? 'Una tabla larga de prueba' : 'A long test table',
    columns: [
      { key: 'code', label: 'Code' },
      { key: 'category', label: language === 'es' ? 'Categoría' : 'Category' },
      { key: 'clients', label: language === 'es' ? 'Personas atendidas en el periodo' : 'Clients served in the period' },
      { key: 'encounters', label: language === 'es' ? 'Atenciones' : 'Encounters' },
    ],
    rows: [
      ...Array.from({ length: n }, (_, i) => ({ code: `c${i}`, category: `${label} ${i + 1}`, clients: 100 + i, encounters: i % 3 === 0 ? '1-10' : 1000 + i })),
      { code: 'total', category: 'Total', clients: '', encounters: 999_999 },
    ],
    note: null,
  };
}

describe('the PDF layout', () => {
  it.each(['en', 'es'] as const)('carries a 60-row table with long labels over pages, repeating the heading and column header (%s)', async (language) => {
    const table = longTable(60, language);
    const report: Report = {
      kind: 'safehold-outcome-report',
      version: 1,
      period: YEAR,
      parameters: { workerFilter: false, threshold: 10, language },
      countingRules: ['Rule.'],
      tables: [table],
    };
    const file = join(tempDir(), 'long.pdf');
    writeFileSync(file, await reportPdf(report, report.tables, '2026-01-05T10:00:00.000Z'));
    const pages = (await pdfPages(file)).map(flat);
    const tablePages = pages.filter((p) => p.includes(table.title));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    const header = expectedLines(table)[1]!;
    for (const page of tablePages) expect(page).toContain(header);
    expect(tablePages.slice(1).every((p) => p.includes(`${table.title} ${language === 'es' ? '(continuación)' : '(continued)'}`))).toBe(true);
    const all = pages.join(' ');
    for (const line of expectedLines(table)) expect(all).toContain(line);
  });
});
