import type { Markup } from '../../core/markup.ts';
import type { FileUpload } from '../../core/options.ts';
import type { ThreadMessage } from './thread.ts';

/** How many messages /summarize and /capture read when not told, and the most they will read. */
export const MESSAGES_DEFAULT = 300;
export const MESSAGES_MAX = 2000;

export interface ThreadSource {
  readonly messages: ThreadMessage[];
  /** Where the thread came from, for the reply: "the last 300 messages here", "thread.json". */
  readonly origin: string;
  /** Said when the thread was cut to the cap. */
  readonly note?: Markup;
}

export interface ThreadRequest {
  readonly since?: string;
  readonly messages?: number;
  readonly file?: FileUpload;
}
