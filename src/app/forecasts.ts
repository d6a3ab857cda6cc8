import type { BaseContext } from '../core/context.ts';
import { UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import { assertCanModifyClaim, assertOpen, claimRef, type Claim } from '../domain/claims.ts';
import type { Debate } from '../domain/debates.ts';
import { addClaim } from './claims.ts';
import { recordCredence, type RecordedCredence } from './credences.ts';
import { nowIso } from './lookup.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

/** Sets (or moves) when a claim should be resolved, with its audit row. Its author or a moderator only. */
export async function setResolveBy(ctx: Ctx, claim: Claim, at: Date, zone: string): Promise<void> {
  assertCanModifyClaim(ctx.actor, claim, 'set the resolve-by date of');
  assertOpen(claim, 'given a resolve-by date');
  const now = nowIso(ctx);
  await ctx.services.store.transaction(async (tx) => {
    const before = await tx.forecasts.resolveBy(ctx.workspace, claim.id);
    await tx.forecasts.setResolveBy({ workspace: ctx.workspace, claimId: claim.id, resolveBy: at.toISOString(), zone, setBy: ctx.actor.id, setAt: now });
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'claim.resolve-by',
      entity: claimRef(claim),
      before: before ? { resolveBy: before.resolveBy, zone: before.zone } : null,
      after: { resolveBy: at.toISOString(), zone },
      at: now,
    });
  });
}

/** A claim with its resolve-by date, in one transaction. */
export async function addClaimResolvingBy(ctx: Ctx, input: Parameters<typeof addClaim>[1], due: { at: Date; zone: string }): Promise<Claim> {
  return await ctx.services.store.transaction(async () => {
    const claim = await addClaim(ctx, input);
    await setResolveBy(ctx, claim, due.at, due.zone);
    return claim;
  });
}

/**
 * A prediction in one step: the claim, the predictor's credence in it and, if given, its resolve-by
 * date, in one transaction; a failure at any step stores none of them.
 */
export async function predict(
  ctx: Ctx,
  input: { debate: Debate; text: string; tags: readonly string[]; value: number; resolveBy?: { at: Date; zone: string } },
): Promise<{ claim: Claim; credence: RecordedCredence }> {
  return await ctx.services.store.transaction(async () => {
    const claim = await addClaim(ctx, { debate: input.debate, text: input.text, tags: input.tags });
    const credence = await recordCredence(ctx, claim, { value: input.value });
    if (input.resolveBy) await setResolveBy(ctx, claim, input.resolveBy.at, input.resolveBy.zone);
    return { claim, credence };
  });
}

/** What a person chooses for themselves: their time zone (`null` clears it) and private nudges. */
export async function setPersonSettings(ctx: Ctx, change: { timeZone?: string | null; nudges?: boolean }): Promise<void> {
  const at = nowIso(ctx);
  await ctx.services.store.transaction(async (tx) => {
    await tx.forecasts.putPerson(ctx.workspace, ctx.actor.id, change, at);
    await tx.audit.record({ workspace: ctx.workspace, actorId: ctx.actor.id, action: 'config.person', entity: 'config', after: change, at });
  });
}

/** The workspace's default time zone (moderators only; the command declares it). */
export async function setDefaultTimeZone(ctx: Ctx, zone: string | null): Promise<void> {
  const at = nowIso(ctx);
  await ctx.services.store.transaction(async (tx) => {
    if (zone) await tx.settings.put(ctx.workspace, 'timezone', zone, ctx.actor, at);
    else await tx.settings.remove(ctx.workspace, 'timezone');
    await tx.audit.record({ workspace: ctx.workspace, actorId: ctx.actor.id, action: 'config.timezone', entity: 'config', after: zone, at });
  });
}

/** Puts off a claim's next resolve-by reminder until `until` (its author or a moderator). */
export async function snoozeReminder(ctx: Ctx, claim: Claim, until: Date): Promise<void> {
  assertCanModifyClaim(ctx.actor, claim, 'snooze the reminder of');
  const now = nowIso(ctx);
  await ctx.services.store.transaction(async (tx) => {
    const due = await tx.forecasts.resolveBy(ctx.workspace, claim.id);
    if (!due) {
      throw new UserError(md`${claimRef(claim)} has no resolve-by date, so there is no reminder to snooze. Set one: \`/claim resolve-by ${claimRef(claim)} "in 2 weeks"\`.`, 'remind.no-date');
    }
    await tx.forecasts.setReminder(ctx.workspace, claim.id, until.toISOString());
    await tx.audit.record({ workspace: ctx.workspace, actorId: ctx.actor.id, action: 'claim.snooze', entity: claimRef(claim), after: { until: until.toISOString() }, at: now });
  });
}
