import { SCHEMAS, type Setting, type SettingKey, type SettingValue } from '../../domain/settings.ts';
import { toSetting, type SettingRow } from '../rows.ts';
import type { Moderators } from '../../domain/roles.ts';
import type { Db } from './database.ts';

/** What each workspace's moderators chose with /config. Values are JSON, checked against their schema on the way in and out. */
export class SettingsRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      get: db.prepare<[string, string], SettingRow>(
        'SELECT value, updated_by, updated_by_name, updated_at FROM workspace_settings WHERE workspace = ? AND key = ?',
      ),
      put: db.prepare(
        `INSERT INTO workspace_settings (workspace, key, value, updated_by, updated_by_name, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (workspace, key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by,
           updated_by_name = excluded.updated_by_name, updated_at = excluded.updated_at`,
      ),
      remove: db.prepare('DELETE FROM workspace_settings WHERE workspace = ? AND key = ?'),
    };
  }

  /**
   * The setting, or undefined when it was never set or was cleared. A stored value that no longer
   * matches its schema (a hand-edited database) counts as unset rather than granting anything.
   */
  async get<K extends SettingKey>(workspace: string, key: K): Promise<Setting<SettingValue<K>> | undefined> {
    return toSetting(key, this.statements.get.get(workspace, key));
  }

  /** The moderators configured for the workspace, if any. */
  async moderators(workspace: string): Promise<Moderators | undefined> {
    return (await this.get(workspace, 'moderators'))?.value;
  }

  async put<K extends SettingKey>(
    workspace: string,
    key: K,
    value: SettingValue<K>,
    by: { id: string; name: string },
    at: string,
  ): Promise<void> {
    const checked = SCHEMAS[key].parse(value);
    this.statements.put.run(workspace, key, JSON.stringify(checked), by.id, by.name, at);
  }

  /** Clears the setting; true when there was one. */
  async remove(workspace: string, key: SettingKey): Promise<boolean> {
    return this.statements.remove.run(workspace, key).changes > 0;
  }
}
