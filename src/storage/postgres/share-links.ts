import { sql } from 'kysely';
import type { NewShareLink, ShareLink } from '../../domain/share-links.ts';
import type { ShareLinkStore } from '../ports.ts';
import { toShareLink, type ShareLinkRow } from '../rows.ts';
import type { Runner } from './exec.ts';

/** Share links on PostgreSQL, the same rows as SQLite's. */
export class PgShareLinks implements ShareLinkStore {
  constructor(private readonly sql: Runner) {}

  async insert(link: NewShareLink): Promise<ShareLink> {
    const row = await this.sql.one<ShareLinkRow>(sql`
      INSERT INTO share_links (workspace, debate_id, token_hash, created_by, created_by_name, created_at, expires_at)
      VALUES (${link.workspace}, ${link.debateId}, ${link.tokenHash}, ${link.createdBy}, ${link.createdByName}, ${link.createdAt}, ${link.expiresAt ?? null})
      RETURNING *`);
    return toShareLink(row!);
  }

  async byTokenHash(tokenHash: string): Promise<ShareLink | undefined> {
    const row = await this.sql.one<ShareLinkRow>(sql`SELECT * FROM share_links WHERE token_hash = ${tokenHash}`);
    return row ? toShareLink(row) : undefined;
  }

  async forDebate(workspace: string, debateId: number): Promise<ShareLink[]> {
    return (
      await this.sql.rows<ShareLinkRow>(sql`
      SELECT * FROM share_links WHERE workspace = ${workspace} AND debate_id = ${debateId} ORDER BY id`)
    ).map(toShareLink);
  }

  async revokeForDebate(workspace: string, debateId: number, by: string, at: string): Promise<number> {
    return await this.sql.run(sql`
      UPDATE share_links SET revoked_at = ${at}, revoked_by = ${by}
      WHERE workspace = ${workspace} AND debate_id = ${debateId} AND revoked_at IS NULL`);
  }
}
