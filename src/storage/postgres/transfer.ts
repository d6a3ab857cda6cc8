import { sql, type RawBuilder } from 'kysely';
import type { TableWriter } from '../transfer.ts';
import type { Runner } from './exec.ts';

type Row = Record<string, unknown>;

const value = (v: unknown): RawBuilder<unknown> => sql`${v === undefined ? null : v}`;
const tuple = (values: readonly unknown[]): RawBuilder<unknown> => sql`(${sql.join(values.map(value))})`;
const names = (columns: readonly string[]): RawBuilder<unknown> => sql.join(columns.map((c) => sql.ref(c)));

/**
 * The SQL of an import into PostgreSQL; the store runs it inside one transaction. Keys are matched with a
 * row-constructor list, so each value takes its column's type.
 */
export function postgresWriter(run: Runner): TableWriter {
  return {
    async columns(table) {
      const rows = await run.rows(sql<{ column_name: string }>`
        SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ${table} AND is_generated = 'NEVER'
        ORDER BY ordinal_position`);
      return rows.map((r) => r.column_name);
    },
    async insertMissing(table, columns, rows) {
      if (rows.length === 0) return 0;
      const values = sql.join(rows.map((row) => tuple(columns.map((c) => row[c]))));
      return await run.run(sql`INSERT INTO ${sql.table(table)} (${names(columns)}) VALUES ${values} ON CONFLICT DO NOTHING`);
    },
    async find(table, key, columns, keys) {
      if (keys.length === 0) return [];
      const wanted = [...new Set([...key, ...columns])];
      return await run.rows(
        sql<Row>`SELECT ${names(wanted)} FROM ${sql.table(table)} WHERE (${names(key)}) IN (${sql.join(keys.map(tuple))})`,
      );
    },
    async raise(table, key, column, rows) {
      if (rows.length === 0) return;
      const columns = [...key, column];
      const values = sql.join(rows.map((row) => tuple(columns.map((c) => row[c]))));
      const target = sql.ref(column);
      await run.run(sql`
        INSERT INTO ${sql.table(table)} (${names(columns)}) VALUES ${values}
        ON CONFLICT (${names(key)}) DO UPDATE SET ${target} = GREATEST(${sql.table(table)}.${target}, excluded.${target})`);
    },
    async fill(table, key, columns, rows) {
      for (const column of columns)
        for (const row of rows) {
          const match = sql.join(
            key.map((k) => sql`${sql.ref(k)} = ${value(row[k])}`),
            sql` AND `,
          );
          await run.run(
            sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${value(row[column])} WHERE ${match} AND ${sql.ref(column)} IS NULL`,
          );
        }
    },
    async removeWorkspace(table, column, workspace) {
      return await run.run(sql`DELETE FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${workspace}`);
    },
    async clear(tables) {
      if (tables.length) await run.run(sql`TRUNCATE ${sql.join(tables.map((t) => sql.table(t)))}`);
    },
    async finish(tables) {
      // Ids were written as they are; each identity sequence moves past the highest, so new rows do not collide.
      for (const table of tables)
        await run.run(sql`
          SELECT setval(pg_get_serial_sequence(${table}, 'id'), max_id)
          FROM (SELECT max(id) AS max_id FROM ${sql.table(table)}) m WHERE max_id IS NOT NULL`);
    },
  };
}
