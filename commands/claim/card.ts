import type { BaseContext } from '../../src/core/context.ts';
import type { Markup } from '../../src/core/markup.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Claim } from '../../src/domain/claims.ts';
import { claimCardData } from '../../src/queries/claim-card.ts';
import { claimCard } from '../../src/views/claim-card.ts';

/** The claim's card as it stands now, with an optional note on what just happened to it. */
export async function showClaim(ctx: Pick<BaseContext, 'services' | 'workspace'>, claim: Claim, note?: Markup): Promise<Reply> {
  return claimCard(await claimCardData(ctx.services.queries, ctx.workspace, claim), note);
}
