import { type LinkRow, toLink } from '../rows.ts';
import type { Link, LinkKind } from '../../domain/links.ts';
import type { Db } from './database.ts';

const SELECT = `
  SELECT l.*, f.number AS from_number, t.number AS to_number
  FROM links l JOIN claims f ON f.id = l.from_claim JOIN claims t ON t.id = l.to_claim`;

/** Typed links between claims of one workspace. */
export class LinkRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        `INSERT OR IGNORE INTO links (workspace, from_claim, to_claim, kind, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      find: db.prepare<[string, number, number, string], LinkRow>(
        `${SELECT} WHERE l.workspace = ? AND l.from_claim = ? AND l.to_claim = ? AND l.kind = ?`,
      ),
      between: db.prepare<[string, number, number], LinkRow>(
        `${SELECT} WHERE l.workspace = ? AND l.from_claim = ? AND l.to_claim = ? ORDER BY l.id`,
      ),
      remove: db.prepare('DELETE FROM links WHERE id = ? AND workspace = ?'),
      repoint: db.prepare('UPDATE links SET from_claim = ?, to_claim = ? WHERE id = ? AND workspace = ?'),
      outgoing: db.prepare<[string, number], LinkRow>(`${SELECT} WHERE l.workspace = ? AND l.from_claim = ? ORDER BY t.number, l.kind`),
      incoming: db.prepare<[string, number], LinkRow>(`${SELECT} WHERE l.workspace = ? AND l.to_claim = ? ORDER BY f.number, l.kind`),
      inDebate: db.prepare<[number, number], LinkRow>(`${SELECT} WHERE f.debate_id = ? AND t.debate_id = ? ORDER BY l.id`),
      refines: db.prepare<[string], LinkRow>(`${SELECT} WHERE l.workspace = ? AND l.kind = 'refines'`),
    };
  }

  /** Adds the link; returns it and whether it is new (the same link twice is a no-op, not an error). */
  async add(link: { workspace: string; fromClaimId: number; toClaimId: number; kind: LinkKind; authorId: string; at: string }): Promise<{
    link: Link;
    created: boolean;
  }> {
    const { changes } = this.statements.insert.run(link.workspace, link.fromClaimId, link.toClaimId, link.kind, link.authorId, link.at);
    const row = this.statements.find.get(link.workspace, link.fromClaimId, link.toClaimId, link.kind)!;
    return { link: toLink(row), created: changes > 0 };
  }

  async between(workspace: string, fromClaimId: number, toClaimId: number): Promise<Link[]> {
    return this.statements.between.all(workspace, fromClaimId, toClaimId).map(toLink);
  }

  async remove(workspace: string, linkId: number): Promise<void> {
    this.statements.remove.run(linkId, workspace);
  }

  /** Gives a link new ends, keeping its kind, author and time (a merge moves links this way). */
  async repoint(workspace: string, linkId: number, fromClaimId: number, toClaimId: number): Promise<void> {
    this.statements.repoint.run(fromClaimId, toClaimId, linkId, workspace);
  }

  async outgoing(workspace: string, claimId: number): Promise<Link[]> {
    return this.statements.outgoing.all(workspace, claimId).map(toLink);
  }

  async incoming(workspace: string, claimId: number): Promise<Link[]> {
    return this.statements.incoming.all(workspace, claimId).map(toLink);
  }

  /** Links whose two claims are both in the debate. */
  async inDebate(debateId: number): Promise<Link[]> {
    return this.statements.inDebate.all(debateId, debateId).map(toLink);
  }

  async refines(workspace: string): Promise<Link[]> {
    return this.statements.refines.all(workspace).map(toLink);
  }
}
