import { Markup, plain, toPlainText } from './markup.ts';

/**
 * Errors a user can fix. Dispatch turns them into a friendly ephemeral reply; anything else is a bug
 * and is logged with a correlation id. The message may be Markup (`md`), so user input quoted in it
 * stays escaped while ids and option names are formatted.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  readonly markup: Markup;
  constructor(
    message: string | Markup,
    /** A stable identifier for tests and logs, e.g. `claim.not-found`. */
    readonly code: string = 'user-error',
  ) {
    super(typeof message === 'string' ? message : toPlainText(message));
    this.markup = typeof message === 'string' ? plain(message) : message;
  }
}

/** The command line or the options did not match the command's spec. Carries the usage line. */
export class UsageError extends UserError {
  override readonly name: string = 'UsageError';
  constructor(
    message: string | Markup,
    readonly usage?: string,
    code = 'usage',
  ) {
    super(message, code);
  }
}

/** A user asked for something they may not do (someone else's claim, a moderator action). */
export class PermissionError extends UserError {
  override readonly name: string = 'PermissionError';
  constructor(message: string | Markup, code = 'permission') {
    super(message, code);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** The bot cannot start: a bad setting, an unusable database file. The message says what to change. */
export class StartupError extends Error {
  override readonly name: string = 'StartupError';
}

/**
 * The database cannot be reached right now (a server restarting, a network blip). Nothing of the request
 * was written; dispatch answers "try again" rather than reporting a bug.
 */
export class StorageUnavailableError extends Error {
  override readonly name: string = 'StorageUnavailableError';
}
