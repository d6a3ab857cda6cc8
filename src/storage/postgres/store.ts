import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { StartupError } from '../../core/errors.ts';
import type { CruxGraph } from '../../domain/crux-graph.ts';
import type { Debate } from '../../domain/debates.ts';
import type {
  AuditStore,
  CaptureStore,
  ClaimStore,
  CredenceStore,
  DatabaseExport,
  DatabaseInfo,
  ImportReport,
  DebateStore,
  ForecastStore,
  LinkStore,
  PollStore,
  ResolutionStore,
  SearchStore,
  SettingsStore,
  ShareLinkStore,
  SimRunStore,
  StateStore,
  InstallationsStore,
  Store,
  Tx,
} from '../ports.ts';
import { PgClaims, PgSearch } from './claims.ts';
import { connect, migrate, unavailable, versionOf, type Executor, type Pg, type PgTx } from './connection.ts';
import { PgCredences } from './credences.ts';
import { PgDebates } from './debates.ts';
import { Runner } from './exec.ts';
import { PgLinks } from './links.ts';
import { PgState } from './state.ts';
import { PgInstallations } from './installations.ts';
import { PgForecasts } from './forecasts.ts';
import { postgresWriter } from './transfer.ts';
import { importInto, removeWorkspace } from '../transfer.ts';
import { PgShareLinks } from './share-links.ts';
import { PgAudit, PgCaptures, PgPolls, PgResolutions, PgSettings, PgSimRuns } from './records.ts';

interface Open {
  readonly trx: PgTx;
  savepoints: number;
}

/**
 * The PostgreSQL backend: a pool of connections, the same repositories as SQLite's. A transaction holds
 * one connection; every repository call made inside it (through `tx` or through the store itself, as
 * SQLite's callers do) runs on that connection, found from the async context.
 */
export class PostgresStore implements Store {
  readonly backend = 'postgres';
  readonly debates: DebateStore;
  readonly claims: ClaimStore;
  readonly links: LinkStore;
  readonly audit: AuditStore;
  readonly simRuns: SimRunStore;
  readonly captures: CaptureStore;
  readonly credences: CredenceStore;
  readonly polls: PollStore;
  readonly resolutions: ResolutionStore;
  readonly settings: SettingsStore;
  readonly forecasts: ForecastStore;
  readonly search: SearchStore;
  readonly state: StateStore;
  readonly installations: InstallationsStore;
  readonly shareLinks: ShareLinkStore;
  private readonly context = new AsyncLocalStorage<Open>();
  private readonly run: Runner;

  private constructor(
    readonly db: Pg,
    /** Where it lives, without the password: `postgres://user@host:port/db`. */
    readonly location: string,
  ) {
    const run = (this.run = new Runner(() => this.executor(), location));
    const atomically = <T>(fn: () => Promise<T>) => this.transaction(fn);
    this.debates = new PgDebates(run, atomically);
    this.claims = new PgClaims(run, atomically);
    this.links = new PgLinks(run);
    this.audit = new PgAudit(run);
    this.simRuns = new PgSimRuns(run, atomically);
    this.captures = new PgCaptures(run, atomically);
    this.credences = new PgCredences(run);
    this.polls = new PgPolls(run, atomically);
    this.resolutions = new PgResolutions(run);
    this.settings = new PgSettings(run);
    this.forecasts = new PgForecasts(run);
    this.search = new PgSearch(run);
    this.state = new PgState(run, atomically);
    this.installations = new PgInstallations(run);
    this.shareLinks = new PgShareLinks(run);
  }

  /** Connects, migrates under the advisory lock, and returns the store; a StartupError says what is wrong. */
  static async open(url: string, options: { max?: number } = {}): Promise<PostgresStore> {
    const { db, where } = await connect(url, options);
    try {
      await migrate(db, where);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return new PostgresStore(db, where);
  }

  private executor(): Executor {
    return this.context.getStore()?.trx ?? this.db;
  }

  async graphOf(debate: Debate): Promise<CruxGraph> {
    return { debate, claims: await this.claims.inDebate(debate.id), links: await this.links.inDebate(debate.id) };
  }

  async neighbourhoodOf(debate: Debate, claimId: number, depth: number): Promise<CruxGraph> {
    const links = await this.links.around(debate.id, claimId, depth);
    const ids = new Set([claimId]);
    for (const l of links) ids.add(l.fromClaimId).add(l.toClaimId);
    const claims = (await this.claims.byIds(debate.workspace, [...ids])).filter((c) => c.debateId === debate.id);
    return { debate, claims, links };
  }

  /**
   * Runs `fn` in one transaction (READ COMMITTED; the writes that must not race are single statements or
   * take their row's lock: counters, conditional closes and settles, ON CONFLICT upserts). Inside another
   * transaction it is a savepoint. A lost connection rolls everything back and reads as "try again".
   */
  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const open = this.context.getStore();
    if (open) {
      const name = sql.raw(`sp${++open.savepoints}`);
      await this.run.run(sql`SAVEPOINT ${name}`);
      try {
        const result = await fn(this);
        await this.run.run(sql`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await this.run.run(sql`ROLLBACK TO SAVEPOINT ${name}`);
        await this.run.run(sql`RELEASE SAVEPOINT ${name}`);
        throw error;
      }
    }
    try {
      return await this.db.transaction().execute((trx) => this.context.run({ trx, savepoints: 0 }, () => fn(this)));
    } catch (error) {
      unavailable(error, this.location);
    }
  }

  async schemaVersion(): Promise<number> {
    try {
      return await versionOf(this.db);
    } catch (error) {
      unavailable(error, this.location);
    }
  }

  /**
   * A consistent snapshot in the portable format (`cruxbot-export` JSON, one REPEATABLE READ transaction),
   * written to `target`: what `cruxbot backup` keeps for a PostgreSQL deployment.
   */
  async backup(target: string, options: { overwrite?: boolean } = {}): Promise<DatabaseInfo> {
    if (existsSync(target) && !options.overwrite)
      throw new StartupError(`${target} already exists; choose a new file name (or pass --force to replace it).`);
    const snapshot = await this.exportAll();
    writeFileSync(target, JSON.stringify(snapshot), { mode: 0o600 });
    const rows = Object.fromEntries(Object.entries(snapshot.tables).map(([table, list]) => [table, list.length]));
    return { schemaVersion: snapshot.schemaVersion, bytes: statSync(target).size, rows };
  }

  /** Every row of every table in one snapshot, the columns and order SQLite's export has (not the search vector). */
  async exportAll(now = new Date()): Promise<DatabaseExport> {
    try {
      return await this.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(async (trx) => {
          const columns = await sql<{ table_name: string; column_name: string }>`
            SELECT c.table_name, c.column_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = current_schema() AND c.is_generated = 'NEVER' AND c.table_name <> 'schema_migrations'
            ORDER BY c.table_name, c.ordinal_position`.execute(trx);
          const byTable = new Map<string, string[]>();
          for (const row of columns.rows) byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.column_name]);
          const tables: Record<string, unknown[]> = {};
          for (const [table, cols] of [...byTable].sort(([a], [b]) => (a < b ? -1 : 1))) {
            const order = cols.includes('id')
              ? sql`id`
              : sql.raw(
                  cols
                    .slice(0, 2)
                    .map((c) => `"${c}"`)
                    .join(', '),
                );
            const list = sql.join(cols.map((c) => sql.ref(c)));
            tables[table] = (await sql`SELECT ${list} FROM ${sql.table(table)} ORDER BY ${order}`.execute(trx)).rows;
          }
          return { format: 'cruxbot-export' as const, schemaVersion: await versionOf(trx), exportedAt: now.toISOString(), tables };
        });
    } catch (error) {
      unavailable(error, this.location);
    }
  }

  async deleteWorkspace(workspace: string): Promise<Record<string, number>> {
    return await this.transaction(async () => await removeWorkspace(postgresWriter(this.run), workspace));
  }

  async importRows(data: DatabaseExport, options: { replace?: boolean } = {}): Promise<ImportReport> {
    return await this.transaction(async () => await importInto(postgresWriter(this.run), data, options));
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
