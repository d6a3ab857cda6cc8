import type { OptionSpec } from '../src/core/options.ts';
import { MESSAGES_DEFAULT, MESSAGES_MAX, type ThreadRequest } from '../src/domain/threads/request.ts';

/** The options /summarize and /capture share: which part of the thread to read. */
export const THREAD_OPTIONS = [
  {
    name: 'since',
    type: 'string',
    description: 'Start at a message link or a time (2h, 3 days, 2026-11-20)',
    example: '2h',
    maxLength: 300,
  },
  {
    name: 'messages',
    type: 'integer',
    description: `How many messages to read (default ${MESSAGES_DEFAULT}, at most ${MESSAGES_MAX.toLocaleString('en-US')})`,
    min: 1,
    max: MESSAGES_MAX,
  },
  { name: 'file', type: 'attachment', description: 'Read this thread file instead (plain text, or JSON {messages})' },
] as const satisfies readonly OptionSpec[];

export function threadRequest(args: { since?: string; messages?: number; file?: ThreadRequest['file'] }): ThreadRequest {
  return {
    ...(args.since !== undefined ? { since: args.since } : {}),
    ...(args.messages !== undefined ? { messages: args.messages } : {}),
    ...(args.file !== undefined ? { file: args.file } : {}),
  };
}
