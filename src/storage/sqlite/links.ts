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
      // Breadth-first along links either way, staying in the debate; (id, d) pairs are kept distinct, so a
      // claim is walked at most once per distance. Then every link of the debate touching a claim found.
      around: db.prepare<[{ debateId: number; claimId: number; depth: number }], LinkRow>(
        `WITH RECURSIVE near(id, d) AS (
           SELECT @claimId, 0
           UNION
           SELECT l.to_claim, near.d + 1 FROM near JOIN links l ON l.from_claim = near.id JOIN claims c ON c.id = l.to_claim
             WHERE near.d < @depth AND c.debate_id = @debateId
           UNION
           SELECT l.from_claim, near.d + 1 FROM near JOIN links l ON l.to_claim = near.id JOIN claims c ON c.id = l.from_claim
             WHERE near.d < @depth AND c.debate_id = @debateId
         ),
         found(id) AS (SELECT DISTINCT id FROM near)
         ${SELECT} WHERE l.id IN (
           SELECT l.id FROM found JOIN links l ON l.from_claim = found.id
           UNION SELECT l.id FROM found JOIN links l ON l.to_claim = found.id)
         AND f.debate_id = @debateId AND t.debate_id = @debateId ORDER BY l.id`,
      ),
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

  /**
   * The links of the debate that touch a claim within `depth` links of `claimId` (either direction, through
   * claims of the debate): so every such claim's neighbours are all known.
   */
  async around(debateId: number, claimId: number, depth: number): Promise<Link[]> {
    return this.statements.around.all({ debateId, claimId, depth }).map(toLink);
  }

  async refines(workspace: string): Promise<Link[]> {
    return this.statements.refines.all(workspace).map(toLink);
  }
}
