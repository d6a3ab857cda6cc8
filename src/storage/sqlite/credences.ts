import { type CredenceRow, toCredence, type LatestRow, toLatest } from '../rows.ts';
import type { Credence, CredenceCondition, LatestCredence, MyCredence, NewCredence } from '../../domain/credences/credence.ts';
import type { Db } from './database.ts';

/** Lean rows for bulk reads: no joins, so a debate's 25,000 credences come straight off the index. */
const SELECT_LATEST = 'SELECT x.id, x.claim_id, x.user_id, x.user_name, x.value, x.given_claim_id, x.given_true FROM credences x';

const SELECT = `
  SELECT x.*, c.number AS claim_number, g.number AS given_number
  FROM credences x JOIN claims c ON c.id = x.claim_id LEFT JOIN claims g ON g.id = x.given_claim_id`;

/**
 * The newest row of each (claim, person, condition) among the rows `filter` picks out. A filter on one
 * person names their index: left to itself, SQLite reads every credence of the workspace instead.
 */
const latestIds = (filter: string, index = '') => `
  SELECT MAX(x.id) FROM credences x ${index} WHERE ${filter} GROUP BY x.claim_id, x.given_claim_id, x.given_true, x.user_id`;
const BY_USER = 'INDEXED BY credences_by_user';

type Params = Record<string, string | number>;

/**
 * Credences: an append-only history. Reads return each person's latest row per claim and condition.
 * Every method takes the workspace.
 */
export class CredenceRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO credences (workspace, claim_id, user_id, user_name, value, given_claim_id, given_true, poll_id, at)
         VALUES (@workspace, @claimId, @userId, @userName, @value, @givenClaimId, @givenTrue, @pollId, @at)`,
      ),
      byId: db.prepare<[number], CredenceRow>(`${SELECT} WHERE x.id = ?`),
      latestOf: db.prepare<
        [{ workspace: string; claimId: number; userId: string; given: number | null; isTrue: number | null }],
        CredenceRow
      >(
        `${SELECT} WHERE x.workspace = @workspace AND x.claim_id = @claimId AND x.user_id = @userId
           AND x.given_claim_id IS @given AND x.given_true IS @isTrue
         ORDER BY x.id DESC LIMIT 1`,
      ),
      latestForClaim: db.prepare<[Params], CredenceRow>(
        `${SELECT} WHERE x.id IN (${latestIds('x.workspace = @workspace AND x.claim_id = @claimId')}) ORDER BY x.id`,
      ),
      latestUnconditional: db.prepare<[Params], LatestRow>(
        `${SELECT_LATEST} WHERE x.id IN (${latestIds(
          'x.workspace = @workspace AND x.claim_id = @claimId AND x.given_claim_id IS NULL AND x.id <= @upToId',
        )}) ORDER BY x.id`,
      ),
      latestInDebate: db.prepare<[Params], LatestRow>(
        `${SELECT_LATEST} WHERE x.id IN (${latestIds('x.workspace = @workspace AND x.claim_id IN (SELECT id FROM claims WHERE debate_id = @debateId)')})
         ORDER BY x.id`,
      ),
      latestUnconditionalInDebate: db.prepare<[Params], LatestRow>(
        `${SELECT_LATEST} WHERE x.id IN (${latestIds(
          'x.workspace = @workspace AND x.given_claim_id IS NULL AND x.claim_id IN (SELECT id FROM claims WHERE debate_id = @debateId)',
        )}) ORDER BY x.id`,
      ),
      latestPlainInDebate: db
        .prepare<[Params], [number, string, string, number, number]>(
          `SELECT x.id, x.user_id, x.user_name, x.claim_id, x.value FROM credences x WHERE x.id IN (${latestIds(
            'x.workspace = @workspace AND x.given_claim_id IS NULL AND x.claim_id IN (SELECT id FROM claims WHERE debate_id = @debateId)',
          )})`,
        )
        .raw(true),
      byUser: db.prepare<[Params], CredenceRow & { claim_text: string; claim_status: string }>(
        `SELECT x.*, c.number AS claim_number, g.number AS given_number, c.text AS claim_text, c.status AS claim_status
         FROM credences x JOIN claims c ON c.id = x.claim_id LEFT JOIN claims g ON g.id = x.given_claim_id
         WHERE x.id IN (${latestIds('x.workspace = @workspace AND x.user_id = @userId', BY_USER)})
         ORDER BY c.number, x.given_claim_id IS NOT NULL, g.number, x.given_true DESC LIMIT @limit OFFSET @offset`,
      ),
      // Two index lookups, not the person's whole history: their conditionals on the claim (credences_latest),
      // and everyone's given the claim (credences_by_given_claim), narrowed to them.
      conditionalsAround: db.prepare<[Params], LatestRow>(
        `${SELECT_LATEST} WHERE x.id IN (${latestIds(
          'x.workspace = @workspace AND x.claim_id = @claimId AND x.given_claim_id IS NOT NULL AND x.user_id = @userId',
          'INDEXED BY credences_latest',
        )} UNION ALL ${latestIds(
          'x.given_claim_id = @claimId AND x.workspace = @workspace AND x.user_id = @userId AND x.claim_id <> @claimId',
          'INDEXED BY credences_by_given_claim',
        )}) ORDER BY x.id`,
      ),
      countByUser: db.prepare<[Params], { n: number }>(
        `SELECT count(*) AS n FROM (SELECT 1 FROM credences x ${BY_USER} WHERE x.workspace = @workspace AND x.user_id = @userId
           GROUP BY x.claim_id, x.given_claim_id, x.given_true)`,
      ),
      newestId: db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM credences'),
      historyInDebate: db.prepare<[string, number], CredenceRow>(
        `SELECT x.*, c.number AS claim_number, g.number AS given_number
         FROM credences x JOIN claims c ON c.id = x.claim_id LEFT JOIN claims g ON g.id = x.given_claim_id
         WHERE x.workspace = ? AND c.debate_id = ? ORDER BY x.id`,
      ),
    };
  }

  async insert(credence: NewCredence): Promise<Credence> {
    const { lastInsertRowid } = this.statements.insert.run({
      workspace: credence.workspace,
      claimId: credence.claimId,
      userId: credence.userId,
      userName: credence.userName,
      value: credence.value,
      givenClaimId: credence.given?.claimId ?? null,
      givenTrue: credence.given ? (credence.given.isTrue ? 1 : 0) : null,
      pollId: credence.pollId ?? null,
      at: credence.at,
    });
    return toCredence(this.statements.byId.get(Number(lastInsertRowid))!);
  }

  /** This person's latest credence in the claim under this condition (none: unconditional). */
  async latestOf(workspace: string, userId: string, claimId: number, given?: CredenceCondition): Promise<Credence | undefined> {
    const row = this.statements.latestOf.get({
      workspace,
      claimId,
      userId,
      given: given?.claimId ?? null,
      isTrue: given ? (given.isTrue ? 1 : 0) : null,
    });
    return row && toCredence(row);
  }

  /** Everyone's latest credences in the claim, conditional ones included. */
  async latestForClaim(workspace: string, claimId: number): Promise<Credence[]> {
    return this.statements.latestForClaim.all({ workspace, claimId }).map(toCredence);
  }

  /** Everyone's latest plain credence in the claim; with `upToId`, as it stood when that row was the newest. */
  async latestUnconditional(workspace: string, claimId: number, upToId = Number.MAX_SAFE_INTEGER): Promise<LatestCredence[]> {
    return this.statements.latestUnconditional.all({ workspace, claimId, upToId }).map(toLatest);
  }

  /** Everyone's latest credences in every claim of the debate, conditional ones included. */
  async latestInDebate(workspace: string, debateId: number): Promise<LatestCredence[]> {
    return this.statements.latestInDebate.all({ workspace, debateId }).map(toLatest);
  }

  /** The same rows one at a time, straight off the statement: none are held. */
  async eachLatestInDebate(workspace: string, debateId: number, visit: (credence: LatestCredence) => void): Promise<void> {
    for (const row of this.statements.latestInDebate.iterate({ workspace, debateId })) visit(toLatest(row));
  }

  /** Raw rows (arrays, not objects) straight off the statement. */
  async eachLatestPlainInDebate(
    workspace: string,
    debateId: number,
    visit: (id: number, userId: string, userName: string, claimId: number, value: number) => void,
  ): Promise<void> {
    for (const [id, userId, userName, claimId, value] of this.statements.latestPlainInDebate.iterate({ workspace, debateId })) {
      visit(id, userId, userName, claimId, value);
    }
  }

  async latestUnconditionalInDebate(workspace: string, debateId: number): Promise<LatestCredence[]> {
    return this.statements.latestUnconditionalInDebate.all({ workspace, debateId }).map(toLatest);
  }

  /** A person's latest conditional credences in the claim, or given the claim. */
  async conditionalsAround(workspace: string, userId: string, claimId: number): Promise<LatestCredence[]> {
    return this.statements.conditionalsAround.all({ workspace, userId, claimId }).map(toLatest);
  }

  /** A person's latest credences, by claim number, with the claims' text and status. */
  async byUser(
    workspace: string,
    userId: string,
    page: { limit: number; offset: number },
  ): Promise<{ credences: MyCredence[]; total: number }> {
    const rows = this.statements.byUser.all({ workspace, userId, limit: page.limit, offset: page.offset });
    return {
      credences: rows.map((row) => ({ ...toCredence(row), claimText: row.claim_text, claimStatus: row.claim_status })),
      total: this.statements.countByUser.get({ workspace, userId })!.n,
    };
  }

  async historyInDebate(workspace: string, debateId: number): Promise<Credence[]> {
    return this.statements.historyInDebate.all(workspace, debateId).map(toCredence);
  }

  /** The id of the newest credence row of any workspace (a poll remembers it as its baseline). */
  async newestId(): Promise<number> {
    return this.statements.newestId.get()!.id ?? 0;
  }
}
