import { entityNamesClaim, type AuditEntry, type AuditRecord } from '../../domain/audit.ts';
import type { Db } from './database.ts';

/** Every change, with who made it and the values before and after. Written in the change's transaction. */
export class AuditRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare('INSERT INTO audit_log (workspace, actor_id, action, entity, before, after, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      recent: db.prepare<
        [string, number],
        {
          id: number;
          workspace: string;
          actor_id: string;
          action: string;
          entity: string;
          before: string | null;
          after: string | null;
          at: string;
        }
      >('SELECT * FROM audit_log WHERE workspace = ? ORDER BY id DESC LIMIT ?'),
      aboutClaims: db.prepare<[string], { id: number; entity: string }>(
        "SELECT id, entity FROM audit_log WHERE workspace = ? AND entity LIKE 'C%' AND (before IS NOT NULL OR after IS NOT NULL)",
      ),
      forget: db.prepare<[number]>('UPDATE audit_log SET before = NULL, after = NULL WHERE id = ?'),
    };
  }

  async forgetClaims(workspace: string, numbers: readonly number[]): Promise<number> {
    if (!numbers.length) return 0;
    const wanted = new Set(numbers);
    const ids = this.statements.aboutClaims
      .all(workspace)
      .filter((row) => entityNamesClaim(row.entity, wanted))
      .map((row) => row.id);
    for (const id of ids) this.statements.forget.run(id);
    return ids.length;
  }

  async record(entry: AuditEntry): Promise<void> {
    const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
    this.statements.insert.run(entry.workspace, entry.actorId, entry.action, entry.entity, json(entry.before), json(entry.after), entry.at);
  }

  async recent(workspace: string, limit = 50): Promise<AuditRecord[]> {
    return this.statements.recent.all(workspace, limit).map((row) => ({
      id: row.id,
      workspace: row.workspace,
      actorId: row.actor_id,
      action: row.action,
      entity: row.entity,
      before: row.before === null ? undefined : JSON.parse(row.before),
      after: row.after === null ? undefined : JSON.parse(row.after),
      at: row.at,
    }));
  }
}
