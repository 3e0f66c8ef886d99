// Main process (plain Node). Never imports electron.
// One CSV field, safe to open in a spreadsheet program. A text cell that a spreadsheet could take for
// a formula (it begins with = + - @, a tab or a carriage return, after any spaces or line breaks,
// or with the full-width forms of those signs) gets a leading apostrophe, so it shows as text. A cell
// that is wholly a number is left as it is: -2 and +3.5 are numbers, -2+3+WEBSERVICE(...) is not.

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/u;
const FORMULA_START = /^[\t\r]|^[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** The text as it will be written: unchanged, or with an apostrophe in front when it could run. */
export function neutralised(text: string): string {
  if (NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(value: string | number | undefined): string {
  const text = value === undefined ? '' : typeof value === 'number' ? String(value) : neutralised(value);
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
