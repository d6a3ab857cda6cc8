import { joinMarkup, md, type Markup } from '../core/markup.ts';
import { context, fields, table, text, type Block, type Field } from '../core/reply.ts';
import { claimRef } from '../domain/claims.ts';
import type { OpinionGroupsResult } from '../domain/credences/opinion-groups.ts';
import type { VoteCounts } from '../domain/credences/statement-stats.ts';
import type { DebateMatrix } from '../queries/opinion-groups.ts';
import { shortText } from '../core/values.ts';
import type { MapAxes } from '../render/opinion-map.ts';

export const groupLabel = (id: number): string => String.fromCharCode(65 + id);

const share = (c: VoteCounts) => (c.seen ? `${Math.round((100 * c.agree) / c.seen)}%` : '—');
const NAMES_SHOWN = 8;
const REPRESENTATIVE_SHOWN = 3;

export function separation(silhouette: number): string {
  return silhouette >= 0.5 ? 'clear' : silhouette >= 0.25 ? 'moderate' : 'weak';
}

/** Claims named per direction of an axis. */
const AXIS_CLAIMS = 2;

/**
 * What the opinion map's axes mean: for each principal component, the claims that load most on it.
 * A person further right (or up) gave more credence than average to the claims with a positive
 * loading, and less to those with a negative one. An axis no claim loads on is left unexplained.
 */
export function opinionMapAxes(data: DebateMatrix, result: Extract<OpinionGroupsResult, { kind: 'groups' }>): MapAxes {
  const describe = (component: Float64Array | undefined, toward: string): string | undefined => {
    if (!component) return undefined;
    const ranked = [...component]
      .map((loading, j) => ({ loading, j }))
      .filter((l) => Math.abs(l.loading) > 1e-6)
      .sort((a, b) => Math.abs(b.loading) - Math.abs(a.loading))
      .slice(0, AXIS_CLAIMS);
    if (ranked.length === 0) return undefined;
    const name = (j: number, withText: boolean) =>
      `${claimRef(data.claims[j]!)}${withText ? ` “${shortText(data.claims[j]!.text, 36)}”` : ''}`;
    const more = ranked.filter((l) => l.loading > 0);
    const less = ranked.filter((l) => l.loading < 0);
    const parts = [
      more.length ? `more credence in ${more.map((l) => name(l.j, l === ranked[0])).join(', ')}` : '',
      less.length ? `less in ${less.map((l) => name(l.j, l === ranked[0])).join(', ')}` : '',
    ].filter(Boolean);
    return `${toward}: ${parts.join('; ')}`;
  };
  const x = describe(result.pca.components[0], 'right');
  const y = describe(result.pca.components[1], 'up');
  return { ...(x ? { x } : {}), ...(y ? { y } : {}) };
}

/** The /groups answer: each group with its people and what sets it apart; common ground; what divides. */
export function opinionGroupBlocks(data: DebateMatrix, result: Extract<OpinionGroupsResult, { kind: 'groups' }>): Block[] {
  const ref = (j: number) => claimRef(data.claims[j]!);
  const clustered = result.groups.reduce((n, g) => n + g.members.length, 0);
  const items: Field[] = result.groups.map((group) => {
    const names = group.members.map((i) => data.people[i]!.name);
    const who =
      names.length > NAMES_SHOWN ? `${names.slice(0, NAMES_SHOWN).join(', ')} and ${names.length - NAMES_SHOWN} more` : names.join(', ');
    const lines: Markup[] = group.representative.slice(0, REPRESENTATIVE_SHOWN).map((r) => {
      const mine = r.side === 'agree' ? r.counts.agree : r.counts.disagree;
      const theirs = r.side === 'agree' ? r.othersCounts.agree : r.othersCounts.disagree;
      return md`${r.side === 'agree' ? 'likely' : 'unlikely'}: **${ref(r.statement)}** ${shortText(data.claims[r.statement]!.text, 60)} (${mine} of ${r.counts.seen}; others ${theirs} of ${r.othersCounts.seen})`;
    });
    return {
      name: `Group ${groupLabel(group.id)} · ${group.members.length} · ${shortText(who, 80)}`,
      value: lines.length ? joinMarkup(lines) : md`_no claim sets it apart_`,
    };
  });
  const common = result.consensus
    .slice(0, 3)
    .map(
      (s) =>
        md`**${ref(s.statement)}** ${s.side === 'agree' ? 'likely' : 'unlikely'} for every group: ${shortText(data.claims[s.statement]!.text, 60)}`,
    );
  items.push({ name: 'Common ground', value: common.length ? joinMarkup(common) : md`_no claim every group leans the same way on_` });

  const blocks: Block[] = [
    text(
      md`**${result.groups.length} groups** among ${clustered} people over ${data.claims.length} claims · ${separation(result.silhouette)} separation (silhouette ${result.silhouette.toFixed(2)}).`,
    ),
    fields(items),
  ];
  if (result.divisive.length) {
    blocks.push(
      text(md`**What divides them** (share of each group who find it likely):`),
      table(
        ['claim', ...result.groups.map((g) => groupLabel(g.id)), 'text'],
        result.divisive.slice(0, 5).map((s) => [ref(s.statement), ...s.perGroup.map(share), shortText(data.claims[s.statement]!.text, 50)]),
        ['left', ...result.groups.map(() => 'right' as const), 'left'],
      ),
    );
  }
  const left = data.people.length - clustered;
  blocks.push(
    context(
      md`Polis’s method: credences as 2p − 1, two principal components, k-means with k by silhouette. Representative claims set a group apart from the rest; divisive ones have the lowest group-aware consensus.${
        left > 0 ? md` ${left} ${left === 1 ? 'person' : 'people'} rated too few claims to place.` : ''
      }`,
    ),
  );
  return blocks;
}
