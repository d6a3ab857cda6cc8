import { sql, type RawBuilder } from 'kysely';
import type { Credence, CredenceCondition, LatestCredence, MyCredence, NewCredence } from '../../domain/credences/credence.ts';
import type { CredenceStore } from '../ports.ts';
import { toCredence, toLatest, type CredenceRow, type LatestRow } from '../rows.ts';
import type { Runner } from './exec.ts';

const LATEST = sql`x.id, x.claim_id, x.user_id, x.user_name, x.value, x.given_claim_id, x.given_true`;
const FULL = sql`x.id, x.workspace, x.claim_id, x.user_id, x.user_name, x.value, x.given_claim_id, x.given_true, x.poll_id, x.at,
  c.number AS claim_number, g.number AS given_number`;
const JOINS = sql`credences x JOIN claims c ON c.id = x.claim_id LEFT JOIN claims g ON g.id = x.given_claim_id`;

/** The newest row of each (claim, person, condition) among the rows `filter` picks out. */
const latestIds = (filter: RawBuilder<unknown>) =>
  sql`SELECT MAX(x.id) FROM credences x WHERE ${filter} GROUP BY x.claim_id, x.given_claim_id, x.given_true, x.user_id`;

/** Claims per page when a debate's credences are read in pages. */
const PAGE_CLAIMS = 5000;

const inDebate = (debateId: number) => sql`x.claim_id IN (SELECT id FROM claims WHERE debate_id = ${debateId})`;

/** Credences on PostgreSQL: the same append-only history and the same latest-row reads as SQLite. */
export class PgCredences implements CredenceStore {
  constructor(private readonly sql: Runner) {}

  async insert(credence: NewCredence): Promise<Credence> {
    const row = await this.sql.one<{ id: number }>(sql`
      INSERT INTO credences (workspace, claim_id, user_id, user_name, value, given_claim_id, given_true, poll_id, at)
      VALUES (${credence.workspace}, ${credence.claimId}, ${credence.userId}, ${credence.userName}, ${credence.value},
        ${credence.given?.claimId ?? null}, ${credence.given ? (credence.given.isTrue ? 1 : 0) : null}, ${credence.pollId ?? null}, ${credence.at})
      RETURNING id`);
    return toCredence((await this.sql.one<CredenceRow>(sql`SELECT ${FULL} FROM ${JOINS} WHERE x.id = ${row!.id}`))!);
  }

  async latestOf(workspace: string, userId: string, claimId: number, given?: CredenceCondition): Promise<Credence | undefined> {
    const row = await this.sql.one<CredenceRow>(sql`
      SELECT ${FULL} FROM ${JOINS}
      WHERE x.workspace = ${workspace} AND x.claim_id = ${claimId} AND x.user_id = ${userId}
        AND x.given_claim_id IS NOT DISTINCT FROM ${given?.claimId ?? null}::integer
        AND x.given_true IS NOT DISTINCT FROM ${given ? (given.isTrue ? 1 : 0) : null}::integer
      ORDER BY x.id DESC LIMIT 1`);
    return row && toCredence(row);
  }

  async latestForClaim(workspace: string, claimId: number): Promise<Credence[]> {
    const rows = await this.sql.rows<CredenceRow>(sql`
      SELECT ${FULL} FROM ${JOINS}
      WHERE x.id IN (${latestIds(sql`x.workspace = ${workspace} AND x.claim_id = ${claimId}`)}) ORDER BY x.id`);
    return rows.map(toCredence);
  }

  async latestUnconditional(workspace: string, claimId: number, upToId = 2 ** 31 - 1): Promise<LatestCredence[]> {
    return (
      await this.latest(sql`x.workspace = ${workspace} AND x.claim_id = ${claimId} AND x.given_claim_id IS NULL AND x.id <= ${upToId}`)
    ).map(toLatest);
  }

  async latestInDebate(workspace: string, debateId: number): Promise<LatestCredence[]> {
    return (await this.latest(sql`x.workspace = ${workspace} AND ${inDebate(debateId)}`)).map(toLatest);
  }

  /** The same rows, read a few thousand claims at a time (by claim row id) so no more than a page is held. */
  async eachLatestInDebate(workspace: string, debateId: number, visit: (credence: LatestCredence) => void): Promise<void> {
    for (let after = 0; ; ) {
      const page = await this.sql.rows<{ id: number }>(
        sql`SELECT id FROM claims WHERE debate_id = ${debateId} AND id > ${after} ORDER BY id LIMIT ${PAGE_CLAIMS}`,
      );
      if (page.length === 0) return;
      const last = page[page.length - 1]!.id;
      const within = sql`x.claim_id IN (SELECT id FROM claims WHERE debate_id = ${debateId} AND id > ${after} AND id <= ${last})`;
      for (const row of await this.latest(sql`x.workspace = ${workspace} AND ${within}`)) visit(toLatest(row));
      after = last;
    }
  }

  async eachLatestPlainInDebate(
    workspace: string,
    debateId: number,
    visit: (id: number, userId: string, userName: string, claimId: number, value: number) => void,
  ): Promise<void> {
    for (let after = 0; ; ) {
      const page = await this.sql.rows<{ id: number }>(
        sql`SELECT id FROM claims WHERE debate_id = ${debateId} AND id > ${after} ORDER BY id LIMIT ${PAGE_CLAIMS}`,
      );
      if (page.length === 0) return;
      const last = page[page.length - 1]!.id;
      const rows = await this.sql.rows<{ id: number; user_id: string; user_name: string; claim_id: number; value: number }>(sql`
        SELECT x.id, x.user_id, x.user_name, x.claim_id, x.value FROM credences x WHERE x.id IN (${latestIds(
          sql`x.workspace = ${workspace} AND x.given_claim_id IS NULL
            AND x.claim_id IN (SELECT id FROM claims WHERE debate_id = ${debateId} AND id > ${after} AND id <= ${last})`,
        )})`);
      for (const r of rows) visit(Number(r.id), r.user_id, r.user_name, Number(r.claim_id), Number(r.value));
      after = last;
    }
  }

  async latestUnconditionalInDebate(workspace: string, debateId: number): Promise<LatestCredence[]> {
    return (await this.latest(sql`x.workspace = ${workspace} AND x.given_claim_id IS NULL AND ${inDebate(debateId)}`)).map(toLatest);
  }

  /** Two index lookups (the person's conditionals on the claim; those given the claim), not their whole history. */
  async conditionalsAround(workspace: string, userId: string, claimId: number): Promise<LatestCredence[]> {
    const mine = sql`x.workspace = ${workspace} AND x.user_id = ${userId}`;
    const rows = await this.sql.rows<LatestRow>(sql`
      SELECT ${LATEST} FROM credences x WHERE x.id IN (
        ${latestIds(sql`${mine} AND x.claim_id = ${claimId} AND x.given_claim_id IS NOT NULL`)}
        UNION ALL ${latestIds(sql`${mine} AND x.given_claim_id = ${claimId} AND x.claim_id <> ${claimId}`)})
      ORDER BY x.id`);
    return rows.map(toLatest);
  }

  private async latest(filter: RawBuilder<unknown>): Promise<LatestRow[]> {
    return await this.sql.rows<LatestRow>(sql`SELECT ${LATEST} FROM credences x WHERE x.id IN (${latestIds(filter)}) ORDER BY x.id`);
  }

  async byUser(
    workspace: string,
    userId: string,
    page: { limit: number; offset: number },
  ): Promise<{ credences: MyCredence[]; total: number }> {
    const mine = sql`x.workspace = ${workspace} AND x.user_id = ${userId}`;
    const rows = await this.sql.rows<CredenceRow & { claim_text: string; claim_status: string }>(sql`
      SELECT ${FULL}, c.text AS claim_text, c.status AS claim_status FROM ${JOINS}
      WHERE x.id IN (${latestIds(mine)})
      ORDER BY c.number, x.given_claim_id IS NOT NULL, g.number NULLS FIRST, x.given_true DESC NULLS LAST
      LIMIT ${page.limit} OFFSET ${page.offset}`);
    const total = await this.sql.one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM credences x WHERE ${mine} GROUP BY x.claim_id, x.given_claim_id, x.given_true) t`);
    return {
      credences: rows.map((row) => ({ ...toCredence(row), claimText: row.claim_text, claimStatus: row.claim_status })),
      total: total!.n,
    };
  }

  async historyInDebate(workspace: string, debateId: number): Promise<Credence[]> {
    const rows = await this.sql.rows<CredenceRow>(sql`
      SELECT ${FULL} FROM ${JOINS} WHERE x.workspace = ${workspace} AND c.debate_id = ${debateId} ORDER BY x.id`);
    return rows.map(toCredence);
  }

  async newestId(): Promise<number> {
    return (await this.sql.one<{ id: number | null }>(sql`SELECT MAX(id) AS id FROM credences`))!.id ?? 0;
  }
}
