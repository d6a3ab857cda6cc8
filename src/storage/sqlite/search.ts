import type { Claim } from '../../domain/claims.ts';
import type { ClaimSearchOptions, SearchStore } from '../ports.ts';
import type { Db } from './database.ts';
import { SELECT } from './claims.ts';
import { numberPrefixRanges, rankCandidates, searchParts, searchWords, toClaim, type ClaimRow, type SearchScope } from '../rows.ts';

interface SearchParams {
  workspace: string;
  query: string;
  debate: number | null;
  limit: number;
}

const SCOPE: Record<SearchScope['kind'], string> = {
  all: '@debate IS NULL',
  in: 'c.debate_id = @debate',
  outside: 'c.debate_id <> @debate',
};

/** Claim search with SQLite's FTS5 index (`claims_fts`, kept in step with `claims` by triggers). */
export class ClaimSearch implements SearchStore {
  private readonly statements;

  constructor(db: Db) {
    const each = <T>(make: (scope: string) => T) =>
      ({ all: make(SCOPE.all), in: make(SCOPE.in), outside: make(SCOPE.outside) }) satisfies Record<SearchScope['kind'], T>;
    this.statements = {
      // Every match ranked (BM25): `/claim search`.
      ranked: each((scope) =>
        db.prepare<[SearchParams], ClaimRow>(
          `${SELECT} JOIN claims_fts f ON f.rowid = c.id
           WHERE c.workspace = @workspace AND claims_fts MATCH @query AND ${scope}
           ORDER BY f.rank, c.number DESC LIMIT @limit`,
        ),
      ),
      // The newest `candidates` matches only (FTS5 walks its rowids backwards and stops), ranked by
      // `rankCandidates`: a word that matches a whole big debate costs a bounded read. (FTS5's own BM25
      // would count every match first, for the words' weights.)
      bounded: each((scope) =>
        db.prepare<[Omit<SearchParams, 'limit'> & { candidates: number }], ClaimRow>(
          `${SELECT} JOIN (
             SELECT f.rowid AS id FROM claims_fts f JOIN claims c ON c.id = f.rowid
             WHERE claims_fts MATCH @query AND c.workspace = @workspace AND ${scope}
             ORDER BY f.rowid DESC LIMIT @candidates
           ) m ON m.id = c.id`,
        ),
      ),
      byNumberPrefix: each((scope) =>
        db.prepare<[Omit<SearchParams, 'query'> & { lo: number; hi: number }], ClaimRow>(
          `${SELECT} WHERE c.workspace = @workspace AND c.number BETWEEN @lo AND @hi AND ${scope}
           ORDER BY c.number LIMIT @limit`,
        ),
      ),
    };
  }

  /**
   * Claims whose text matches the words of `query` (prefix match on the last word, as people type), best
   * first. A query like `C1` or `12` also finds claims by number.
   */
  async claims(workspace: string, query: string, options: ClaimSearchOptions): Promise<Claim[]> {
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
    const match = ftsQuery(query);
    for (const scope of searchParts(options)) {
      const debate = scope.kind === 'all' ? null : scope.debateId;
      for (const [lo, hi] of number ? numberPrefixRanges(number[1]!) : []) {
        if (results.length >= options.limit) break;
        add(this.statements.byNumberPrefix[scope.kind].all({ workspace, lo, hi, debate, limit: options.limit - results.length }));
      }
      if (!match || results.length >= options.limit) continue;
      add(
        options.candidates === undefined
          ? this.statements.ranked[scope.kind].all({ workspace, query: match, debate, limit: options.limit })
          : rankCandidates(
              this.statements.bounded[scope.kind].all({
                workspace,
                query: match,
                debate,
                candidates: Math.max(options.candidates, options.limit),
              }),
              query,
            ),
      );
    }
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
