import { sql, type RawBuilder } from 'kysely';
import type { Link, LinkKind } from '../../domain/links.ts';
import type { LinkStore } from '../ports.ts';
import { toLink, type LinkRow } from '../rows.ts';
import type { Runner } from './exec.ts';

const select = (rest: RawBuilder<unknown>) => sql<LinkRow>`
  SELECT l.*, f.number AS from_number, t.number AS to_number
  FROM links l JOIN claims f ON f.id = l.from_claim JOIN claims t ON t.id = l.to_claim ${rest}`;

/** Typed links between claims of one workspace, on PostgreSQL. */
export class PgLinks implements LinkStore {
  constructor(private readonly sql: Runner) {}

  async add(link: { workspace: string; fromClaimId: number; toClaimId: number; kind: LinkKind; authorId: string; at: string }): Promise<{
    link: Link;
    created: boolean;
  }> {
    const changes = await this.sql.run(sql`
      INSERT INTO links (workspace, from_claim, to_claim, kind, author_id, created_at)
      VALUES (${link.workspace}, ${link.fromClaimId}, ${link.toClaimId}, ${link.kind}, ${link.authorId}, ${link.at}) ON CONFLICT DO NOTHING`);
    const row = await this.sql.one(
      select(
        sql`WHERE l.workspace = ${link.workspace} AND l.from_claim = ${link.fromClaimId} AND l.to_claim = ${link.toClaimId} AND l.kind = ${link.kind}`,
      ),
    );
    return { link: toLink(row!), created: changes > 0 };
  }

  async between(workspace: string, fromClaimId: number, toClaimId: number): Promise<Link[]> {
    return (
      await this.sql.rows(
        select(sql`WHERE l.workspace = ${workspace} AND l.from_claim = ${fromClaimId} AND l.to_claim = ${toClaimId} ORDER BY l.id`),
      )
    ).map(toLink);
  }

  async remove(workspace: string, linkId: number): Promise<void> {
    await this.sql.run(sql`DELETE FROM links WHERE id = ${linkId} AND workspace = ${workspace}`);
  }

  async repoint(workspace: string, linkId: number, fromClaimId: number, toClaimId: number): Promise<void> {
    await this.sql.run(
      sql`UPDATE links SET from_claim = ${fromClaimId}, to_claim = ${toClaimId} WHERE id = ${linkId} AND workspace = ${workspace}`,
    );
  }

  async outgoing(workspace: string, claimId: number): Promise<Link[]> {
    return (
      await this.sql.rows(select(sql`WHERE l.workspace = ${workspace} AND l.from_claim = ${claimId} ORDER BY t.number, l.kind COLLATE "C"`))
    ).map(toLink);
  }

  async incoming(workspace: string, claimId: number): Promise<Link[]> {
    return (
      await this.sql.rows(select(sql`WHERE l.workspace = ${workspace} AND l.to_claim = ${claimId} ORDER BY f.number, l.kind COLLATE "C"`))
    ).map(toLink);
  }

  async inDebate(debateId: number): Promise<Link[]> {
    return (await this.sql.rows(select(sql`WHERE f.debate_id = ${debateId} AND t.debate_id = ${debateId} ORDER BY l.id`))).map(toLink);
  }

  /**
   * The links of the debate that touch a claim within `depth` links of `claimId` (either direction, through
   * claims of the debate): so every such claim's neighbours are all known.
   */
  async around(debateId: number, claimId: number, depth: number): Promise<Link[]> {
    const rows = await this.sql.rows(sql<LinkRow>`
      WITH RECURSIVE near(id, d) AS (
        SELECT ${claimId}::int, 0
        UNION
        SELECT CASE WHEN l.from_claim = near.id THEN l.to_claim ELSE l.from_claim END, near.d + 1
        FROM near JOIN links l ON l.from_claim = near.id OR l.to_claim = near.id
        JOIN claims c ON c.id = CASE WHEN l.from_claim = near.id THEN l.to_claim ELSE l.from_claim END
        WHERE near.d < ${depth} AND c.debate_id = ${debateId}
      ),
      found AS (SELECT DISTINCT id FROM near)
      SELECT l.*, f.number AS from_number, t.number AS to_number
      FROM links l JOIN claims f ON f.id = l.from_claim JOIN claims t ON t.id = l.to_claim
      WHERE l.id IN (
        SELECT l.id FROM found JOIN links l ON l.from_claim = found.id
        UNION SELECT l.id FROM found JOIN links l ON l.to_claim = found.id)
      AND f.debate_id = ${debateId} AND t.debate_id = ${debateId} ORDER BY l.id`);
    return rows.map(toLink);
  }

  async refines(workspace: string): Promise<Link[]> {
    return (await this.sql.rows(select(sql`WHERE l.workspace = ${workspace} AND l.kind = 'refines' ORDER BY l.id`))).map(toLink);
  }
}
