import { type ResolutionRow, toResolution } from '../rows.ts';
import type { Resolution } from '../../domain/resolutions.ts';
import type { Db } from './database.ts';

/** Who resolved which claim how, and when; undoing keeps the row, marked. */
export class ResolutionRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO claim_resolutions (workspace, claim_id, outcome, resolved_by, resolved_by_name, resolved_at)
         VALUES (@workspace, @claimId, @outcome, @resolvedBy, @resolvedByName, @resolvedAt)`,
      ),
      current: db.prepare<[string, number], ResolutionRow>(
        'SELECT * FROM claim_resolutions WHERE workspace = ? AND claim_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1',
      ),
      undo: db.prepare('UPDATE claim_resolutions SET undone_by = ?, undone_at = ? WHERE workspace = ? AND id = ? AND undone_at IS NULL'),
      inWorkspace: db.prepare<[string], ResolutionRow>(
        'SELECT * FROM claim_resolutions WHERE workspace = ? AND undone_at IS NULL ORDER BY resolved_at, id',
      ),
      historyInDebate: db.prepare<[string, number], ResolutionRow>(
        `SELECT r.* FROM claim_resolutions r JOIN claims c ON c.id = r.claim_id
         WHERE r.workspace = ? AND c.debate_id = ? ORDER BY r.id`,
      ),
    };
  }

  async insert(resolution: Omit<Resolution, 'id' | 'undoneBy' | 'undoneAt'>): Promise<Resolution> {
    this.statements.insert.run(resolution);
    return (await this.current(resolution.workspace, resolution.claimId))!;
  }

  /** The claim's resolution in force, if any. */
  async current(workspace: string, claimId: number): Promise<Resolution | undefined> {
    const row = this.statements.current.get(workspace, claimId);
    return row && toResolution(row);
  }

  async undo(workspace: string, id: number, by: string, at: string): Promise<void> {
    this.statements.undo.run(by, at, workspace, id);
  }

  /** Resolutions in force across the workspace, oldest first. */
  async inWorkspace(workspace: string): Promise<Resolution[]> {
    return this.statements.inWorkspace.all(workspace).map(toResolution);
  }

  async historyInDebate(workspace: string, debateId: number): Promise<Resolution[]> {
    return this.statements.historyInDebate.all(workspace, debateId).map(toResolution);
  }
}
