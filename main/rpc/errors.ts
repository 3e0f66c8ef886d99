// Main process (plain Node). Never imports electron.
import { defaultMessages, type ErrorCode, type FieldProblem } from '../../shared/errors';

/** An expected failure with a code from the closed set and a message a caseworker can act on. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = defaultMessages[code],
    readonly fields?: FieldProblem[],
    /** For refusals: the record that was asked for, recorded in the access log (never shown). */
    readonly target?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
