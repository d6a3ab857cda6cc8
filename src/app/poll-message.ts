import type { RequestServices } from '../core/context.ts';
import type { Logger } from '../core/logger.ts';
import type { Reply } from '../core/reply.ts';
import type { Poll } from '../domain/polls.ts';
import { pollData } from '../queries/polls.ts';
import { pollMessage } from '../views/poll-message.ts';

/** The poll's message as it should read now. */
export async function pollReply(ctx: { services: Pick<RequestServices, 'store' | 'clock'> }, poll: Poll): Promise<Reply> {
  return pollMessage(await pollData(ctx.services.store, poll), ctx.services.clock());
}

/**
 * Edits the poll's message in place on the platform that posted it; true when it did. A message that
 * cannot be edited (deleted, platform not running) leaves the poll as it is; the failure is logged.
 */
export async function refreshPollMessage(ctx: { services: RequestServices; log?: Logger }, poll: Poll): Promise<boolean> {
  const log = ctx.log ?? ctx.services.log;
  const ref = poll.message;
  if (!ref) return false;
  const port = ctx.services.chats.get(ref.platform);
  if (!port) {
    // Another instance serves that platform: it drains the outbox and edits the message there.
    await ctx.services.store.state.enqueue(
      { platform: ref.platform, workspace: poll.workspace, kind: 'refresh-poll', ref: String(poll.id) },
      Date.now(),
    );
    log.info({ poll: poll.id, platform: ref.platform }, 'poll message queued for the instance that serves its platform');
    return false;
  }
  try {
    await port.update(ref, await pollReply(ctx, poll), poll.workspace);
    return true;
  } catch (error) {
    log.warn({ err: error, poll: poll.id }, 'poll message could not be updated');
    return false;
  }
}
