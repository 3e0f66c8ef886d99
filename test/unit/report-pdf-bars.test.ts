// The PDF's bar charts are scaled per table (issue 12 §1): in each breakdown the largest count fills
// the chart's width and the others are in proportion, whatever the counts of other tables; a range
// ("1-10") is drawn to its top. Read back from the PDF's drawing operations with pdf.js.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../main/reports/build';
import type { Figures } from '../../main/reports/figures';
import { reportPdf } from '../../main/reports/pdf';

const CHART = 96;

/** Every bar's width in drawing order: pdfkit draws a bar as a 7-point-high rectangle. */
async function barWidths(pdf: Buffer): Promise<number[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const standardFontDataUrl = `${join(process.cwd(), 'node_modules/pdfjs-dist/standard_fonts')}/`;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, standardFontDataUrl }).promise;
  const widths: number[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const ops = await (await doc.getPage(i)).getOperatorList();
    ops.fnArray.forEach((fn, k) => {
      if (fn !== pdfjs.OPS.constructPath) return;
      const [kinds, coords] = ops.argsArray[k] as [number[], number[]];
      let at = 0;
      for (const kind of kinds) {
        if (kind === pdfjs.OPS.rectangle) {
          const [, , w, h] = coords.slice(at, at + 4);
          if (Math.abs(Math.abs(h!) - 7) < 0.01) widths.push(Math.round(w! * 100) / 100);
          at += 4;
        } else at += kind === pdfjs.OPS.curveTo ? 6 : kind === pdfjs.OPS.curveTo2 || kind === pdfjs.OPS.curveTo3 ? 4 : kind === pdfjs.OPS.closePath ? 0 : 2;
      }
    });
  }
  return widths;
}

function figures(): Figures {
  const none = [{ key: 'not_recorded', count: 300 }];
  return {
    served: { total: 300, new: 200, continuing: 100 },
    ageAtIntake: [{ key: 'adult', count: 240 }, { key: 'minor', count: 60 }],
    traffickingType: none,
    gender: [{ key: 'woman', count: 150 }, { key: 'man', count: 145 }, { key: 'not_recorded', count: 5 }],
    citizenship: none,
    referralSource: none,
    services: [],
    referrals: [],
    daysToMatch: { median: null, matched: 0 },
    goals: [],
    assessment: [],
    improvedClients: { assessed: 0, improved: 0 },
    milestones: [],
    exits: [],
    familyMembersServed: 0,
  };
}

describe('the PDF bar charts', () => {
  it('scale each table to its own largest count, and draw a range to its top', async () => {
    const report = buildReport(figures(), { from: '2025-01-01', to: '2025-12-31', workerId: null }, 10);
    const widths = await barWidths(await reportPdf(report, report.tables, '2026-01-05T10:00:00.000Z'));
    // Served: new 200, continuing 100. Age: 240 and 60. Trafficking type: 300 not recorded. Gender:
    // 150, then 145 withheld (beside a total of 300 it would give the "1-10" away), which draws no bar,
    // and "1-10", drawn to 10. Citizenship and referral source: 300 not recorded.
    const scale = (values: number[]) => values.map((v) => Math.round(Math.max(1, (v / Math.max(...values)) * CHART) * 100) / 100);
    expect(report.tables.find((t) => t.name === 'gender')!.rows.map((r) => r.count)).toEqual([150, 'withheld', 0, 0, 0, 0, '1-10', 300]);
    expect(widths).toEqual([...scale([200, 100]), ...scale([240, 60]), CHART, ...scale([150, 10]), CHART, CHART]);
  });
});
