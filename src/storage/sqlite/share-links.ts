import type { NewShareLink, ShareLink } from '../../domain/share-links.ts';
import { toShareLink, type ShareLinkRow } from '../rows.ts';
import type { Db } from './database.ts';

/** Links that open one debate's read-only page; found only by the hash of their token. */
export class ShareLinkRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare<[string, number, string, string, string, string, string | null], ShareLinkRow>(
        `INSERT INTO share_links (workspace, debate_id, token_hash, created_by, created_by_name, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      ),
      byTokenHash: db.prepare<[string], ShareLinkRow>('SELECT * FROM share_links WHERE token_hash = ?'),
      forDebate: db.prepare<[string, number], ShareLinkRow>('SELECT * FROM share_links WHERE workspace = ? AND debate_id = ? ORDER BY id'),
      revoke: db.prepare<[string, string, string, number]>(
        'UPDATE share_links SET revoked_at = ?, revoked_by = ? WHERE workspace = ? AND debate_id = ? AND revoked_at IS NULL',
      ),
    };
  }

  async insert(link: NewShareLink): Promise<ShareLink> {
    const row = this.statements.insert.get(
      link.workspace,
      link.debateId,
      link.tokenHash,
      link.createdBy,
      link.createdByName,
      link.createdAt,
      link.expiresAt ?? null,
    )!;
    return toShareLink(row);
  }

  async byTokenHash(tokenHash: string): Promise<ShareLink | undefined> {
    const row = this.statements.byTokenHash.get(tokenHash);
    return row ? toShareLink(row) : undefined;
  }

  async forDebate(workspace: string, debateId: number): Promise<ShareLink[]> {
    return this.statements.forDebate.all(workspace, debateId).map(toShareLink);
  }

  async revokeForDebate(workspace: string, debateId: number, by: string, at: string): Promise<number> {
    return this.statements.revoke.run(at, by, workspace, debateId).changes;
  }
}
