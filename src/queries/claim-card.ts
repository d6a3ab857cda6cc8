import type { Claim, EarlierText } from '../domain/claims.ts';
import type { Debate } from '../domain/debates.ts';
import type { ResolveBy } from '../domain/forecasts.ts';
import { CARD_LINKS_SHOWN, type Link } from '../domain/links.ts';
import type { SimRun } from '../domain/sim-runs.ts';
import type { Reader } from '../storage/ports.ts';
import { teamCredence, type TeamCredence } from './credences.ts';

/** A link on the card, with the text of the claim at its other end. */
export interface CardLink {
  readonly link: Link;
  readonly otherText: string;
}

/** Everything the claim card shows, read in one place. */
export interface ClaimCardData {
  readonly claim: Claim;
  readonly debate?: Debate;
  readonly outgoing: readonly CardLink[];
  readonly incoming: readonly CardLink[];
  readonly team: TeamCredence;
  /** Drift runs attached to the claim as evidence, oldest first. */
  readonly runs: readonly SimRun[];
  /** When it should be resolved, if anyone said. */
  readonly resolveBy?: ResolveBy;
  /** The texts it had before its edits, oldest first. */
  readonly earlierTexts: readonly EarlierText[];
  /** Of the people's latest plain credences, how many were given before the last edit (to an earlier text). */
  readonly givenToEarlier?: { readonly before: number; readonly total: number };
}

export async function claimCardData(
  store: Pick<Reader, 'claims' | 'debates' | 'links' | 'credences' | 'polls' | 'simRuns' | 'forecasts'>,
  workspace: string,
  claim: Claim,
): Promise<ClaimCardData> {
  const textOf = async (id: number) => (await store.claims.byId(workspace, id))?.text ?? '';
  const withText = async (links: readonly Link[], end: (l: Link) => number): Promise<CardLink[]> =>
    await Promise.all(links.map(async (link, i) => ({ link, otherText: i < CARD_LINKS_SHOWN ? await textOf(end(link)) : '' })));
  const debate = await store.debates.byId(workspace, claim.debateId);
  const resolveBy = await store.forecasts.resolveBy(workspace, claim.id);
  const earlierTexts = await store.claims.earlierTexts(workspace, claim.id);
  const lastEdit = earlierTexts.at(-1)?.replacedAt;
  const plain = lastEdit ? (await store.credences.latestForClaim(workspace, claim.id)).filter((c) => !c.given) : [];
  const givenToEarlier = lastEdit ? { before: plain.filter((c) => c.at < lastEdit).length, total: plain.length } : undefined;
  return {
    claim,
    ...(debate ? { debate } : {}),
    ...(resolveBy ? { resolveBy } : {}),
    outgoing: await withText(await store.links.outgoing(workspace, claim.id), (l) => l.toClaimId),
    incoming: await withText(await store.links.incoming(workspace, claim.id), (l) => l.fromClaimId),
    team: await teamCredence(store, workspace, claim.id),
    runs: await store.simRuns.forClaim(workspace, claim.id),
    earlierTexts,
    ...(givenToEarlier ? { givenToEarlier } : {}),
  };
}
