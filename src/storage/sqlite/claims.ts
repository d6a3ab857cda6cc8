import { type ClaimRow, toClaim } from '../rows.ts';
import { Counters } from './counters.ts';
import type { ClaimFilter, NewClaim } from '../../domain/claims.ts';
import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import { formatClaimId } from '../../core/values.ts';
import type { Claim, ClaimStatus, EarlierText } from '../../domain/claims.ts';
import type { Db } from './database.ts';

export const SELECT = `
  SELECT c.*, (SELECT group_concat(tag, ' ') FROM (SELECT tag FROM claim_tags WHERE claim_id = c.id ORDER BY tag)) AS tags
  FROM claims c`;

/** Claims and their tags. Every method takes the workspace; none reads across workspaces. */
export class ClaimRepository {
  private readonly statements;
  /** Statements for the few filter combinations `list` builds, prepared once each. */
  private readonly cache = new Map<string, ReturnType<Db['prepare']>>();

  private prepared(sql: string): ReturnType<Db['prepare']> {
    let statement = this.cache.get(sql);
    if (!statement) this.cache.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  private readonly counters: Counters;
  private readonly insertAtomically: (claim: NewClaim) => Claim;

  constructor(private readonly db: Db) {
    this.counters = new Counters(db);
    this.insertAtomically = db.transaction((claim: NewClaim) => this.insertRow(claim)).immediate;
    this.statements = {
      insert: db.prepare(
        `INSERT INTO claims (workspace, number, debate_id, text, author_id, author_name, source_url, source_excerpt, source_author, status, created_at, updated_at)
         VALUES (@workspace, @number, @debateId, @text, @authorId, @authorName, @sourceUrl, @sourceExcerpt, @sourceAuthor, @status, @at, @updatedAt)`,
      ),
      insertTag: db.prepare('INSERT OR IGNORE INTO claim_tags (claim_id, tag) VALUES (?, ?)'),
      deleteTags: db.prepare('DELETE FROM claim_tags WHERE claim_id = ?'),
      byNumber: db.prepare<[string, number], ClaimRow>(`${SELECT} WHERE c.workspace = ? AND c.number = ?`),
      byId: db.prepare<[string, number], ClaimRow>(`${SELECT} WHERE c.workspace = ? AND c.id = ?`),
      setText: db.prepare('UPDATE claims SET text = ?, updated_at = ? WHERE workspace = ? AND id = ?'),
      keepText: db.prepare(
        `INSERT INTO claim_texts (workspace, claim_id, text, replaced_at, replaced_by)
         SELECT workspace, id, text, @at, @by FROM claims WHERE workspace = @workspace AND id = @id AND text <> @text`,
      ),
      earlierTexts: db.prepare<[string, number], { text: string; replaced_at: string; replaced_by: string }>(
        'SELECT text, replaced_at, replaced_by FROM claim_texts WHERE workspace = ? AND claim_id = ? ORDER BY id',
      ),
      editedInDebate: db.prepare<[string, number], { id: number }>(
        'SELECT c.id FROM claims c WHERE c.workspace = ? AND c.debate_id = ? AND EXISTS (SELECT 1 FROM claim_texts t WHERE t.claim_id = c.id) ORDER BY c.id',
      ),
      setStatus: db.prepare('UPDATE claims SET status = ?, updated_at = ? WHERE workspace = ? AND id = ?'),
      countByDebate: db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM claims WHERE debate_id = ?'),
      byIds: db.prepare<[string, string], ClaimRow>(
        `${SELECT} WHERE c.workspace = ? AND c.id IN (SELECT value FROM json_each(?)) ORDER BY c.number`,
      ),
      byDebate: db.prepare<[number], ClaimRow>(`${SELECT} WHERE c.debate_id = ? ORDER BY c.number`),
      tagCounts: db.prepare<[{ workspace: string; prefix: string; limit: number }], { tag: string; n: number }>(
        `SELECT t.tag, count(*) AS n FROM claim_tags t JOIN claims c ON c.id = t.claim_id
         WHERE c.workspace = @workspace AND substr(t.tag, 1, length(@prefix)) = @prefix GROUP BY t.tag ORDER BY n DESC, t.tag LIMIT @limit`,
      ),
      recent: db.prepare<[string, number], ClaimRow>(`${SELECT} WHERE c.workspace = ? ORDER BY c.number DESC LIMIT ?`),
    };
  }

  /** Numbered from the workspace's counter, in one transaction with its tags (a savepoint inside another). */
  async insert(claim: NewClaim): Promise<Claim> {
    return this.insertAtomically(claim);
  }

  private insertRow(claim: NewClaim): Claim {
    const number = claim.number ?? this.counters.next(claim.workspace, 'claim');
    if (claim.number !== undefined) this.counters.atLeast(claim.workspace, 'claim', claim.number);
    const { lastInsertRowid } = this.statements.insert.run({
      workspace: claim.workspace,
      number,
      debateId: claim.debateId,
      text: claim.text,
      authorId: claim.authorId,
      authorName: claim.authorName,
      sourceUrl: claim.source?.url ?? null,
      sourceExcerpt: claim.source?.excerpt ?? null,
      sourceAuthor: claim.source?.author ?? null,
      status: claim.status ?? 'open',
      at: claim.at,
      updatedAt: claim.updatedAt ?? claim.at,
    });
    const id = Number(lastInsertRowid);
    for (const tag of claim.tags) this.statements.insertTag.run(id, tag);
    return toClaim(this.statements.byId.get(claim.workspace, id)!);
  }

  async byNumber(workspace: string, number: number): Promise<Claim | undefined> {
    const row = this.statements.byNumber.get(workspace, number);
    return row && toClaim(row);
  }

  async byId(workspace: string, id: number): Promise<Claim | undefined> {
    const row = this.statements.byId.get(workspace, id);
    return row && toClaim(row);
  }

  /** The claim, or a UserError naming the id that does not exist here. */
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
    // Both statements run on one connection with no await between them: nothing else writes in between.
    this.db.transaction(() => {
      this.statements.keepText.run({ workspace, id, text, at, by });
      this.statements.setText.run(text, at, workspace, id);
    })();
  }

  async earlierTexts(workspace: string, id: number): Promise<EarlierText[]> {
    return this.statements.earlierTexts
      .all(workspace, id)
      .map((r) => ({ text: r.text, replacedAt: r.replaced_at, replacedBy: r.replaced_by }));
  }

  async editedInDebate(workspace: string, debateId: number): Promise<number[]> {
    return this.statements.editedInDebate.all(workspace, debateId).map((r) => r.id);
  }

  async setTags(id: number, tags: readonly string[]): Promise<void> {
    this.statements.deleteTags.run(id);
    for (const tag of tags) this.statements.insertTag.run(id, tag);
  }

  async setStatus(workspace: string, id: number, status: ClaimStatus, at: string): Promise<void> {
    this.statements.setStatus.run(status, at, workspace, id);
  }

  async countInDebate(debateId: number): Promise<number> {
    return this.statements.countByDebate.get(debateId)!.n;
  }

  /** The claims with these row ids that are in the workspace, by number. */
  async byIds(workspace: string, ids: readonly number[]): Promise<Claim[]> {
    if (ids.length === 0) return [];
    return this.statements.byIds.all(workspace, JSON.stringify(ids)).map(toClaim);
  }

  async inDebate(debateId: number): Promise<Claim[]> {
    return this.statements.byDebate.all(debateId).map(toClaim);
  }

  async list(workspace: string, filter: ClaimFilter): Promise<{ claims: Claim[]; total: number }> {
    const where = ['c.workspace = @workspace'];
    if (filter.debateId !== undefined) where.push('c.debate_id = @debateId');
    if (filter.status !== undefined) where.push('c.status = @status');
    if (filter.authorId !== undefined) where.push('c.author_id = @authorId');
    if (filter.tag !== undefined) where.push('EXISTS (SELECT 1 FROM claim_tags t WHERE t.claim_id = c.id AND t.tag = @tag)');
    const params = {
      workspace,
      debateId: filter.debateId,
      status: filter.status,
      authorId: filter.authorId,
      tag: filter.tag,
      limit: filter.limit,
      offset: filter.offset ?? 0,
    };
    const clause = where.join(' AND ');
    const total = (this.prepared(`SELECT count(*) AS n FROM claims c WHERE ${clause}`).get(params) as { n: number }).n;
    const rows = this.prepared(`${SELECT} WHERE ${clause} ORDER BY c.number LIMIT @limit OFFSET @offset`).all(params) as ClaimRow[];
    return { claims: rows.map(toClaim), total };
  }

  /** Tags used in the workspace that start with `prefix`, most used first. */
  async tagCounts(workspace: string, prefix: string, limit: number): Promise<{ tag: string; n: number }[]> {
    return this.statements.tagCounts.all({ workspace, prefix, limit });
  }

  async recent(workspace: string, limit: number): Promise<Claim[]> {
    return this.statements.recent.all(workspace, limit).map(toClaim);
  }
}
