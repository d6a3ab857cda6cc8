import type { CruxGraph } from '../domain/crux-graph.ts';
import type { Debate } from '../domain/debates.ts';
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

/** The database and one repository per aggregate. */
export class Store {
  readonly debates: DebateRepository;
  readonly claims: ClaimRepository;
  readonly links: LinkRepository;
  readonly audit: AuditRepository;
  readonly simRuns: SimRunRepository;
  readonly captures: ThreadCaptureRepository;
  readonly credences: CredenceRepository;
  readonly polls: PollRepository;
  readonly resolutions: ResolutionRepository;
  readonly settings: SettingsRepository;

  constructor(readonly db: Db) {
    this.debates = new DebateRepository(db);
    this.claims = new ClaimRepository(db);
    this.links = new LinkRepository(db);
    this.audit = new AuditRepository(db);
    this.simRuns = new SimRunRepository(db);
    this.captures = new ThreadCaptureRepository(db);
    this.credences = new CredenceRepository(db);
    this.polls = new PollRepository(db);
    this.resolutions = new ResolutionRepository(db);
    this.settings = new SettingsRepository(db);
  }

  /** A debate with its claims and the links between them: what the map and the exports draw from. */
  graphOf(debate: Debate): CruxGraph {
    return { debate, claims: this.claims.inDebate(debate.id), links: this.links.inDebate(debate.id) };
  }

  static open(path: string): Store {
    return new Store(openDatabase(path));
  }

  /** Runs `fn` in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
