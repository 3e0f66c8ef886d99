// renderer/: courtesy checks and display for the file paths people type (backup folder and file).
// Main checks the same rules again (shared/schemas/backup.ts); these only answer sooner.

/** POSIX (/…), a drive letter (C:\ or C:/), or a network share (\\server\share). */
export function isAbsolutePath(path: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\)/u.test(path);
}

/** A file size in the person's language, e.g. "1.4 MB" or "1,4 MB". */
export function formatFileSize(language: string, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
