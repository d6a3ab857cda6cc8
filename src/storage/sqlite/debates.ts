import { type DebateRow, toDebate } from '../rows.ts';
import type { DebateContents, DebateOverview, DebateSummary } from '../../domain/debates.ts';
import type { ClaimStatus } from '../../domain/claims.ts';
import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import type { Debate } from '../../domain/debates.ts';
import type { Db } from './database.ts';

/** The claims of one debate (`@debate`), for statements that reach everything hanging off them. */
const ITS_CLAIMS = 'SELECT id FROM claims WHERE workspace = @workspace AND debate_id = @debate';

/** Debates, and which debate each channel is working on. */
export class DebateRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO debates (workspace, slug, title, created_by, created_by_name, created_at)
         VALUES (@workspace, @slug, @title, @createdBy, @createdByName, @at)`,
      ),
      bySlug: db.prepare<[string, string], DebateRow>('SELECT * FROM debates WHERE workspace = ? AND slug = ?'),
      byId: db.prepare<[string, number], DebateRow>('SELECT * FROM debates WHERE workspace = ? AND id = ?'),
      list: db.prepare<[string], DebateRow & { claim_count: number; link_count: number }>(
        `SELECT d.*,
           (SELECT count(*) FROM claims c WHERE c.debate_id = d.id) AS claim_count,
           (SELECT count(*) FROM links l JOIN claims c ON c.id = l.to_claim WHERE c.debate_id = d.id) AS link_count
         FROM debates d WHERE d.workspace = ? ORDER BY d.created_at DESC, d.id DESC`,
      ),
      setRoot: db.prepare('UPDATE debates SET root_claim_id = ? WHERE workspace = ? AND id = ?'),
      current: db.prepare<[string, string], DebateRow>(
        `SELECT d.* FROM channel_debates cd JOIN debates d ON d.id = cd.debate_id WHERE cd.workspace = ? AND cd.channel = ?`,
      ),
      setCurrent: db.prepare(
        `INSERT INTO channel_debates (workspace, channel, debate_id, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (workspace, channel) DO UPDATE SET debate_id = excluded.debate_id, updated_at = excluded.updated_at`,
      ),
      statusCounts: db.prepare<[{ workspace: string; debate: number }], { status: ClaimStatus; n: number }>(
        `SELECT status, count(*) AS n FROM claims WHERE workspace = @workspace AND debate_id = @debate GROUP BY status ORDER BY min(number)`,
      ),
      linkCounts: db.prepare<[{ debate: number }], { n: number; crux: number | null }>(
        `SELECT count(*) AS n, sum(l.kind = 'crux-of') AS crux FROM links l
         JOIN claims f ON f.id = l.from_claim JOIN claims t ON t.id = l.to_claim WHERE f.debate_id = @debate AND t.debate_id = @debate`,
      ),
      topTags: db.prepare<[{ workspace: string; debate: number; limit: number }], { tag: string; n: number }>(
        `SELECT tag, count(*) AS n FROM claim_tags WHERE claim_id IN (${ITS_CLAIMS}) GROUP BY tag ORDER BY n DESC, tag LIMIT @limit`,
      ),
      contents: db.prepare<[{ workspace: string; debate: number }], DebateContents>(
        `SELECT
           (SELECT count(*) FROM claims WHERE workspace = @workspace AND debate_id = @debate) AS claims,
           (SELECT count(*) FROM links WHERE from_claim IN (${ITS_CLAIMS}) OR to_claim IN (${ITS_CLAIMS})) AS links,
           (SELECT count(*) FROM claim_tags WHERE claim_id IN (${ITS_CLAIMS})) AS tags,
           (SELECT count(*) FROM credences WHERE claim_id IN (${ITS_CLAIMS}) OR given_claim_id IN (${ITS_CLAIMS})) AS credences,
           (SELECT count(*) FROM polls WHERE claim_id IN (${ITS_CLAIMS})) AS polls,
           (SELECT count(*) FROM claim_resolutions WHERE claim_id IN (${ITS_CLAIMS})) AS resolutions,
           (SELECT count(*) FROM sim_runs WHERE workspace = @workspace AND claim_id IN (${ITS_CLAIMS})) AS simRuns,
           (SELECT count(*) FROM thread_captures WHERE workspace = @workspace AND debate_id = @debate) AS captures,
           (SELECT count(*) FROM channel_debates WHERE workspace = @workspace AND debate_id = @debate) AS channels`,
      ),
      // Children first, each in one statement, then the claims and the debate (channel bindings cascade).
      deleteSteps: [
        `DELETE FROM sim_runs WHERE workspace = @workspace AND claim_id IN (${ITS_CLAIMS})`,
        `DELETE FROM thread_captures WHERE workspace = @workspace AND debate_id = @debate`,
        `DELETE FROM credences WHERE claim_id IN (${ITS_CLAIMS}) OR given_claim_id IN (${ITS_CLAIMS})`,
        `DELETE FROM polls WHERE claim_id IN (${ITS_CLAIMS})`,
        `DELETE FROM claim_resolutions WHERE claim_id IN (${ITS_CLAIMS})`,
        `DELETE FROM links WHERE from_claim IN (${ITS_CLAIMS}) OR to_claim IN (${ITS_CLAIMS})`,
        `DELETE FROM claim_tags WHERE claim_id IN (${ITS_CLAIMS})`,
        `DELETE FROM claim_texts WHERE claim_id IN (${ITS_CLAIMS})`,
        `UPDATE debates SET root_claim_id = NULL WHERE workspace = @workspace AND id = @debate`,
        `DELETE FROM claims WHERE workspace = @workspace AND debate_id = @debate`,
        `DELETE FROM debates WHERE workspace = @workspace AND id = @debate`,
      ].map((sql) => db.prepare<[{ workspace: string; debate: number }]>(sql)),
    };
  }

  async create(debate: {
    workspace: string;
    slug: string;
    title: string;
    createdBy: string;
    createdByName: string;
    at: string;
  }): Promise<Debate> {
    if (await this.bySlug(debate.workspace, debate.slug)) {
      throw new UserError(
        md`A debate called \`${debate.slug}\` already exists here. Pick another slug, or switch to it with \`/debate use ${debate.slug}\`.`,
        'debate.slug-taken',
      );
    }
    const { lastInsertRowid } = this.statements.insert.run(debate);
    return (await this.byId(debate.workspace, Number(lastInsertRowid)))!;
  }

  async bySlug(workspace: string, slug: string): Promise<Debate | undefined> {
    const row = this.statements.bySlug.get(workspace, slug);
    return row && toDebate(row);
  }

  async byId(workspace: string, id: number): Promise<Debate | undefined> {
    const row = this.statements.byId.get(workspace, id);
    return row && toDebate(row);
  }

  async require(workspace: string, slug: string): Promise<Debate> {
    const debate = await this.bySlug(workspace, slug);
    if (!debate) throw new UserError(md`There is no debate \`${slug}\` here. See them all with \`/debate list\`.`, 'debate.not-found');
    return debate;
  }

  async list(workspace: string): Promise<DebateSummary[]> {
    return this.statements.list.all(workspace).map((row) => ({ ...toDebate(row), claimCount: row.claim_count, linkCount: row.link_count }));
  }

  async setRoot(workspace: string, debateId: number, claimId: number | null): Promise<void> {
    this.statements.setRoot.run(claimId, workspace, debateId);
  }

  async currentFor(workspace: string, channel: string): Promise<Debate | undefined> {
    const row = this.statements.current.get(workspace, channel);
    return row && toDebate(row);
  }

  async setCurrent(workspace: string, channel: string, debateId: number, at: string): Promise<void> {
    this.statements.setCurrent.run(workspace, channel, debateId, at);
  }

  /** Counts what the debate holds. */
  async overview(workspace: string, debateId: number, tags: number): Promise<DebateOverview> {
    const params = { workspace, debate: debateId };
    const links = this.statements.linkCounts.get({ debate: debateId })!;
    return {
      byStatus: this.statements.statusCounts.all(params),
      links: links.n,
      cruxLinks: links.crux ?? 0,
      topTags: this.statements.topTags.all({ ...params, limit: tags }),
    };
  }

  async contents(workspace: string, debateId: number): Promise<DebateContents> {
    return this.statements.contents.get({ workspace, debate: debateId })!;
  }

  /**
   * Deletes the debate and everything in it; returns what it held. Call inside a transaction. Its
   * claim and run numbers, and its poll and capture ids, are never given again: the counters that gave
   * them never go back (an old message's `C4` or its buttons never reach something new).
   */
  async deleteWithContents(workspace: string, debateId: number): Promise<DebateContents> {
    const params = { workspace, debate: debateId };
    const counts = this.statements.contents.get(params)!;
    for (const step of this.statements.deleteSteps) step.run(params);
    return counts;
  }
}
