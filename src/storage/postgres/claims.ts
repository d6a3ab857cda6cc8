import { sql, type RawBuilder } from 'kysely';
import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import { formatClaimId } from '../../core/values.ts';
import type { Claim, ClaimFilter, ClaimStatus, EarlierText, NewClaim } from '../../domain/claims.ts';
import type { ClaimSearchOptions, ClaimStore, SearchStore } from '../ports.ts';
import { numberPrefixRanges, rankCandidates, searchParts, searchWords, toClaim, type ClaimRow } from '../rows.ts';
import { Counters } from './counters.ts';
import type { Runner } from './exec.ts';

export type Atomically = <T>(fn: () => Promise<T>) => Promise<T>;

/** A claim's columns (not the search vector) and its tags, space-separated in order, as SQLite gives them. */
export const CLAIM = sql`c.id, c.workspace, c.number, c.debate_id, c.text, c.author_id, c.author_name, c.source_url, c.source_excerpt,
  c.source_author, c.status, c.created_at, c.updated_at,
  (SELECT string_agg(t.tag, ' ' ORDER BY t.tag COLLATE "C") FROM claim_tags t WHERE t.claim_id = c.id) AS tags`;

const select = (rest: RawBuilder<unknown>) => sql<ClaimRow>`SELECT ${CLAIM} FROM claims c ${rest}`;

/** Claims and their tags, on PostgreSQL. */
export class PgClaims implements ClaimStore {
  private readonly counters: Counters;

  constructor(
    private readonly sql: Runner,
    private readonly atomically: Atomically,
  ) {
    this.counters = new Counters(sql);
  }

  async insert(claim: NewClaim): Promise<Claim> {
    return await this.atomically(async () => {
      const number = claim.number ?? (await this.counters.next(claim.workspace, 'claim'));
      if (claim.number !== undefined) await this.counters.atLeast(claim.workspace, 'claim', claim.number);
      const row = await this.sql.one<{ id: number }>(sql`
        INSERT INTO claims (workspace, number, debate_id, text, author_id, author_name, source_url, source_excerpt, source_author, status, created_at, updated_at)
        VALUES (${claim.workspace}, ${number}, ${claim.debateId}, ${claim.text}, ${claim.authorId}, ${claim.authorName},
          ${claim.source?.url ?? null}, ${claim.source?.excerpt ?? null}, ${claim.source?.author ?? null}, ${claim.status ?? 'open'},
          ${claim.at}, ${claim.updatedAt ?? claim.at})
        RETURNING id`);
      await this.insertTags(row!.id, claim.tags);
      return (await this.byId(claim.workspace, row!.id))!;
    });
  }

  private async insertTags(id: number, tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    await this.sql.run(sql`
      INSERT INTO claim_tags (claim_id, tag) SELECT ${id}, tag FROM unnest(${[...tags]}::text[]) AS tag ON CONFLICT DO NOTHING`);
  }

  async byNumber(workspace: string, number: number): Promise<Claim | undefined> {
    const row = await this.sql.one(select(sql`WHERE c.workspace = ${workspace} AND c.number = ${number}`));
    return row && toClaim(row);
  }

  async byId(workspace: string, id: number): Promise<Claim | undefined> {
    const row = await this.sql.one(select(sql`WHERE c.workspace = ${workspace} AND c.id = ${id}`));
    return row && toClaim(row);
  }

  async require(workspace: string, number: number): Promise<Claim> {
    const claim = await this.byNumber(workspace, number);
    if (!claim)
      throw new UserError(
        md`There is no claim ${formatClaimId(number)} here. Find claims with \`/claim list\` or \`/claim search\`.`,
        'claim.not-found',
      );
    return claim;
  }

  async setText(workspace: string, id: number, text: string, at: string, by = ''): Promise<void> {
    await this.atomically(async () => {
      // The row is locked before its old text is read, so two edits at once keep both earlier texts in order.
      const old = await this.sql.one<{ text: string }>(
        sql`SELECT text FROM claims WHERE workspace = ${workspace} AND id = ${id} FOR UPDATE`,
      );
      if (old && old.text !== text)
        await this.sql.run(sql`
          INSERT INTO claim_texts (workspace, claim_id, text, replaced_at, replaced_by) VALUES (${workspace}, ${id}, ${old.text}, ${at}, ${by})`);
      await this.sql.run(sql`UPDATE claims SET text = ${text}, updated_at = ${at} WHERE workspace = ${workspace} AND id = ${id}`);
    });
  }

  async earlierTexts(workspace: string, id: number): Promise<EarlierText[]> {
    const rows = await this.sql.rows(sql<{ text: string; replaced_at: string; replaced_by: string }>`
      SELECT text, replaced_at, replaced_by FROM claim_texts WHERE workspace = ${workspace} AND claim_id = ${id} ORDER BY id`);
    return rows.map((r) => ({ text: r.text, replacedAt: r.replaced_at, replacedBy: r.replaced_by }));
  }

  async editedInDebate(workspace: string, debateId: number): Promise<number[]> {
    const rows = await this.sql.rows(sql<{ id: number }>`
      SELECT c.id FROM claims c WHERE c.workspace = ${workspace} AND c.debate_id = ${debateId}
        AND EXISTS (SELECT 1 FROM claim_texts t WHERE t.claim_id = c.id) ORDER BY c.id`);
    return rows.map((r) => Number(r.id));
  }

  async setTags(id: number, tags: readonly string[]): Promise<void> {
    await this.atomically(async () => {
      await this.sql.run(sql`DELETE FROM claim_tags WHERE claim_id = ${id}`);
      await this.insertTags(id, tags);
    });
  }

  async setStatus(workspace: string, id: number, status: ClaimStatus, at: string): Promise<void> {
    await this.sql.run(sql`UPDATE claims SET status = ${status}, updated_at = ${at} WHERE workspace = ${workspace} AND id = ${id}`);
  }

  async countInDebate(debateId: number): Promise<number> {
    return (await this.sql.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM claims WHERE debate_id = ${debateId}`))!.n;
  }

  async byIds(workspace: string, ids: readonly number[]): Promise<Claim[]> {
    if (ids.length === 0) return [];
    return (await this.sql.rows(select(sql`WHERE c.workspace = ${workspace} AND c.id = ANY(${[...ids]}::int[]) ORDER BY c.number`))).map(
      toClaim,
    );
  }

  async inDebate(debateId: number): Promise<Claim[]> {
    return (await this.sql.rows(select(sql`WHERE c.debate_id = ${debateId} ORDER BY c.number`))).map(toClaim);
  }

  async list(workspace: string, filter: ClaimFilter): Promise<{ claims: Claim[]; total: number }> {
    const where = [sql`c.workspace = ${workspace}`];
    if (filter.debateId !== undefined) where.push(sql`c.debate_id = ${filter.debateId}`);
    if (filter.status !== undefined) where.push(sql`c.status = ${filter.status}`);
    if (filter.authorId !== undefined) where.push(sql`c.author_id = ${filter.authorId}`);
    if (filter.tag !== undefined) where.push(sql`EXISTS (SELECT 1 FROM claim_tags t WHERE t.claim_id = c.id AND t.tag = ${filter.tag})`);
    const clause = sql.join(where, sql` AND `);
    const total = (await this.sql.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM claims c WHERE ${clause}`))!.n;
    const rows = await this.sql.rows(select(sql`WHERE ${clause} ORDER BY c.number LIMIT ${filter.limit} OFFSET ${filter.offset ?? 0}`));
    return { claims: rows.map(toClaim), total };
  }

  async tagCounts(workspace: string, prefix: string, limit: number): Promise<{ tag: string; n: number }[]> {
    return await this.sql.rows<{ tag: string; n: number }>(sql`
      SELECT t.tag, count(*)::int AS n FROM claim_tags t JOIN claims c ON c.id = t.claim_id
      WHERE c.workspace = ${workspace} AND left(t.tag, length(${prefix})) = ${prefix}
      GROUP BY t.tag ORDER BY n DESC, t.tag COLLATE "C" LIMIT ${limit}`);
  }

  async recent(workspace: string, limit: number): Promise<Claim[]> {
    return (await this.sql.rows(select(sql`WHERE c.workspace = ${workspace} ORDER BY c.number DESC LIMIT ${limit}`))).map(toClaim);
  }
}

/**
 * Claim search with PostgreSQL's own full text: the `search` tsvector (generated from the text, GIN
 * indexed), every word required and the last one a prefix, as people type; best ranked first.
 */
export class PgSearch implements SearchStore {
  constructor(private readonly sql: Runner) {}

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
    const match = tsQuery(query);
    for (const scope of searchParts(options)) {
      const where =
        scope.kind === 'all'
          ? sql``
          : scope.kind === 'in'
            ? sql`AND c.debate_id = ${scope.debateId}`
            : sql`AND c.debate_id <> ${scope.debateId}`;
      // Ranges of numbers on the (workspace, number) index, shorter numbers first: never a cast of every number.
      for (const [lo, hi] of number ? numberPrefixRanges(number[1]!) : []) {
        if (results.length >= options.limit) break;
        add(
          await this.sql.rows(
            select(sql`WHERE c.workspace = ${workspace} AND c.number BETWEEN ${lo} AND ${hi} ${where}
              ORDER BY c.number LIMIT ${options.limit - results.length}`),
          ),
        );
      }
      if (!match || results.length >= options.limit) continue;
      if (options.candidates === undefined) {
        add(
          await this.sql.rows(
            select(sql`WHERE c.workspace = ${workspace} AND c.search @@ to_tsquery('simple', ${match}) ${where}
              ORDER BY ts_rank(c.search, to_tsquery('simple', ${match})) DESC, c.number DESC LIMIT ${options.limit}`),
          ),
        );
      } else {
        // The newest matches only, ranked as SQLite ranks them (`rankCandidates`): a bounded read, whatever
        // share of a big debate the words match.
        const candidates = Math.max(options.candidates, options.limit);
        const rows = await this.sql.rows(
          select(sql`JOIN (SELECT c.id FROM claims c WHERE c.workspace = ${workspace} AND c.search @@ to_tsquery('simple', ${match}) ${where}
              ORDER BY c.number DESC LIMIT ${candidates}) m ON m.id = c.id`),
        );
        add(rankCandidates(rows, query));
      }
    }
    return results;
  }
}

/**
 * What someone typed as a safe tsquery: letters and digits only (so tsquery syntax in the input is just
 * text), every word required, the last one as a prefix.
 */
export function tsQuery(input: string): string | undefined {
  const words = searchWords(input);
  if (words.length === 0) return undefined;
  return words.map((w, i) => `'${w}'${i === words.length - 1 ? ':*' : ''}`).join(' & ');
}
