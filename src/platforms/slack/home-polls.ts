import type { Block } from '../../core/reply.ts';
import type { HomeContext } from './home.ts';

/**
 * ─── FOR THE LEAD: WIRE OPEN POLLS HERE ───────────────────────────────────────────────────────────
 * The App Home's "Open polls" section. Polls are built on another branch; when it lands, return the
 * workspace's open polls (ctx.workspace) as core blocks, e.g. one `text` per poll with its claim,
 * the number of votes and when it closes (respect the poll's hide mode: no aggregate before it may be
 * shown). The Home renders these blocks like any reply. An empty list shows "No open polls."
 */
export function openPollsForHome(_ctx: HomeContext): readonly Block[] {
  return [];
}
