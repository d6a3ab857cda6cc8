import { type PollReminderRow, type PollRow, type PollVoteRow, toPoll, toPollReminder, toPollVote } from '../rows.ts';
import type { NewPoll, NewPollVote, Poll, PollVote } from '../../domain/polls.ts';
import type { PollReminder, PollStore } from '../ports.ts';
import { Counters, DATABASE_SCOPE } from './counters.ts';
import type { MessageRef } from '../../core/reply.ts';
import type { Db } from './database.ts';

const SELECT = 'SELECT p.*, c.number AS claim_number FROM polls p JOIN claims c ON c.id = p.claim_id';

/** Polls on claims, and where their messages live. */
export class PollRepository implements PollStore {
  private readonly statements;
  private readonly counters: Counters;
  /** Numbered from the counter row, in one transaction with the row (a savepoint inside another). */
  private readonly insertAtomically: (poll: NewPoll) => number;

  constructor(db: Db) {
    this.counters = new Counters(db);
    this.insertAtomically = db.transaction((poll: NewPoll) => this.insertRow(poll)).immediate;
    this.statements = {
      insert: db.prepare(
        `INSERT INTO polls (id, workspace, claim_id, channel, hide, created_by, created_by_name, created_at, closes_at, baseline_credence_id,
           kind, options, closing_reminder_at)
         VALUES (@id, @workspace, @claimId, @channel, @hide, @createdBy, @createdByName, @createdAt, @closesAt, @baselineCredenceId,
           @kind, @options, @closingReminderAt)`,
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
      vote: db.prepare(
        'INSERT INTO poll_votes (workspace, poll_id, user_id, user_name, credences, at) VALUES (@workspace, @pollId, @userId, @userName, @credences, @at)',
      ),
      voteById: db.prepare<[number], PollVoteRow>('SELECT * FROM poll_votes WHERE id = ?'),
      voteHistory: db.prepare<[string, number], PollVoteRow>('SELECT * FROM poll_votes WHERE workspace = ? AND poll_id = ? ORDER BY id'),
      votes: db.prepare<[string, number], PollVoteRow>(
        `SELECT v.* FROM poll_votes v
         WHERE v.workspace = ? AND v.poll_id = ? AND v.id = (SELECT MAX(w.id) FROM poll_votes w WHERE w.poll_id = v.poll_id AND w.user_id = v.user_id)
         ORDER BY (SELECT MIN(w.id) FROM poll_votes w WHERE w.poll_id = v.poll_id AND w.user_id = v.user_id)`,
      ),
      resolve: db.prepare(
        `UPDATE polls SET resolved_option = ?, resolved_by = ?, resolved_at = ?
         WHERE workspace = ? AND id = ? AND kind = 'choice' AND resolved_option IS NULL`,
      ),
      dueClosing: db.prepare<[string, number], PollRow>(
        `${SELECT} WHERE p.closed_at IS NULL AND p.closing_reminder_at IS NOT NULL AND p.closing_reminder_at <= ?
         ORDER BY p.closing_reminder_at, p.id LIMIT ?`,
      ),
      takeClosing: db.prepare('UPDATE polls SET closing_reminder_at = NULL WHERE workspace = ? AND id = ? AND closing_reminder_at = ?'),
      queue: db.prepare(
        `INSERT INTO poll_reminders (workspace, kind, target, due_at, polls, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (workspace, kind, target, due_at) DO NOTHING`,
      ),
      claim: db.prepare<[string, number, number, number], PollReminderRow>(
        `UPDATE poll_reminders SET claimed_by = ?, claimed_until = ?
         WHERE id IN (SELECT id FROM poll_reminders WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY id LIMIT ?)
         RETURNING id, workspace, kind, target, due_at, polls`,
      ),
      sent: db.prepare('UPDATE poll_reminders SET sent_at = ? WHERE id = ?'),
      inDebate: db.prepare<[string, number], PollRow>(`${SELECT} WHERE p.workspace = ? AND c.debate_id = ? ORDER BY p.id`),
    };
  }

  async insert(poll: NewPoll): Promise<Poll> {
    const id = this.insertAtomically(poll);
    return (await this.byId(poll.workspace, id))!;
  }

  private insertRow(poll: NewPoll): number {
    const id = this.counters.next(DATABASE_SCOPE, 'poll');
    this.statements.insert.run({
      ...poll,
      id,
      closesAt: poll.closesAt ?? null,
      kind: poll.kind ?? 'binary',
      options: poll.kind === 'choice' ? JSON.stringify(poll.options ?? []) : null,
      closingReminderAt: poll.closingReminderAt ?? null,
    });
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

  async vote(vote: NewPollVote): Promise<PollVote> {
    const { lastInsertRowid } = this.statements.vote.run({ ...vote, credences: JSON.stringify(vote.credences) });
    return toPollVote(this.statements.voteById.get(Number(lastInsertRowid))!);
  }

  async votes(workspace: string, pollId: number): Promise<PollVote[]> {
    return this.statements.votes.all(workspace, pollId).map(toPollVote);
  }

  async voteHistory(workspace: string, pollId: number): Promise<PollVote[]> {
    return this.statements.voteHistory.all(workspace, pollId).map(toPollVote);
  }

  async resolveChoice(workspace: string, id: number, option: number, by: string, at: string): Promise<boolean> {
    return this.statements.resolve.run(option, by, at, workspace, id).changes > 0;
  }

  async dueClosingReminders(now: string, limit: number): Promise<Poll[]> {
    return this.statements.dueClosing.all(now, limit).map(toPoll);
  }

  async takeClosingReminder(workspace: string, id: number, from: string): Promise<boolean> {
    return this.statements.takeClosing.run(workspace, id, from).changes > 0;
  }

  async queueReminder(r: Omit<PollReminder, 'id'>, at: string): Promise<boolean> {
    return this.statements.queue.run(r.workspace, r.kind, r.target, r.dueAt, JSON.stringify(r.pollIds), at).changes > 0;
  }

  async claimReminders(holder: string, now: number, limit: number, leaseMs: number): Promise<PollReminder[]> {
    // One statement: SQLite runs it under the write lock, so two processes never claim the same reminder.
    return this.statements.claim
      .all(holder, now + leaseMs, now, limit)
      .map(toPollReminder)
      .sort((a, b) => a.id - b.id);
  }

  async reminderSent(id: number, at: string): Promise<void> {
    this.statements.sent.run(at, id);
  }

  async inDebate(workspace: string, debateId: number): Promise<Poll[]> {
    return this.statements.inDebate.all(workspace, debateId).map(toPoll);
  }
}
