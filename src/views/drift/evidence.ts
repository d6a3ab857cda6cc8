import type { BaseContext } from '../../core/context.ts';
import { joinMarkup, md } from '../../core/markup.ts';
import type { Field } from '../../core/reply.ts';
import type { Claim } from '../../domain/claims.ts';
import { simRunRef } from '../../domain/sim-runs.ts';

const SHOWN = 5;

/** The claim card's "Drift runs" field: the runs attached as evidence, each with how to see it again. */
export async function driftEvidenceField(ctx: Pick<BaseContext, 'services' | 'workspace'>, claim: Claim): Promise<Field | undefined> {
  const runs = await ctx.services.store.simRuns.forClaim(ctx.workspace, claim.id);
  if (runs.length === 0) return undefined;
  const lines = runs.slice(-SHOWN).map((run) => md`**${simRunRef(run)}** ${run.headline} · \`/drift show ${simRunRef(run)}\``);
  if (runs.length > SHOWN) lines.unshift(md`_${runs.length - SHOWN} earlier runs not shown_`);
  return { name: `Drift runs (${runs.length})`, value: joinMarkup(lines) };
}
