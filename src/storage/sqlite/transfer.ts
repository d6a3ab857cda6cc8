import type { TableWriter } from '../transfer.ts';
import type { Db } from './database.ts';

type Row = Record<string, unknown>;

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** SQLite takes booleans and objects as neither; an export holds only numbers, strings and null. */
const bind = (value: unknown): unknown => (value === undefined ? null : typeof value === 'boolean' ? Number(value) : value);

const keyMatch = (key: readonly string[], count: number): string => {
  const tuple = `(${key.map(() => '?').join(', ')})`;
  return `(${key.map(quote).join(', ')}) IN (VALUES ${Array.from({ length: count }, () => tuple).join(', ')})`;
};

/** The SQL of an import into SQLite; the store runs it inside one BEGIN IMMEDIATE transaction. */
export function sqliteWriter(db: Db): TableWriter {
  return {
    async columns(table) {
      return (db.prepare(`SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0`).all(table) as { name: string }[]).map((r) => r.name);
    },
    async insertMissing(table, columns, rows) {
      if (rows.length === 0) return 0;
      const insert = db.prepare(
        `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`,
      );
      let added = 0;
      for (const row of rows) added += insert.run(...columns.map((c) => bind(row[c]))).changes;
      return added;
    },
    async find(table, key, columns, keys) {
      if (keys.length === 0) return [];
      const wanted = [...new Set([...key, ...columns])];
      return db
        .prepare(`SELECT ${wanted.map(quote).join(', ')} FROM ${quote(table)} WHERE ${keyMatch(key, keys.length)}`)
        .all(...keys.flat().map(bind)) as Row[];
    },
    async raise(table, key, column, rows) {
      const columns = [...key, column];
      const upsert = db.prepare(
        `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
         ON CONFLICT (${key.map(quote).join(', ')}) DO UPDATE SET ${quote(column)} = max(${quote(column)}, excluded.${quote(column)})`,
      );
      for (const row of rows) upsert.run(...columns.map((c) => bind(row[c])));
    },
    async fill(table, key, columns, rows) {
      for (const column of columns) {
        const update = db.prepare(
          `UPDATE ${quote(table)} SET ${quote(column)} = ? WHERE ${key.map((k) => `${quote(k)} = ?`).join(' AND ')} AND ${quote(column)} IS NULL`,
        );
        for (const row of rows) update.run(bind(row[column]), ...key.map((k) => bind(row[k])));
      }
    },
    async removeWorkspace(table, column, workspace) {
      return db.prepare(`DELETE FROM ${quote(table)} WHERE ${quote(column)} = ?`).run(workspace).changes;
    },
    async clear(tables) {
      for (const table of tables) db.prepare(`DELETE FROM ${quote(table)}`).run();
    },
    async finish() {
      // SQLite gives a new row the highest id plus one: nothing to move.
    },
  };
}
