// Main process (plain Node). Never imports electron.
// The documented templates live in shared/ (the Import screen shows them too); this adds the text
// `safehold import --template KIND` prints.
import { templates } from '../../shared/import-templates';
import type { ImportKind } from '../../shared/schemas/import';

export { domainCodes, templates, type TemplateColumn } from '../../shared/import-templates';

/** The header row, then one line per column, as `safehold import --template KIND` prints them. */
export function templateText(kind: ImportKind): string {
  const columns = templates[kind];
  const width = Math.max(...columns.map((c) => c.name.length));
  const lines = columns.map((c) => `${c.name.padEnd(width)}  ${c.required ? '(required) ' : ''}${c.doc}`);
  return `${columns.map((c) => c.name).join(',')}\n\n${lines.join('\n')}\n`;
}
