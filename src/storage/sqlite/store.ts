import { AsyncLocalStorage } from 'node:async_hooks';
import type { CruxGraph } from '../../domain/crux-graph.ts';
import type { Debate } from '../../domain/debates.ts';
import { AuditRepository } from './audit.ts';
import { ClaimRepository } from './claims.ts';
import { CredenceRepository } from './credences.ts';
import { openDatabase, type Db } from './database.ts';
import { DebateRepository } from './debates.ts';
import { LinkRepository } from './links.ts';
import { SimRunRepository } from './sim-runs.ts';
import { ThreadCaptureRepository } from './thread-captures.ts';
import { PollRepository } from './polls.ts';
import { ResolutionRepository } from './resolutions.ts';
import { SettingsRepository } from './settings.ts';
import { ForecastRepository } from './forecasts.ts';
import { ShareLinkRepository } from './share-links.ts';
import { ClaimSearch } from './search.ts';
import { SqliteState } from './state.ts';
import { SqliteInstallations } from './installations.ts';
import { backupDatabase, exportAll } from './backup.ts';
import { sqliteWriter } from './transfer.ts';
import { importInto, removeWorkspace } from '../transfer.ts';
import type {
  AuditStore,
  CaptureStore,
  ClaimStore,
  CredenceStore,
  DatabaseExport,
  DatabaseInfo,
  DebateStore,
  ForecastStore,
  ImportReport,
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

/** The embedded backend: one better-sqlite3 connection to a file, one repository per aggregate. */
export class SqliteStore implements Store {
  readonly backend = 'sqlite';
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

  constructor(
    readonly db: Db,
    readonly location: string,
  ) {
    this.search = this.gated(new ClaimSearch(db));
    this.debates = this.gated(new DebateRepository(db));
    this.claims = this.gated(new ClaimRepository(db));
    this.links = this.gated(new LinkRepository(db));
    this.audit = this.gated(new AuditRepository(db));
    this.simRuns = this.gated(new SimRunRepository(db));
    this.captures = this.gated(new ThreadCaptureRepository(db));
    this.credences = this.gated(new CredenceRepository(db));
    this.polls = this.gated(new PollRepository(db));
    this.resolutions = this.gated(new ResolutionRepository(db));
    this.settings = this.gated(new SettingsRepository(db));
    this.forecasts = this.gated(new ForecastRepository(db));
    this.state = this.gated(new SqliteState(db));
    this.installations = this.gated(new SqliteInstallations(db));
    this.shareLinks = this.gated(new ShareLinkRepository(db));
  }

  /** A debate with its claims and the links between them: what the map and the exports draw from. */
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

  static open(path: string): SqliteStore {
    return new SqliteStore(openDatabase(path), path);
  }

  /** Read from the file each time (not a cached constant), so a missing, locked or closed file shows. */
  async schemaVersion(): Promise<number> {
    if (!this.db.open) throw Object.assign(new Error('The database is closed.'), { code: 'closed' });
    this.db.prepare('SELECT COUNT(*) FROM sqlite_schema').pluck().get();
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  async backup(target: string, options: { overwrite?: boolean } = {}): Promise<DatabaseInfo> {
    await this.idle();
    return await backupDatabase(this.db, target, options);
  }

  async exportAll(now = new Date()): Promise<DatabaseExport> {
    await this.idle();
    return exportAll(this.db, now);
  }

  async deleteWorkspace(workspace: string): Promise<Record<string, number>> {
    return await this.transaction(async () => await removeWorkspace(sqliteWriter(this.db), workspace));
  }

  async importRows(data: DatabaseExport, options: { replace?: boolean } = {}): Promise<ImportReport> {
    return await this.transaction(async () => await importInto(sqliteWriter(this.db), data, options));
  }

  private readonly context = new AsyncLocalStorage<true>();
  private gate: Promise<void> = Promise.resolve();
  private open = 0;
  private savepoints = 0;

  /**
   * Runs `fn` in one transaction: all of its writes land, or none do. It starts with BEGIN IMMEDIATE, so
   * it takes the file's write lock first (another process waits for it rather than failing half-way), and
   * while it is open, calls from outside it wait: nothing else joins it. A transaction inside a transaction
   * is a savepoint.
   */
  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.context.getStore()) {
      const name = `sp${++this.savepoints}`;
      this.db.exec(`SAVEPOINT ${name}`);
      try {
        const result = await fn(this);
        this.db.exec(`RELEASE ${name}`);
        return result;
      } catch (error) {
        this.db.exec(`ROLLBACK TO ${name}`);
        this.db.exec(`RELEASE ${name}`);
        throw error;
      }
    }
    const previous = this.gate;
    let release!: () => void;
    this.gate = new Promise((resolve) => (release = resolve));
    this.open++;
    await previous;
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await this.context.run(true, () => fn(this));
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.open--;
      release();
    }
  }

  /**
   * The repository as callers see it: a call made outside the open transaction of another caller waits
   * for it to end, so it neither sees nor joins that transaction's writes.
   */
  private gated<R extends object>(repository: R): R {
    const methods = new Map<PropertyKey, unknown>();
    return new Proxy(repository, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        let method = methods.get(property);
        if (!method) {
          method = (...args: unknown[]) => {
            const wait = this.idle();
            return wait ? wait.then(() => value.apply(target, args)) : value.apply(target, args);
          };
          methods.set(property, method);
        }
        return method;
      },
    });
  }

  /** Resolves when no transaction of another caller is open: what a call outside a transaction waits for. */
  idle(): Promise<void> | undefined {
    if (this.open === 0 || this.context.getStore()) return undefined;
    return this.gate.then(() => this.idle());
  }

  async close(): Promise<void> {
    await this.idle();
    if (this.db.open) this.db.close();
  }
}
