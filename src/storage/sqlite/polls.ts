import { type PollRow, toPoll } from '../rows.ts';
import type { NewPoll, Poll } from '../../domain/polls.ts';
import { Counters, DATABASE_SCOPE } from './counters.ts';
import type { MessageRef } from '../../core/reply.ts';
import type { Db } from './database.ts';

const SELECT = 'SELECT p.*, c.number AS claim_number FROM polls p JOIN claims c ON c.id = p.claim_id';

/** Polls on claims, and where their messages live. */
export class PollRepository {
  private readonly statements;
  private readonly counters: Counters;
  /** Numbered from the counter row, in one transaction with the row (a savepoint inside another). */
  private readonly insertAtomically: (poll: NewPoll) => number;

  constructor(db: Db) {
    this.counters = new Counters(db);
    this.insertAtomically = db.transaction((poll: NewPoll) => this.insertRow(poll)).immediate;
    this.statements = {
      insert: db.prepare(
        `INSERT INTO polls (id, workspace, claim_id, channel, hide, created_by, created_by_name, created_at, closes_at, baseline_credence_id)
         VALUES (@id, @workspace, @claimId, @channel, @hide, @createdBy, @createdByName, @createdAt, @closesAt, @baselineCredenceId)`,
      ),
      byId: db.prepare<[string, number], PollRow>(`${SELECT} WHERE p.workspace = ? AND p.id = ?`),
      openForClaim: db.prepare<[string, number], PollRow>(`${SELECT} WHERE p.workspace = ? AND p.claim_id = ? AND p.closed_at IS NULL`),
      latestForClaim: db.prepare<[string, number], PollRow>(
        `${SELECT} WHERE p.workspace = ? AND p.claim_id = ? ORDER BY p.id DESC LIMIT 1`,
      ),
      open: db.prepare<[string], PollRow>(`${SELECT} WHERE p.workspace = ? AND p.closed_at IS NULL ORDER BY p.id`),
      setMessage: db.prepare('UPDATE polls SET message_platform = ?, message_channel = ?, message_id = ? WHERE workspace = ? AND id = ?'),
      close: db.prepare(
        `UPDATE polls SET closed_at = ?, closed_by = ?, closing_credence_id = (SELECT COALESCE(MAX(id), 0) FROM credences)
         WHERE workspace = ? AND id = ? AND closed_at IS NULL`,
      ),
      // The closer runs for every workspace; each poll it finds is then handled within its own workspace.
      due: db.prepare<[string], PollRow>(`${SELECT} WHERE p.closed_at IS NULL AND p.closes_at <= ? ORDER BY p.closes_at, p.id`),
      inDebate: db.prepare<[string, number], PollRow>(`${SELECT} WHERE p.workspace = ? AND c.debate_id = ? ORDER BY p.id`),
    };
  }

  async insert(poll: NewPoll): Promise<Poll> {
    const id = this.insertAtomically(poll);
    return (await this.byId(poll.workspace, id))!;
  }

  private insertRow(poll: NewPoll): number {
    const id = this.counters.next(DATABASE_SCOPE, 'poll');
    this.statements.insert.run({ ...poll, id, closesAt: poll.closesAt ?? null });
    return id;
  }

  async byId(workspace: string, id: number): Promise<Poll | undefined> {
    const row = this.statements.byId.get(workspace, id);
    return row && toPoll(row);
  }

  async openForClaim(workspace: string, claimId: number): Promise<Poll | undefined> {
    const row = this.statements.openForClaim.get(workspace, claimId);
    return row && toPoll(row);
  }

  /** The claim's most recent poll, open or closed. */
  async latestForClaim(workspace: string, claimId: number): Promise<Poll | undefined> {
    const row = this.statements.latestForClaim.get(workspace, claimId);
    return row && toPoll(row);
  }

  async open(workspace: string): Promise<Poll[]> {
    return this.statements.open.all(workspace).map(toPoll);
  }

  async setMessage(workspace: string, id: number, ref: MessageRef): Promise<void> {
    this.statements.setMessage.run(ref.platform, ref.channel, ref.id, workspace, id);
  }

  /** Closes the poll; false when it was already closed. */
  async close(workspace: string, id: number, at: string, by: string): Promise<boolean> {
    return this.statements.close.run(at, by, workspace, id).changes > 0;
  }

  /** Open polls whose closing time has come, in every workspace. */
  async due(now: string): Promise<Poll[]> {
    return this.statements.due.all(now).map(toPoll);
  }

  async inDebate(workspace: string, debateId: number): Promise<Poll[]> {
    return this.statements.inDebate.all(workspace, debateId).map(toPoll);
  }
}
