import { simRunNotFound, type SimRunRow, toSimRun } from '../rows.ts';
import { Counters } from './counters.ts';
import type { SimRun, SimRunKind } from '../../domain/sim-runs.ts';
import type { Db } from './database.ts';

/** Drift runs kept as evidence. Every method takes the workspace; none reads across workspaces. */
export class SimRunRepository {
  private readonly statements;
  private readonly counters: Counters;
  /** Numbered from the counter row, in one transaction with the row (a savepoint inside another). */
  private readonly insertAtomically: (run: Parameters<SimRunRepository['insert']>[0]) => number;

  constructor(db: Db) {
    this.counters = new Counters(db);
    this.insertAtomically = db.transaction((run: Parameters<SimRunRepository['insert']>[0]) => this.insertRow(run)).immediate;
    this.statements = {
      // Past any number a deleted debate took with it, as for claims.
      insert: db.prepare(
        `INSERT INTO sim_runs (workspace, number, kind, input, summary, headline, claim_id, created_by, created_at)
         VALUES (@workspace, @number, @kind, @input, @summary, @headline, @claimId, @createdBy, @at)`,
      ),
      byNumber: db.prepare<[string, number], SimRunRow>('SELECT * FROM sim_runs WHERE workspace = ? AND number = ?'),
      forClaim: db.prepare<[string, number], SimRunRow>('SELECT * FROM sim_runs WHERE workspace = ? AND claim_id = ? ORDER BY number'),
    };
  }

  async insert(run: {
    workspace: string;
    kind: SimRunKind;
    input: unknown;
    summary: unknown;
    headline: string;
    claimId: number | null;
    createdBy: string;
    at: string;
  }): Promise<SimRun> {
    const number = this.insertAtomically(run);
    return (await this.byNumber(run.workspace, number))!;
  }

  private insertRow(run: Parameters<SimRunRepository['insert']>[0]): number {
    const number = this.counters.next(run.workspace, 'sim-run');
    this.statements.insert.run({
      workspace: run.workspace,
      number,
      kind: run.kind,
      input: JSON.stringify(run.input),
      summary: JSON.stringify(run.summary),
      headline: run.headline,
      claimId: run.claimId,
      createdBy: run.createdBy,
      at: run.at,
    });
    return number;
  }

  async byNumber(workspace: string, number: number): Promise<SimRun | undefined> {
    const row = this.statements.byNumber.get(workspace, number);
    return row && toSimRun(row);
  }

  async require(workspace: string, number: number): Promise<SimRun> {
    const run = await this.byNumber(workspace, number);
    if (!run) throw simRunNotFound(number);
    return run;
  }

  async forClaim(workspace: string, claimId: number): Promise<SimRun[]> {
    return this.statements.forClaim.all(workspace, claimId).map(toSimRun);
  }
}
