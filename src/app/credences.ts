import type { BaseContext } from '../core/context.ts';
import { UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import { claimRef, type Claim } from '../domain/claims.ts';
import type { Credence } from '../domain/credences/credence.ts';
import { nowIso } from './lookup.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

export interface CredenceInput {
  readonly value: number;
  /** A conditional credence: given `claim` is true (or false). */
  readonly given?: { readonly claim: Claim; readonly isTrue: boolean };
  /** Set when the credence came from a poll's buttons. */
  readonly pollId?: number;
}

export interface RecordedCredence {
  readonly credence: Credence;
  /** What this person said before, under the same condition. */
  readonly previous?: Credence;
  /** False when the value was the same as before: nothing new is stored. */
  readonly changed: boolean;
}

/** Credences are taken on open claims only; a UserError says why not and what to do. */
export function assertTakesCredences(claim: Claim): void {
  if (claim.status === 'retracted') {
    throw new UserError(md`${claimRef(claim)} is retracted, so it takes no credences.`, 'credence.retracted');
  }
  if (claim.status !== 'open') {
    const outcome = claim.status.replace('resolved-', '');
    throw new UserError(
      md`${claimRef(claim)} is resolved (${outcome}), so credences on it are closed. Its author or a moderator can reopen it with \`/claim resolve ${claimRef(claim)} undo\`.`,
      'credence.resolved',
    );
  }
}

/** `C3`, `C3|C5`, `C3|!C5`: the entity of a credence's audit row. */
const entity = (claim: Claim, given?: CredenceInput['given']) =>
  given ? `${claimRef(claim)}|${given.isTrue ? '' : '!'}${claimRef(given.claim)}` : claimRef(claim);

/**
 * Appends the actor's credence to the claim's history, with its audit row. The same value as last time
 * is not stored again. Refuses a closed claim, a condition on the claim itself or on a retracted claim.
 */
export async function recordCredence(ctx: Ctx, claim: Claim, input: CredenceInput): Promise<RecordedCredence> {
  assertTakesCredences(claim);
  const { given } = input;
  if (given) {
    if (given.claim.id === claim.id) {
      throw new UserError(
        md`A credence in ${claimRef(claim)} cannot be conditional on ${claimRef(claim)} itself; pick another claim for \`given:\`.`,
        'credence.self-condition',
      );
    }
    if (given.claim.status === 'retracted') {
      throw new UserError(md`${claimRef(given.claim)} is retracted; condition on another claim.`, 'credence.retracted-condition');
    }
  }
  const { store } = ctx.services;
  const condition = given ? { claimId: given.claim.id, isTrue: given.isTrue } : undefined;
  const at = nowIso(ctx);
  // Read, compare and write in one transaction: a change made meanwhile (the claim resolved, another
  // credence of this person from a second instance) is seen before this one is written.
  return await store.transaction(async (tx): Promise<RecordedCredence> => {
    assertTakesCredences((await tx.claims.byId(ctx.workspace, claim.id)) ?? claim);
    const poll = await tx.polls.latestForClaim(ctx.workspace, claim.id);
    if (poll?.kind === 'choice') {
      throw new UserError(
        md`${claimRef(claim)} is the question of multiple-choice poll P${poll.id}: give a credence per option, e.g. \`/poll vote P${poll.id} A:60 B:40\`.`,
        'credence.choice-question',
      );
    }
    const previous = await tx.credences.latestOf(ctx.workspace, ctx.actor.id, claim.id, condition);
    if (previous && previous.value === input.value) return { credence: previous, previous, changed: false };
    const inserted = await tx.credences.insert({
      workspace: ctx.workspace,
      claimId: claim.id,
      userId: ctx.actor.id,
      userName: ctx.actor.name,
      value: input.value,
      ...(condition ? { given: condition } : {}),
      ...(input.pollId !== undefined ? { pollId: input.pollId } : {}),
      at,
    });
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'credence.record',
      entity: entity(claim, given),
      ...(previous ? { before: { value: previous.value } } : {}),
      after: { value: input.value, ...(input.pollId !== undefined ? { poll: input.pollId } : {}) },
      at,
    });
    return { credence: inserted, ...(previous ? { previous } : {}), changed: true };
  });
}
