import type { Block } from '../../core/reply.ts';
import { openPollLines } from '../../views/poll-message.ts';
import type { HomeContext } from './home.ts';

/** The App Home's "Open polls" section; an empty list shows "No open polls." */
export async function openPollsForHome(ctx: HomeContext): Promise<readonly Block[]> {
  return await openPollLines(ctx, ctx.workspace);
}
