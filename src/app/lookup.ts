import type { BaseContext } from '../core/context.ts';
import { UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import type { Debate } from '../domain/debates.ts';

/**
 * The debate a command works on: the one named, or the channel's current one. A UserError explains how
 * to start or pick one when there is neither.
 */
export async function resolveDebate(ctx: Pick<BaseContext, 'services' | 'workspace' | 'channel'>, slug?: string): Promise<Debate> {
  const { debates } = ctx.services.store;
  if (slug) return await debates.require(ctx.workspace, slug);
  const current = await debates.currentFor(ctx.workspace, ctx.channel.id);
  if (current) return current;
  const any = (await debates.list(ctx.workspace)).length > 0;
  throw new UserError(
    any
      ? md`This channel has no current debate. Pick one with \`/debate use <slug>\` (see \`/debate list\`) or name it with \`debate:<slug>\`.`
      : md`No debates yet. Start one: \`/debate new slug:reward-seeking title:"Is reward the optimization target?"\` (or try \`cruxbot demo\`).`,
    'debate.none',
  );
}

/** Now, as stored in rows. */
export const nowIso = (ctx: Pick<BaseContext, 'services'>): string => ctx.services.clock().toISOString();
