import type { Migration } from './migration.ts';
import { MIGRATIONS } from './index.ts';

/** The schema version this code writes: the highest migration's. */
export function latestSchemaVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}
