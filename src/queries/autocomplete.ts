import type { BaseContext } from '../core/context.ts';
import type { AutocompleteSource } from '../core/options.ts';
import { clipText, formatClaimId, withoutInvisible } from '../core/values.ts';

export interface Suggestion {
  /** What the person sees (Discord caps it at 100 characters). */
  readonly name: string;
  /** What the option receives. */
  readonly value: string;
}

export const SUGGESTIONS_MAX = 25;

/** How many of the newest matches of typed words are ranked for suggestions, in each part of the search. */
export const SEARCH_CANDIDATES = 200;

/**
 * Suggestions for a claim, debate or tag option as someone types: `C1` matches claims by number, words
 * match claim text, best first; claims in the channel's current debate come first. At most 25.
 */
export async function suggest(
  ctx: Pick<BaseContext, 'services' | 'workspace' | 'channel'>,
  source: AutocompleteSource,
  typed: string,
): Promise<Suggestion[]> {
  const { store } = ctx.services;
  const query = typed.trim().slice(0, 100);
  switch (source) {
    case 'claim': {
      // `C` alone is the start of an id, not a word: the same list as an empty box.
      if (/^[cC]$/.test(query)) return await suggest(ctx, source, '');
      const current = await store.debates.currentFor(ctx.workspace, ctx.channel.id);
      // One search: the current debate's matches first, then the rest of the workspace's, each part
      // ranking only its newest matches (a word may match most of a 100k-claim debate).
      const found = query
        ? await store.search.claims(ctx.workspace, query, {
            ...(current ? { firstIn: current.id } : {}),
            limit: SUGGESTIONS_MAX,
            candidates: SEARCH_CANDIDATES,
          })
        : current
          ? (await store.claims.list(ctx.workspace, { debateId: current.id, limit: SUGGESTIONS_MAX })).claims
          : await store.claims.recent(ctx.workspace, SUGGESTIONS_MAX);
      const seen = new Set<number>();
      return found
        .filter((c) => !seen.has(c.id) && seen.add(c.id))
        .slice(0, SUGGESTIONS_MAX)
        .map((c) => ({ name: clip(`${formatClaimId(c.number)} · ${c.text.replace(/\s+/g, ' ')}`, 100), value: formatClaimId(c.number) }));
    }
    case 'debate': {
      const q = query.toLowerCase();
      return (await store.debates.list(ctx.workspace))
        .filter((d) => !q || d.slug.includes(q) || d.title.toLowerCase().includes(q))
        .sort((a, b) => Number(!a.slug.startsWith(q)) - Number(!b.slug.startsWith(q)))
        .slice(0, SUGGESTIONS_MAX)
        .map((d) => ({ name: clip(`${d.slug} · ${d.title}`, 100), value: d.slug }));
    }
    case 'tag': {
      const last =
        query
          .split(/[\s,]+/)
          .pop()
          ?.replace(/^#/, '')
          .toLowerCase() ?? '';
      // The tags typed before this one come back with the suggestion, so they are cleaned like any shown text.
      const before = withoutInvisible(query.slice(0, query.length - last.length));
      const rows = await store.claims.tagCounts(ctx.workspace, last, SUGGESTIONS_MAX);
      return rows.map((r) => ({ name: clip(`${before}${r.tag} (${r.n})`, 100), value: clip(`${before}${r.tag}`, 100) }));
    }
  }
}

function clip(value: string, max: number): string {
  return value.length > max ? `${clipText(value, max - 1)}…` : value;
}
