// renderer/: a file or folder typed as its full path (a USB drive, a spreadsheet, a backup file):
// monospaced, no autocomplete, up to the longest path the schemas take.
import { TextField, type TextFieldProps } from './TextField';

export function PathField(props: Omit<TextFieldProps, 'autoComplete' | 'className' | 'maxLength' | 'required'>) {
  return <TextField {...props} autoComplete="off" className="mono" maxLength={4096} required />;
}
