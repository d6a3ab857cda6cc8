import type { InstallationRow, InstallationsStore } from '../ports.ts';
import { INSTALLATION_COLUMNS, toInstallation, type InstallationRecord } from '../rows.ts';
import type { Db } from './database.ts';

/** Slack installs in the SQLite file. */
export class SqliteInstallations implements InstallationsStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      put: db.prepare(
        `INSERT INTO slack_installations (${INSTALLATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (install_key) DO UPDATE SET workspace = excluded.workspace, team_id = excluded.team_id,
           enterprise_id = excluded.enterprise_id, sealed = excluded.sealed, key_id = excluded.key_id, updated_at = excluded.updated_at`,
      ),
      get: db.prepare<[string], InstallationRecord>(`SELECT ${INSTALLATION_COLUMNS} FROM slack_installations WHERE install_key = ?`),
      remove: db.prepare('DELETE FROM slack_installations WHERE install_key = ?'),
      all: db.prepare<[], InstallationRecord>(`SELECT ${INSTALLATION_COLUMNS} FROM slack_installations ORDER BY install_key`),
      reseal: db.prepare('UPDATE slack_installations SET sealed = ?, key_id = ?, updated_at = ? WHERE install_key = ? AND key_id = ?'),
    };
  }

  async put(row: InstallationRow): Promise<void> {
    this.statements.put.run(
      row.installKey,
      row.workspace,
      row.teamId,
      row.enterpriseId,
      row.sealed,
      row.keyId,
      row.installedAt,
      row.updatedAt,
    );
  }

  async get(installKey: string): Promise<InstallationRow | undefined> {
    const row = this.statements.get.get(installKey);
    return row ? toInstallation(row) : undefined;
  }

  async remove(installKey: string): Promise<boolean> {
    return this.statements.remove.run(installKey).changes > 0;
  }

  async all(): Promise<InstallationRow[]> {
    return this.statements.all.all().map(toInstallation);
  }

  async reseal(installKey: string, fromKeyId: string, sealed: string, keyId: string, at: string): Promise<boolean> {
    return this.statements.reseal.run(sealed, keyId, at, installKey, fromKeyId).changes > 0;
  }
}
