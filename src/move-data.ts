import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartupError } from './core/errors.ts';
import { DELETE_WORKSPACE_USAGE, MIGRATE_USAGE } from './move-data-usage.ts';

export { DELETE_WORKSPACE_USAGE, MIGRATE_USAGE };
import {
  describeUrl,
  forWorkspace,
  isPostgresUrl,
  openConfiguredStore,
  openLocation,
  openStore,
  readBackup,
  restoreDatabase,
  rowCounts,
  workspacesIn,
} from './storage/index.ts';
import type { DatabaseExport, DatabaseInfo, ImportReport, Store } from './storage/ports.ts';
import { forArchive } from './storage/transfer.ts';

/**
 * `cruxbot export-all`: every table's rows as JSON (what `cruxbot restore` takes back), without the
 * secret tables (share links, Slack installs) or what a running bot holds for minutes (drafts, leases…). Only `exportedAt` differs between two exports of the same
 * database.
 */
export async function exportAllJson(store: Pick<Store, 'exportAll'>, now = new Date()): Promise<string> {
  return `${JSON.stringify(forArchive(await store.exportAll(now)), null, 2)}\n`;
}

/** Where output goes (the terminal, or a test's buffer). */
export interface Out {
  (text: string): void;
}

/** A database as the operator may be shown it: a file path, or a URL without its password. */
const shown = (where: string): string => (isPostgresUrl(where) ? describeUrl(where) : where);

function flag(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const value = at === -1 ? undefined : args[at + 1];
  return value === undefined || value.startsWith('--') ? undefined : value;
}

function summary(report: ImportReport): string {
  const parts = Object.entries(report.tables)
    .filter(([table, r]) => r.added + r.same > 0 && table !== 'counters')
    .map(
      ([table, r]) =>
        `${table} ${r.added.toLocaleString('en-US')} added${r.same ? `, ${r.same.toLocaleString('en-US')} already there` : ''}`,
    );
  return parts.length ? parts.join('; ') : 'no rows';
}

/**
 * `cruxbot migrate-data`: copies every workspace (or one) from one database to another, either backend to
 * either, ids kept, in one transaction on the target; then reads both sides again and compares the rows
 * per table. Running it again adds nothing. Returns the exit code.
 */
export async function migrateData(args: readonly string[], out: Out): Promise<number> {
  const from = flag(args, 'from');
  const to = flag(args, 'to');
  const workspace = flag(args, 'workspace');
  if (!from || !to) throw new StartupError(`migrate-data needs both --from and --to. Usage: ${MIGRATE_USAGE}`);
  if (from === to) throw new StartupError('--from and --to name the same database; nothing to copy.');
  const source = await openLocation(from, { mustExist: true });
  let target: Store | undefined;
  try {
    target = await openLocation(to);
    const everything = await source.exportAll();
    const held = workspacesIn(everything);
    if (workspace !== undefined && !held.has(workspace))
      throw new StartupError(
        `${shown(from)} has no workspace "${workspace}"${held.size ? ` (it has: ${[...held.keys()].join(', ')})` : ' (it holds no debates)'}; nothing was copied.`,
      );
    const chosen = workspace === undefined ? everything : forWorkspace(everything, workspace);
    out(
      `Copying ${workspace === undefined ? `${held.size} workspace${held.size === 1 ? '' : 's'}` : `workspace ${workspace}`} from ${shown(from)} to ${shown(to)}…\n`,
    );
    const report = await target.importRows(chosen);
    out(`${summary(report)}.\n`);
    return checkCounts(chosen, await target.exportAll(), out);
  } finally {
    await source.close();
    await target?.close();
  }
}

/** Compares, workspace by workspace, what was sent with what the target now holds (it may hold other workspaces too). */
function checkCounts(sent: DatabaseExport, there: DatabaseExport, out: Out): number {
  const total: Record<string, number> = {};
  const wrong: string[] = [];
  for (const name of workspacesIn(sent).keys()) {
    const want = rowCounts(forWorkspace(sent, name));
    const have = rowCounts(forWorkspace(there, name));
    for (const table of Object.keys(want)) {
      total[table] = (total[table] ?? 0) + want[table]!;
      if (want[table] !== have[table]) wrong.push(`${name} ${table}: ${want[table]} sent, ${have[table]} in the target`);
    }
  }
  if (wrong.length) {
    out(`Check failed: ${wrong.join('; ')}.\n`);
    return 1;
  }
  const main = ['debates', 'claims', 'links', 'credences', 'polls'];
  const shownTables = main.map((t) => `${(total[t] ?? 0).toLocaleString('en-US')} ${t}`).join(', ');
  out(`Checked: both sides hold the same rows (${shownTables}, and ${Object.keys(total).length - main.length} more tables).\n`);
  return 0;
}

function describe(info: Pick<DatabaseInfo, 'rows'>): string {
  return ['debates', 'claims', 'links', 'credences', 'polls']
    .filter((t) => info.rows[t] !== undefined)
    .map((t) => `${info.rows[t]} ${t}`)
    .join(', ');
}

/**
 * `cruxbot restore <file>`: a backup of either backend (a SQLite file or a JSON snapshot) replaces the
 * configured database. SQLite: the file is swapped (the one you had kept beside it). PostgreSQL: one
 * transaction empties the tables and fills them from the backup, after a snapshot of what was there is
 * saved beside the backup. Run it with the bot stopped.
 */
export async function restoreBackup(
  file: string,
  config: { DATABASE_URL?: string | undefined; DATABASE_PATH: string },
  out: Out,
  now = new Date(),
): Promise<number> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  if (config.DATABASE_URL) {
    const data = await readBackup(file);
    const store = await openConfiguredStore(config);
    try {
      const saved = `${file}.before-restore-${stamp}.json`;
      await store.backup(saved);
      out(`What the database held is saved as ${saved}.\n`);
      const report = await store.importRows(data, { replace: true });
      const rows = Object.fromEntries(Object.entries(report.tables).map(([t, r]) => [t, r.added + r.same]));
      out(`Restored ${file} into ${store.location} (${describe({ rows })}).\n`);
    } finally {
      await store.close();
    }
    return 0;
  }
  const head = readBackupKind(file);
  let source = file;
  let folder: string | undefined;
  if (head === 'json') {
    // A JSON snapshot (from a PostgreSQL deployment) becomes a SQLite file first, then is swapped in.
    folder = mkdtempSync(join(tmpdir(), 'cruxbot-restore-'));
    source = join(folder, 'restored.db');
    const store = openStore(source);
    try {
      await store.importRows(await readBackup(file));
    } finally {
      await store.close();
    }
  }
  try {
    const { info, saved } = await restoreDatabase(source, config.DATABASE_PATH, now);
    if (saved) out(`The database you had is saved as ${saved}.\n`);
    out(
      `Restored ${file} into ${config.DATABASE_PATH} (schema ${info.schemaVersion}, ${(info.bytes / 1024).toFixed(0)} KB: ${describe(info)}).\n`,
    );
  } finally {
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
  return 0;
}

function readBackupKind(file: string): 'sqlite' | 'json' {
  if (!existsSync(file)) throw new StartupError(`There is no backup file at ${file}.`);
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    return head.toString('latin1').startsWith('SQLite format 3') ? 'sqlite' : 'json';
  } finally {
    closeSync(fd);
  }
}

/**
 * `cruxbot delete-workspace`: every debate, claim, credence, poll, setting and audit row of one workspace
 * (a team that left a hosted deployment), in one transaction. Without `--confirm <the same id>` it only
 * says what would go. Other workspaces are untouched.
 */
export async function deleteWorkspace(
  args: readonly string[],
  config: { DATABASE_URL?: string | undefined; DATABASE_PATH: string },
  out: Out,
): Promise<number> {
  const workspace = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--confirm');
  const confirm = flag(args, 'confirm');
  if (!workspace) throw new StartupError(`Name the workspace. Usage: ${DELETE_WORKSPACE_USAGE}`);
  const store = await openConfiguredStore(config);
  try {
    const everything = await store.exportAll();
    const held = workspacesIn(everything);
    if (!held.has(workspace))
      throw new StartupError(
        `${store.location} has no workspace "${workspace}"${held.size ? ` (it has: ${[...held.keys()].join(', ')})` : ''}; nothing was deleted.`,
      );
    const counts = rowCounts(forWorkspace(everything, workspace));
    const what = ['debates', 'claims', 'links', 'credences', 'polls'].map((t) => `${counts[t] ?? 0} ${t}`).join(', ');
    if (confirm !== workspace) {
      out(`Workspace ${workspace} holds ${what}. To delete all of it, run again with --confirm ${workspace}. Nothing was deleted.\n`);
      return confirm === undefined ? 0 : 1;
    }
    await store.deleteWorkspace(workspace);
    out(`Deleted workspace ${workspace}: ${what}, with its settings and audit log. Other workspaces are as they were.\n`);
    return 0;
  } finally {
    await store.close();
  }
}
