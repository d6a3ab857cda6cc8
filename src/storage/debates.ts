import { UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import type { Debate } from '../domain/debates.ts';
import type { Db } from './database.ts';

interface DebateRow {
  id: number;
  workspace: string;
  slug: string;
  title: string;
  root_claim_id: number | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

const toDebate = (row: DebateRow): Debate => ({
  id: row.id,
  workspace: row.workspace,
  slug: row.slug,
  title: row.title,
  rootClaimId: row.root_claim_id,
  createdBy: row.created_by,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
});

export interface DebateSummary extends Debate {
  readonly claimCount: number;
  readonly linkCount: number;
}

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
    };
  }

  create(debate: { workspace: string; slug: string; title: string; createdBy: string; createdByName: string; at: string }): Debate {
    if (this.bySlug(debate.workspace, debate.slug)) {
      throw new UserError(
        md`A debate called \`${debate.slug}\` already exists here. Pick another slug, or switch to it with \`/debate use ${debate.slug}\`.`,
        'debate.slug-taken',
      );
    }
    const { lastInsertRowid } = this.statements.insert.run(debate);
    return this.byId(debate.workspace, Number(lastInsertRowid))!;
  }

  bySlug(workspace: string, slug: string): Debate | undefined {
    const row = this.statements.bySlug.get(workspace, slug);
    return row && toDebate(row);
  }

  byId(workspace: string, id: number): Debate | undefined {
    const row = this.statements.byId.get(workspace, id);
    return row && toDebate(row);
  }

  require(workspace: string, slug: string): Debate {
    const debate = this.bySlug(workspace, slug);
    if (!debate) throw new UserError(md`There is no debate \`${slug}\` here. See them all with \`/debate list\`.`, 'debate.not-found');
    return debate;
  }

  list(workspace: string): DebateSummary[] {
    return this.statements.list.all(workspace).map((row) => ({ ...toDebate(row), claimCount: row.claim_count, linkCount: row.link_count }));
  }

  setRoot(workspace: string, debateId: number, claimId: number | null): void {
    this.statements.setRoot.run(claimId, workspace, debateId);
  }

  currentFor(workspace: string, channel: string): Debate | undefined {
    const row = this.statements.current.get(workspace, channel);
    return row && toDebate(row);
  }

  setCurrent(workspace: string, channel: string, debateId: number, at: string): void {
    this.statements.setCurrent.run(workspace, channel, debateId, at);
  }
}
