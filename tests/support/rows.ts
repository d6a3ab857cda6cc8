import type { Store } from '../../src/storage/ports.ts';

/**
 * What the store holds, read through its own port (`exportAll`, the same rows `cruxbot export-all`
 * writes), so a test of behaviour checks "nothing half-written" without writing SQL and runs against
 * any backend. Rows carry the stored column names (`author_name`, `workspace`).
 */
export type Row = Readonly<Record<string, unknown>>;

export async function rows(store: Store, table: string, where: Row | ((row: Row) => boolean) = {}): Promise<Row[]> {
  const all = (await store.exportAll()).tables[table];
  if (!all) throw new Error(`the store has no table ${table}`);
  const keep = typeof where === 'function' ? where : (row: Row) => Object.entries(where).every(([k, v]) => row[k] === v);
  return (all as Row[]).filter(keep);
}

export async function countRows(store: Store, table: string, where: Row | ((row: Row) => boolean) = {}): Promise<number> {
  return (await rows(store, table, where)).length;
}
