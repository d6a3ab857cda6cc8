import { StartupError } from '../core/errors.ts';
import { latestSchemaVersion } from './migrations/versions.ts';
import type { DatabaseExport, ImportReport } from './ports.ts';

/**
 * Moving rows between databases (`cruxbot migrate-data`, `cruxbot restore` of a JSON snapshot): the
 * order the tables go in, the keys that say a row is already there, and a workspace's share of an export.
 * Ids are kept as they are, so the C-, P- and R-numbers people know, and the buttons in old messages,
 * still mean the same things after a move. The backends do the SQL (`TableWriter`).
 */

interface TablePlan {
  readonly table: string;
  /** The primary key: a row with the same key in the target must be the same row. */
  readonly key: readonly string[];
  /** How a row belongs to a workspace: its own `workspace` column, or its parent's. */
  readonly owner: 'workspace' | { readonly column: string; readonly parent: string };
  /** Columns that point forward in the order (a debate's root claim): written after every table is in. */
  readonly late?: readonly string[];
  /** Counters only ever go up: merged with max, not compared. */
  readonly merge?: string;
}

/** Parents before children, so every foreign key finds its row. */
export const TRANSFER_PLAN: readonly TablePlan[] = [
  { table: 'debates', key: ['id'], owner: 'workspace', late: ['root_claim_id'] },
  { table: 'claims', key: ['id'], owner: 'workspace' },
  { table: 'claim_tags', key: ['claim_id', 'tag'], owner: { column: 'claim_id', parent: 'claims' } },
  { table: 'claim_texts', key: ['id'], owner: 'workspace' },
  { table: 'polls', key: ['id'], owner: 'workspace' },
  { table: 'credences', key: ['id'], owner: 'workspace' },
  { table: 'poll_votes', key: ['id'], owner: 'workspace' },
  { table: 'links', key: ['id'], owner: 'workspace' },
  { table: 'claim_resolutions', key: ['id'], owner: 'workspace' },
  { table: 'sim_runs', key: ['id'], owner: 'workspace' },
  { table: 'thread_captures', key: ['id'], owner: 'workspace' },
  { table: 'thread_capture_items', key: ['capture_id', 'position'], owner: { column: 'capture_id', parent: 'thread_captures' } },
  {
    table: 'thread_capture_links',
    key: ['capture_id', 'from_position', 'to_position'],
    owner: { column: 'capture_id', parent: 'thread_captures' },
  },
  { table: 'claim_deadlines', key: ['claim_id'], owner: 'workspace' },
  { table: 'person_settings', key: ['workspace', 'user_id'], owner: 'workspace' },
  { table: 'channel_debates', key: ['workspace', 'channel'], owner: 'workspace' },
  { table: 'workspace_settings', key: ['workspace', 'key'], owner: 'workspace' },
  { table: 'share_links', key: ['id'], owner: 'workspace' },
  { table: 'audit_log', key: ['id'], owner: 'workspace' },
  { table: 'counters', key: ['scope', 'kind'], owner: 'workspace', merge: 'last' },
  // Sealed with CRUXBOT_SECRET_KEY: a copy is readable only where that key is set.
  { table: 'slack_installations', key: ['install_key'], owner: 'workspace' },
];

/**
 * What a running bot keeps for minutes (form drafts, rate-limit windows, handled request ids, leases,
 * pending message edits): not moved, and emptied by a restore.
 */
/** The transient tables that belong to one workspace (a `workspace` column): emptied with it by `delete-workspace`. */
const WORKSPACE_QUEUES: readonly string[] = ['reminder_digests', 'poll_reminders', 'outbox'];

export const TRANSIENT_TABLES: readonly string[] = ['drafts', 'rate_hits', 'handled_requests', 'leases', 'outbox', 'reminder_digests', 'poll_reminders'];

/**
 * Tables `cruxbot export-all` leaves out: secrets of the deployment, not the team's work. A share link's
 * row would let whoever holds the file match a leaked token; a Slack install holds sealed bot tokens.
 * A restore of such an export has no share links (share again) and no Slack installs (add to Slack again).
 */
export const SECRET_TABLES: readonly string[] = ['share_links', 'slack_installations'];

/**
 * An export for a file that leaves the deployment: without the secret tables, and without what a running
 * bot holds for minutes (a restore empties those anyway), so restoring it and exporting again gives the
 * same file but for `exportedAt`.
 */
export function forArchive(data: DatabaseExport): DatabaseExport {
  const left = new Set([...SECRET_TABLES, ...TRANSIENT_TABLES]);
  return { ...data, tables: Object.fromEntries(Object.entries(data.tables).filter(([table]) => !left.has(table))) };
}

/** Counter rows for poll and capture ids, which are unique in the whole database, have this scope. */
const DATABASE_SCOPE = '';

type Row = Record<string, unknown>;

/** The rows of `workspace` in an export (counters: its own, and the database-wide ones, which only go up). */
export function forWorkspace(data: DatabaseExport, workspace: string): DatabaseExport {
  const kept: Record<string, unknown[]> = {};
  const ids = new Map<string, Set<unknown>>();
  for (const plan of TRANSFER_PLAN) {
    const rows = (data.tables[plan.table] ?? []) as Row[];
    const mine = rows.filter((row) => {
      if (plan.table === 'counters') return row.scope === workspace || row.scope === DATABASE_SCOPE;
      if (plan.owner === 'workspace') return row.workspace === workspace;
      return ids.get(plan.owner.parent)?.has(row[plan.owner.column]) ?? false;
    });
    kept[plan.table] = mine;
    if (plan.key.length === 1 && plan.key[0] === 'id') ids.set(plan.table, new Set(mine.map((r) => r.id)));
  }
  return { ...data, tables: kept };
}

/** The workspaces an export holds rows for (any table's), with how many claims each has. */
export function workspacesIn(data: DatabaseExport): Map<string, number> {
  const found = new Map<string, number>();
  for (const plan of TRANSFER_PLAN) {
    if (plan.owner !== 'workspace' || plan.table === 'counters') continue;
    for (const row of (data.tables[plan.table] ?? []) as Row[]) {
      const name = String(row.workspace);
      found.set(name, (found.get(name) ?? 0) + (plan.table === 'claims' ? 1 : 0));
    }
  }
  return found;
}

/** Rows per moved table: what `migrate-data` compares on both sides after a copy. */
export function rowCounts(data: DatabaseExport): Record<string, number> {
  return Object.fromEntries(TRANSFER_PLAN.filter((p) => !p.merge).map((p) => [p.table, (data.tables[p.table] ?? []).length]));
}

/** A refusal that names the table and the row, so the operator can see which data is in the way. */
export class TransferConflict extends StartupError {}

/** What a backend does for an import, inside the one transaction the backend opens around it. */
export interface TableWriter {
  /** The target's columns of `table` that can be written (not generated ones). */
  columns(table: string): Promise<readonly string[]>;
  /** Inserts `rows`, skipping any that collide with a row already there; returns how many went in. */
  insertMissing(table: string, columns: readonly string[], rows: readonly Row[]): Promise<number>;
  /** The target's rows of `table` with these keys (only the given columns). */
  find(table: string, key: readonly string[], columns: readonly string[], keys: readonly (readonly unknown[])[]): Promise<Row[]>;
  /** Raises `column` to at least each row's value (counters, retired numbers). */
  raise(table: string, key: readonly string[], column: string, rows: readonly Row[]): Promise<void>;
  /** Sets forward-pointing `columns` of rows whose value there is still empty. */
  fill(table: string, key: readonly string[], columns: readonly string[], rows: readonly Row[]): Promise<void>;
  /** Deletes every row of these tables (children first). */
  clear(tables: readonly string[]): Promise<void>;
  /** Deletes the rows of `table` whose `column` is `workspace`; returns how many. */
  removeWorkspace(table: string, column: string, workspace: string): Promise<number>;
  /** After the rows are in: moves id sequences past the highest id kept (PostgreSQL's identity columns). */
  finish(tables: readonly string[]): Promise<void>;
}

const BATCH = 500;

/**
 * An export from before schema 7 keeps a deleted debate's highest numbers in `retired_numbers`; since then
 * they are counter rows (claim and run numbers per workspace, poll and capture ids for the database).
 */
function withLegacyCounters(data: DatabaseExport): DatabaseExport {
  const retired = data.tables.retired_numbers as Row[] | undefined;
  if (!retired) return data;
  const { retired_numbers: _, ...tables } = data.tables;
  const folded = retired.map((r) => ({
    scope: r.kind === 'poll' || r.kind === 'capture' ? DATABASE_SCOPE : r.workspace,
    kind: r.kind,
    last: r.highest,
  }));
  return { ...data, tables: { ...tables, counters: [...((tables.counters as Row[] | undefined) ?? []), ...folded] } };
}

/** Equal as stored: numbers and numeric strings compare by value (bigint columns, REAL vs double), null = absent. */
function same(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return a === b;
}

function describeKey(plan: TablePlan, row: Row): string {
  return plan.key.map((k) => `${k} ${String(row[k])}`).join(', ');
}

/**
 * Copies an export's rows into the target through `writer`: a row already there (same key, same values)
 * is counted and skipped, so running it again changes nothing; a different row under the same key, or a
 * row that collides with another on a unique column (a claim number taken by another claim), stops the
 * whole import with a TransferConflict, and the backend's transaction leaves the target as it was.
 */
export async function importInto(writer: TableWriter, data: DatabaseExport, options: { replace?: boolean } = {}): Promise<ImportReport> {
  if (data.format !== 'cruxbot-export') throw new StartupError('That is not a cruxbot export (its "format" is not "cruxbot-export").');
  if (data.schemaVersion > latestSchemaVersion())
    throw new StartupError(
      `The data is from a newer cruxbot (schema ${data.schemaVersion}; this one knows ${latestSchemaVersion()}). Upgrade cruxbot first; nothing was copied.`,
    );
  data = withLegacyCounters(data);
  const known = new Set([...TRANSFER_PLAN.map((p) => p.table), ...TRANSIENT_TABLES]);
  const unknown = Object.keys(data.tables).filter((t) => !known.has(t));
  if (unknown.length) throw new StartupError(`The data has tables this cruxbot does not know (${unknown.join(', ')}); nothing was copied.`);

  if (options.replace) await writer.clear([...TRANSIENT_TABLES, ...[...TRANSFER_PLAN].reverse().map((p) => p.table)]);
  const report: Record<string, { added: number; same: number }> = {};
  for (const plan of TRANSFER_PLAN) {
    const rows = (data.tables[plan.table] ?? []) as Row[];
    const target = await writer.columns(plan.table);
    const columns = target.filter((c) => rows.length === 0 || c in rows[0]!);
    const compared = columns.filter((c) => !plan.late?.includes(c));
    let added = 0;
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      if (plan.merge) {
        await writer.raise(plan.table, plan.key, plan.merge, batch);
        added += batch.length;
        continue;
      }
      const early = plan.late ? batch.map((r) => ({ ...r, ...Object.fromEntries(plan.late!.map((c) => [c, null])) })) : batch;
      added += await writer.insertMissing(plan.table, columns, early);
      const found = await writer.find(
        plan.table,
        plan.key,
        compared,
        batch.map((r) => plan.key.map((k) => r[k])),
      );
      const byKey = new Map(found.map((r) => [JSON.stringify(plan.key.map((k) => String(r[k]))), r]));
      for (const row of batch) {
        const there = byKey.get(JSON.stringify(plan.key.map((k) => String(row[k]))));
        if (!there)
          throw new TransferConflict(
            `${plan.table} (${describeKey(plan, row)}) collides with a different row already in the target (the same number or name under another id); nothing was copied.`,
          );
        const differs = compared.find((c) => !same(row[c], there[c]));
        if (differs !== undefined)
          throw new TransferConflict(
            `${plan.table} (${describeKey(plan, row)}) is already in the target with a different ${differs}; nothing was copied. Is the target another deployment's database?`,
          );
      }
    }
    report[plan.table] = { added, same: plan.merge ? 0 : rows.length - added };
  }
  for (const plan of TRANSFER_PLAN) {
    if (!plan.late) continue;
    const rows = ((data.tables[plan.table] ?? []) as Row[]).filter((r) => plan.late!.some((c) => r[c] !== null && r[c] !== undefined));
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      await writer.fill(plan.table, plan.key, plan.late, batch);
      const found = await writer.find(
        plan.table,
        plan.key,
        [...plan.key, ...plan.late],
        batch.map((r) => plan.key.map((k) => r[k])),
      );
      const byKey = new Map(found.map((r) => [JSON.stringify(plan.key.map((k) => String(r[k]))), r]));
      for (const row of batch) {
        const differs = plan.late.find((c) => !same(row[c], byKey.get(JSON.stringify(plan.key.map((k) => String(row[k]))))?.[c]));
        if (differs !== undefined)
          throw new TransferConflict(
            `${plan.table} (${describeKey(plan, row)}) is already in the target with a different ${differs}; nothing was copied.`,
          );
      }
    }
  }
  await writer.finish(TRANSFER_PLAN.filter((p) => p.key.length === 1 && p.key[0] === 'id').map((p) => p.table));
  return { tables: report };
}

/**
 * Deletes every row of one workspace (children first; tag, capture item and link rows go with their
 * parents), inside the backend's transaction. Its counters stay, so if the workspace comes back its
 * claim numbers do not start again at C1 (an old message's button must never reach a new claim).
 * Returns the rows deleted per table.
 */
export async function removeWorkspace(writer: TableWriter, workspace: string): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  for (const plan of [...TRANSFER_PLAN].reverse()) {
    if (plan.owner !== 'workspace' || plan.table === 'counters') continue;
    removed[plan.table] = await writer.removeWorkspace(plan.table, 'workspace', workspace);
  }
  // Work queued for the workspace that no export carries: reminders not yet sent (they name its claims and
  // polls and would go out after the team is gone) and message edits waiting in the outbox.
  for (const table of WORKSPACE_QUEUES) removed[table] = await writer.removeWorkspace(table, 'workspace', workspace);
  return removed;
}
