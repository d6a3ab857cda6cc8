import { sql } from 'kysely';
import type { InstallationRow, InstallationsStore } from '../ports.ts';
import { toInstallation, type InstallationRecord } from '../rows.ts';
import type { Runner } from './exec.ts';

const COLUMNS = sql.raw('install_key, workspace, team_id, enterprise_id, sealed, key_id, installed_at, updated_at');

/** Slack installs on PostgreSQL, shared by every instance. */
export class PgInstallations implements InstallationsStore {
  constructor(private readonly sql: Runner) {}

  async put(row: InstallationRow): Promise<void> {
    await this.sql.run(sql`
      INSERT INTO slack_installations (${COLUMNS})
      VALUES (${row.installKey}, ${row.workspace}, ${row.teamId}, ${row.enterpriseId}, ${row.sealed}, ${row.keyId}, ${row.installedAt}, ${row.updatedAt})
      ON CONFLICT (install_key) DO UPDATE SET workspace = excluded.workspace, team_id = excluded.team_id,
        enterprise_id = excluded.enterprise_id, sealed = excluded.sealed, key_id = excluded.key_id, updated_at = excluded.updated_at`);
  }

  async get(installKey: string): Promise<InstallationRow | undefined> {
    const row = await this.sql.one<InstallationRecord>(sql`SELECT ${COLUMNS} FROM slack_installations WHERE install_key = ${installKey}`);
    return row ? toInstallation(row) : undefined;
  }

  async remove(installKey: string): Promise<boolean> {
    return (await this.sql.run(sql`DELETE FROM slack_installations WHERE install_key = ${installKey}`)) > 0;
  }

  async all(): Promise<InstallationRow[]> {
    return (await this.sql.rows<InstallationRecord>(sql`SELECT ${COLUMNS} FROM slack_installations ORDER BY install_key`)).map(
      toInstallation,
    );
  }

  async reseal(installKey: string, fromKeyId: string, sealed: string, keyId: string, at: string): Promise<boolean> {
    return (
      (await this.sql.run(sql`
        UPDATE slack_installations SET sealed = ${sealed}, key_id = ${keyId}, updated_at = ${at}
        WHERE install_key = ${installKey} AND key_id = ${fromKeyId}`)) > 0
    );
  }
}
