import { sql } from 'kysely';
import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import type { Debate, DebateContents, DebateOverview, DebateSummary } from '../../domain/debates.ts';
import type { ClaimStatus } from '../../domain/claims.ts';
import type { DebateStore } from '../ports.ts';
import { toDebate, type DebateRow } from '../rows.ts';
import type { Atomically } from './claims.ts';
import type { Runner } from './exec.ts';

const slugTaken = (slug: string) =>
  new UserError(
    md`A debate called \`${slug}\` already exists here. Pick another slug, or switch to it with \`/debate use ${slug}\`.`,
    'debate.slug-taken',
  );

/** Debates, and which debate each channel is working on, on PostgreSQL. */
export class PgDebates implements DebateStore {
  constructor(
    private readonly sql: Runner,
    private readonly atomically: Atomically,
  ) {}

  async create(debate: {
    workspace: string;
    slug: string;
    title: string;
    createdBy: string;
    createdByName: string;
    at: string;
  }): Promise<Debate> {
    // ON CONFLICT rather than catching the unique violation: a failed statement would end the caller's transaction.
    const row = await this.sql.one<DebateRow>(sql`
      INSERT INTO debates (workspace, slug, title, created_by, created_by_name, created_at)
      VALUES (${debate.workspace}, ${debate.slug}, ${debate.title}, ${debate.createdBy}, ${debate.createdByName}, ${debate.at})
      ON CONFLICT (workspace, slug) DO NOTHING RETURNING *`);
    if (!row) throw slugTaken(debate.slug);
    return toDebate(row);
  }

  async bySlug(workspace: string, slug: string): Promise<Debate | undefined> {
    const row = await this.sql.one<DebateRow>(sql`SELECT * FROM debates WHERE workspace = ${workspace} AND slug = ${slug}`);
    return row && toDebate(row);
  }

  async byId(workspace: string, id: number): Promise<Debate | undefined> {
    const row = await this.sql.one<DebateRow>(sql`SELECT * FROM debates WHERE workspace = ${workspace} AND id = ${id}`);
    return row && toDebate(row);
  }

  async require(workspace: string, slug: string): Promise<Debate> {
    const debate = await this.bySlug(workspace, slug);
    if (!debate) throw new UserError(md`There is no debate \`${slug}\` here. See them all with \`/debate list\`.`, 'debate.not-found');
    return debate;
  }

  async list(workspace: string): Promise<DebateSummary[]> {
    const rows = await this.sql.rows<DebateRow & { claim_count: number; link_count: number }>(sql`
      SELECT d.*,
        (SELECT count(*)::int FROM claims c WHERE c.debate_id = d.id) AS claim_count,
        (SELECT count(*)::int FROM links l JOIN claims c ON c.id = l.to_claim WHERE c.debate_id = d.id) AS link_count
      FROM debates d WHERE d.workspace = ${workspace} ORDER BY d.created_at DESC, d.id DESC`);
    return rows.map((row) => ({ ...toDebate(row), claimCount: row.claim_count, linkCount: row.link_count }));
  }

  async setRoot(workspace: string, debateId: number, claimId: number | null): Promise<void> {
    await this.sql.run(sql`UPDATE debates SET root_claim_id = ${claimId} WHERE workspace = ${workspace} AND id = ${debateId}`);
  }

  async currentFor(workspace: string, channel: string): Promise<Debate | undefined> {
    const row = await this.sql.one<DebateRow>(sql`
      SELECT d.* FROM channel_debates cd JOIN debates d ON d.id = cd.debate_id WHERE cd.workspace = ${workspace} AND cd.channel = ${channel}`);
    return row && toDebate(row);
  }

  async setCurrent(workspace: string, channel: string, debateId: number, at: string): Promise<void> {
    await this.sql.run(sql`
      INSERT INTO channel_debates (workspace, channel, debate_id, updated_at) VALUES (${workspace}, ${channel}, ${debateId}, ${at})
      ON CONFLICT (workspace, channel) DO UPDATE SET debate_id = excluded.debate_id, updated_at = excluded.updated_at`);
  }

  async overview(workspace: string, debateId: number, tags: number): Promise<DebateOverview> {
    const byStatus = await this.sql.rows<{ status: ClaimStatus; n: number }>(sql`
      SELECT status, count(*)::int AS n FROM claims WHERE workspace = ${workspace} AND debate_id = ${debateId}
      GROUP BY status ORDER BY min(number)`);
    const links = (await this.sql.one<{ n: number; crux: number }>(sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE l.kind = 'crux-of')::int AS crux FROM links l
      JOIN claims f ON f.id = l.from_claim JOIN claims t ON t.id = l.to_claim WHERE f.debate_id = ${debateId} AND t.debate_id = ${debateId}`))!;
    const topTags = await this.sql.rows<{ tag: string; n: number }>(sql`
      SELECT tag, count(*)::int AS n FROM claim_tags
      WHERE claim_id IN (SELECT id FROM claims WHERE workspace = ${workspace} AND debate_id = ${debateId})
      GROUP BY tag ORDER BY n DESC, tag COLLATE "C" LIMIT ${tags}`);
    return { byStatus, links: links.n, cruxLinks: links.crux, topTags };
  }

  async contents(workspace: string, debateId: number): Promise<DebateContents> {
    const its = sql`SELECT id FROM claims WHERE workspace = ${workspace} AND debate_id = ${debateId}`;
    return (await this.sql.one<DebateContents>(sql`
      SELECT
        (SELECT count(*)::int FROM claims WHERE workspace = ${workspace} AND debate_id = ${debateId}) AS claims,
        (SELECT count(*)::int FROM links WHERE from_claim IN (${its}) OR to_claim IN (${its})) AS links,
        (SELECT count(*)::int FROM claim_tags WHERE claim_id IN (${its})) AS tags,
        (SELECT count(*)::int FROM credences WHERE claim_id IN (${its}) OR given_claim_id IN (${its})) AS credences,
        (SELECT count(*)::int FROM polls WHERE claim_id IN (${its})) AS polls,
        (SELECT count(*)::int FROM claim_resolutions WHERE claim_id IN (${its})) AS resolutions,
        (SELECT count(*)::int FROM sim_runs WHERE workspace = ${workspace} AND claim_id IN (${its})) AS "simRuns",
        (SELECT count(*)::int FROM thread_captures WHERE workspace = ${workspace} AND debate_id = ${debateId}) AS captures,
        (SELECT count(*)::int FROM channel_debates WHERE workspace = ${workspace} AND debate_id = ${debateId}) AS channels`))!;
  }

  async deleteWithContents(workspace: string, debateId: number): Promise<DebateContents> {
    return await this.atomically(async () => {
      const counts = await this.contents(workspace, debateId);
      const its = sql`SELECT id FROM claims WHERE workspace = ${workspace} AND debate_id = ${debateId}`;
      for (const step of [
        sql`DELETE FROM sim_runs WHERE workspace = ${workspace} AND claim_id IN (${its})`,
        sql`DELETE FROM thread_captures WHERE workspace = ${workspace} AND debate_id = ${debateId}`,
        sql`DELETE FROM credences WHERE claim_id IN (${its}) OR given_claim_id IN (${its})`,
        sql`DELETE FROM polls WHERE claim_id IN (${its})`,
        sql`DELETE FROM claim_resolutions WHERE claim_id IN (${its})`,
        sql`DELETE FROM links WHERE from_claim IN (${its}) OR to_claim IN (${its})`,
        sql`DELETE FROM claim_tags WHERE claim_id IN (${its})`,
        sql`DELETE FROM claim_texts WHERE claim_id IN (${its})`,
        sql`UPDATE debates SET root_claim_id = NULL WHERE workspace = ${workspace} AND id = ${debateId}`,
        sql`DELETE FROM claims WHERE workspace = ${workspace} AND debate_id = ${debateId}`,
        sql`DELETE FROM debates WHERE workspace = ${workspace} AND id = ${debateId}`,
      ])
        await this.sql.run(step);
      return counts;
    });
  }
}
