import type { BaseContext } from '../core/context.ts';
import { joinMarkup, md, type Markup } from '../core/markup.ts';
import type { Field, ModalInput } from '../core/reply.ts';
import { claimRef, type Claim } from '../domain/claims.ts';
import { aggregate, HISTOGRAM_BINS, type Aggregate } from '../domain/credences/aggregate.ts';
import { formatPercent } from '../domain/credences/parse-credence.ts';
import type { Poll } from '../domain/polls.ts';
import type { Store } from '../storage/ports.ts';

/** Whether the team's aggregate on a claim may be shown, given its open poll's hide mode. */
export type Visibility = { readonly shown: true } | { readonly shown: false; readonly poll: Poll };

/**
 * A poll with `until-close` hides the aggregate from everyone until it closes; `until-voted` shows it
 * only privately, to someone who has given a credence (`viewerId`). Public messages pass no viewer.
 */
export async function aggregateVisibility(store: Store, workspace: string, claimId: number, viewerId?: string): Promise<Visibility> {
  const poll = await store.polls.openForClaim(workspace, claimId);
  if (!poll || poll.hide === 'visible') return { shown: true };
  if (poll.hide === 'until-voted' && viewerId !== undefined && (await store.credences.latestOf(workspace, viewerId, claimId))) {
    return { shown: true };
  }
  return { shown: false, poll };
}

/** The claim's aggregate from everyone's latest plain credence. */
export async function claimAggregate(store: Store, workspace: string, claimId: number): Promise<Aggregate | undefined> {
  return aggregate((await store.credences.latestUnconditional(workspace, claimId)).map((c) => c.value));
}

export const people = (n: number): string => `${n} ${n === 1 ? 'person' : 'people'}`;

/** `IQR 55–80%`. */
export const spreadText = (a: Aggregate): string => `IQR ${formatPercent(a.q1).replace('%', '')}–${formatPercent(a.q3)}`;

/** One line: `**68%** team forecast · median 70% · IQR 55–80% · 6 people` (no spread for one person). */
export function aggregateLine(a: Aggregate): Markup {
  const spread = a.people > 1 ? ` · ${spreadText(a)}` : '';
  return md`**${formatPercent(a.geoMeanOdds)}** team forecast · median ${formatPercent(a.median)}${spread} · ${people(a.people)}`;
}

/** `68% · 6 people`: for the map's outline and other tight places. */
export function shortAggregate(a: Aggregate): string {
  return `${formatPercent(a.geoMeanOdds)} · ${people(a.people)}`;
}

export function aggregateFields(a: Aggregate): Field[] {
  return [
    { name: 'Team forecast', value: md`**${formatPercent(a.geoMeanOdds)}**`, inline: true },
    { name: 'Median', value: formatPercent(a.median), inline: true },
    { name: 'People', value: String(a.people), inline: true },
    { name: 'Spread', value: `${spreadText(a)} · SD ${a.sdLogOdds.toFixed(2)} log-odds`, inline: true },
  ];
}

const BIN_LABELS = Array.from({ length: HISTOGRAM_BINS }, (_, i) => `${(i * 100) / HISTOGRAM_BINS}–${((i + 1) * 100) / HISTOGRAM_BINS}%`);
const BAR_WIDTH = 16;

/** A small text histogram, one line per 20 points. */
export function histogramText(a: Aggregate): string {
  const max = Math.max(1, ...a.histogram);
  const labelWidth = Math.max(...BIN_LABELS.map((l) => l.length));
  return a.histogram
    .map((count, i) => {
      const bar = count === 0 ? '' : '█'.repeat(Math.max(1, Math.round((count / max) * BAR_WIDTH)));
      return `${BIN_LABELS[i]!.padStart(labelWidth)} │${bar}${count ? ` ${count}` : ''}`;
    })
    .join('\n');
}

/** The claim card's line about credences, respecting a hidden poll. */
export async function teamCredenceField(ctx: Pick<BaseContext, 'services' | 'workspace'>, claim: Claim): Promise<Field> {
  const { store } = ctx.services;
  const values = (await store.credences.latestUnconditional(ctx.workspace, claim.id)).map((c) => c.value);
  const visibility = await aggregateVisibility(store, ctx.workspace, claim.id);
  const a = aggregate(values);
  if (!a) return { name: 'Team credence', value: md`none yet · \`/credence C${claim.number} 70\`` };
  if (!visibility.shown) return { name: 'Team credence', value: md`${people(a.people)} · ${hiddenNote(visibility.poll)}` };
  return { name: 'Team credence', value: aggregateLine(a) };
}

/** Why a result is not shown: `hidden until the poll closes`, or shown only to voters, privately. */
export const hiddenNote = (poll: Poll): string =>
  poll.hide === 'until-close' ? 'hidden until the poll closes' : 'shown only to people who have voted, privately';

/** Public replies built from many claims (/groups) leave out those whose open poll hides the results. */
export async function partitionHidden(
  store: Store,
  workspace: string,
  claims: readonly Claim[],
): Promise<{ shown: Claim[]; hidden: Claim[] }> {
  const shown: Claim[] = [];
  const hidden: Claim[] = [];
  for (const claim of claims) ((await aggregateVisibility(store, workspace, claim.id)).shown ? shown : hidden).push(claim);
  return { shown, hidden };
}

/** `Left out: C4, C6 (an open poll hides the team's results on them until it closes).` */
export function leftOutNote(hidden: readonly Claim[]): Markup | undefined {
  if (hidden.length === 0) return undefined;
  const refs = joinMarkup(
    hidden.map((c) => md`${claimRef(c)}`),
    ', ',
  );
  return md`Left out: ${refs} (an open poll hides the team's results on ${hidden.length === 1 ? 'it' : 'them'} until it closes).`;
}

/**
 * The team's aggregate for each claim of a debate, by claim row id, for the map (the outline's
 * `annotate` and node colours). Claims whose open poll hides results are left out, as are claims
 * nobody rated.
 */
export async function aggregatesForDebate(store: Store, workspace: string, debateId: number): Promise<Map<number, Aggregate>> {
  const byClaim = new Map<number, number[]>();
  for (const c of await store.credences.latestUnconditionalInDebate(workspace, debateId)) {
    byClaim.set(c.claimId, [...(byClaim.get(c.claimId) ?? []), c.value]);
  }
  const out = new Map<number, Aggregate>();
  for (const [claimId, values] of byClaim) {
    if ((await aggregateVisibility(store, workspace, claimId)).shown) out.set(claimId, aggregate(values)!);
  }
  return out;
}

/**
 * A ready `annotate` for `renderOutline`: `68% · 6 people` beside each rated claim, `6 people, hidden`
 * when a poll hides the result.
 */
export async function credenceAnnotator(store: Store, workspace: string, debateId: number): Promise<(claim: Claim) => string | undefined> {
  const shown = await aggregatesForDebate(store, workspace, debateId);
  const raters = new Map<number, number>();
  for (const c of await store.credences.latestUnconditionalInDebate(workspace, debateId))
    raters.set(c.claimId, (raters.get(c.claimId) ?? 0) + 1);
  return (claim) => {
    const a = shown.get(claim.id);
    if (a) return shortAggregate(a);
    const n = raters.get(claim.id);
    return n ? `${people(n)}, hidden by a poll` : undefined;
  };
}

/** The form field for a credence, prefilled with the person's current value when they have one. */
export function credenceValueInput(current: number | undefined): ModalInput {
  return {
    id: 'value',
    label: 'How likely is it? 70%, 0.7 or 3:1',
    style: 'short',
    required: true,
    maxLength: 30,
    ...(current !== undefined ? { value: formatPercent(current) } : { placeholder: '70%' }),
  };
}
