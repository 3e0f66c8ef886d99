// Main process (plain Node). Never imports electron.
/** How a sign-in name is compared: Unicode-normalised, trimmed, spaces collapsed, case folded. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}
