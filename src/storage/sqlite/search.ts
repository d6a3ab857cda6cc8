import type { Claim } from '../../domain/claims.ts';
import type { SearchStore } from '../ports.ts';
import type { Db } from './database.ts';
import { SELECT } from './claims.ts';
import { numberPrefixRanges, searchWords, toClaim, type ClaimRow } from '../rows.ts';

interface SearchParams {
  workspace: string;
  query: string;
  debate: number | null;
  limit: number;
}

/** Claim search with SQLite's FTS5 index (`claims_fts`, kept in step with `claims` by triggers). */
export class ClaimSearch implements SearchStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      search: db.prepare<[SearchParams], ClaimRow>(
        `${SELECT} JOIN claims_fts f ON f.rowid = c.id
         WHERE c.workspace = @workspace AND claims_fts MATCH @query AND (@debate IS NULL OR c.debate_id = @debate)
         ORDER BY f.rank, c.number DESC LIMIT @limit`,
      ),
      byNumberPrefix: db.prepare<[Omit<SearchParams, 'query'> & { lo: number; hi: number }], ClaimRow>(
        `${SELECT} WHERE c.workspace = @workspace AND c.number BETWEEN @lo AND @hi
           AND (@debate IS NULL OR c.debate_id = @debate)
         ORDER BY c.number LIMIT @limit`,
      ),
    };
  }

  /**
   * Claims whose text matches the words of `query` (prefix match on the last word, as people type), best
   * first. A query like `C1` or `12` also finds claims by number.
   */
  async claims(workspace: string, query: string, options: { debateId?: number; limit: number }): Promise<Claim[]> {
    const debate = options.debateId ?? null;
    const results: Claim[] = [];
    const seen = new Set<number>();
    const add = (rows: ClaimRow[]) => {
      for (const row of rows) {
        if (!seen.has(row.id) && results.length < options.limit) {
          seen.add(row.id);
          results.push(toClaim(row));
        }
      }
    };
    const number = /^\s*[cC#]?(\d{1,9})\s*$/.exec(query);
    for (const [lo, hi] of number ? numberPrefixRanges(number[1]!) : []) {
      if (results.length >= options.limit) break;
      add(this.statements.byNumberPrefix.all({ workspace, lo, hi, debate, limit: options.limit - results.length }));
    }
    const match = ftsQuery(query);
    if (match && results.length < options.limit) add(this.statements.search.all({ workspace, query: match, debate, limit: options.limit }));
    return results;
  }
}

/**
 * Turns what someone typed into a safe FTS5 query: each word quoted (so FTS syntax in the input is just
 * text), all words required, the last one as a prefix.
 */
export function ftsQuery(input: string): string | undefined {
  const words = searchWords(input);
  if (words.length === 0) return undefined;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}
