// Main process (plain Node). Never imports electron.
// Writes a report folder: CSV tables, JSON, PDF and the signed manifest. The files are written into
// a hidden temporary folder and renamed into place at the end, so a cancelled or failed export leaves
// nothing that looks like a report.
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Report } from '../../shared/schemas/reports';
import { APP_VERSION } from '../version';
import { funderTable } from './funders';
import { MANIFEST, sha256, signManifest } from './manifest';
import { reportPdf } from './pdf';
import { reportJson, tableCsv } from './render';

export interface ExportOptions {
  report: Report;
  folder: string;
  formats: readonly ('csv' | 'pdf' | 'json')[];
  generatedAt: string;
  auditChainHead: string;
  signing: { privateKey: string; publicKey: string };
  onProgress?: (done: number, total: number, file: string) => void;
  isCancelled?: () => boolean;
}

export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled; nothing was written.');
  }
}

export async function exportReport(options: ExportOptions): Promise<{ folder: string; files: string[] }> {
  const { report } = options;
  // The funder items are read from the standard tables; a funder preset's tables are already its items.
  const tables = (report.parameters.preset ?? 'standard') === 'standard' ? [...report.tables, funderTable(report)] : report.tables;
  const exact = report.parameters.exact === true;
  // A submission pack says so in its folder's name too.
  const name = `safehold-report-${report.period.from}-to-${report.period.to}${exact ? '-exact-counts' : ''}`;
  const parent = resolve(options.folder);
  mkdirSync(parent, { recursive: true });
  let target = join(parent, name);
  for (let n = 2; existsSync(target); n += 1) target = join(parent, `${name}-${n}`);
  const work = join(parent, `.${name}.partial-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work);

  const outputs: { name: string; bytes: () => Promise<Buffer> | Buffer }[] = [];
  if (options.formats.includes('csv')) {
    for (const table of tables) outputs.push({ name: `${table.name}.csv`, bytes: () => Buffer.from(tableCsv(table), 'utf8') });
  }
  if (options.formats.includes('json')) outputs.push({ name: 'report.json', bytes: () => Buffer.from(reportJson(report, tables), 'utf8') });
  if (options.formats.includes('pdf')) outputs.push({ name: 'report.pdf', bytes: () => reportPdf(report, tables, options.generatedAt, { exact }) });

  try {
    const files: { name: string; sha256: string; bytes: number }[] = [];
    for (const [i, output] of outputs.entries()) {
      if (options.isCancelled?.()) throw new ExportCancelled();
      const bytes = await output.bytes();
      writeFileSync(join(work, output.name), bytes, { mode: 0o644 });
      files.push({ name: output.name, sha256: sha256(bytes), bytes: bytes.length });
      options.onProgress?.(i + 1, outputs.length + 1, output.name);
      // Let other work (and a cancel request) in between files.
      await new Promise((done) => setImmediate(done));
    }
    if (options.isCancelled?.()) throw new ExportCancelled();
    const manifest = signManifest(
      {
        kind: 'safehold-report-manifest',
        version: 1,
        period: report.period,
        parameters: report.parameters,
        appVersion: APP_VERSION,
        generatedAt: options.generatedAt,
        auditChainHead: options.auditChainHead,
        files,
      },
      options.signing.privateKey,
      options.signing.publicKey,
    );
    writeFileSync(join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    options.onProgress?.(outputs.length + 1, outputs.length + 1, MANIFEST);
    renameSync(work, target);
    return { folder: target, files: [...files.map((f) => f.name), MANIFEST] };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}
