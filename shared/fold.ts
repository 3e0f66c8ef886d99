// shared/: runs in every process. Imports nothing outside shared/.
// How names are compared for search and duplicate checks: accents, case and width do not matter
// ("José" finds "jose", "ＭＡＲＩＡ" finds "maria"); other scripts are kept as they are.
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/gu, (ch) => SPECIAL[ch] ?? ch)
    .replace(/\s+/gu, ' ')
    .trim();
}
