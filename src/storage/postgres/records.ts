import { sql } from 'kysely';
import { entityNamesClaim, type AuditEntry, type AuditRecord } from '../../domain/audit.ts';
import type { NewPoll, NewPollVote, Poll, PollVote } from '../../domain/polls.ts';
import type { Resolution } from '../../domain/resolutions.ts';
import type { Moderators } from '../../domain/roles.ts';
import { SCHEMAS, type Setting, type SettingKey, type SettingValue } from '../../domain/settings.ts';
import type { SimRun, SimRunKind } from '../../domain/sim-runs.ts';
import type {
  Capture,
  CaptureItem,
  CaptureItemStatus,
  CaptureLink,
  CaptureLinkKind,
  NewCaptureItem,
} from '../../domain/threads/captures.ts';
import type { MessageRef } from '../../core/reply.ts';
import type { AuditStore, CaptureStore, PollReminder, PollStore, ResolutionStore, SettingsStore, SimRunStore } from '../ports.ts';
import {
  simRunNotFound,
  toCapture,
  toItem,
  toPoll,
  toPollReminder,
  toPollVote,
  type PollReminderRow,
  type PollVoteRow,
  toResolution,
  toSetting,
  toSimRun,
  type SettingRow,
  type CaptureRow,
  type ItemRow,
  type PollRow,
  type ResolutionRow,
  type SimRunRow,
} from '../rows.ts';
import type { Atomically } from './claims.ts';
import { Counters, DATABASE_SCOPE } from './counters.ts';
import type { Runner } from './exec.ts';

/** The audit log on PostgreSQL. */
export class PgAudit implements AuditStore {
  constructor(private readonly sql: Runner) {}

  async record(entry: AuditEntry): Promise<void> {
    const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
    await this.sql.run(sql`
      INSERT INTO audit_log (workspace, actor_id, action, entity, before, after, at)
      VALUES (${entry.workspace}, ${entry.actorId}, ${entry.action}, ${entry.entity}, ${json(entry.before)}, ${json(entry.after)}, ${entry.at})`);
  }

  async recent(workspace: string, limit = 50): Promise<AuditRecord[]> {
    const rows = await this.sql.rows<{
      id: number;
      workspace: string;
      actor_id: string;
      action: string;
      entity: string;
      before: string | null;
      after: string | null;
      at: string;
    }>(sql`SELECT * FROM audit_log WHERE workspace = ${workspace} ORDER BY id DESC LIMIT ${limit}`);
    return rows.map((row) => ({
      id: row.id,
      workspace: row.workspace,
      actorId: row.actor_id,
      action: row.action,
      entity: row.entity,
      before: row.before === null ? undefined : JSON.parse(row.before),
      after: row.after === null ? undefined : JSON.parse(row.after),
      at: row.at,
    }));
  }
  async forgetClaims(workspace: string, numbers: readonly number[]): Promise<number> {
    if (!numbers.length) return 0;
    const wanted = new Set(numbers);
    const rows = await this.sql.rows<{ id: number; entity: string }>(
      sql`SELECT id, entity FROM audit_log WHERE workspace = ${workspace} AND entity LIKE 'C%' AND (before IS NOT NULL OR after IS NOT NULL)`,
    );
    const ids = rows.filter((row) => entityNamesClaim(row.entity, wanted)).map((row) => Number(row.id));
    for (let i = 0; i < ids.length; i += 500)
      await this.sql.run(sql`UPDATE audit_log SET before = NULL, after = NULL WHERE id IN (${sql.join(ids.slice(i, i + 500))})`);
    return ids.length;
  }

}

const POLL = sql`SELECT p.*, c.number AS claim_number FROM polls p JOIN claims c ON c.id = p.claim_id`;

/** Polls on PostgreSQL. Closing is one conditional UPDATE, so of two instances closing one poll, one wins. */
export class PgPolls implements PollStore {
  private readonly counters: Counters;

  constructor(
    private readonly sql: Runner,
    private readonly atomically: Atomically,
  ) {
    this.counters = new Counters(sql);
  }

  async insert(poll: NewPoll): Promise<Poll> {
    const id = await this.atomically(async () => {
      const id = await this.counters.next(DATABASE_SCOPE, 'poll');
      await this.sql.run(sql`
        INSERT INTO polls (id, workspace, claim_id, channel, hide, created_by, created_by_name, created_at, closes_at, baseline_credence_id,
          kind, options, closing_reminder_at)
        VALUES (${id}, ${poll.workspace}, ${poll.claimId}, ${poll.channel}, ${poll.hide}, ${poll.createdBy}, ${poll.createdByName},
          ${poll.createdAt}, ${poll.closesAt ?? null}, ${poll.baselineCredenceId}, ${poll.kind ?? 'binary'},
          ${poll.kind === 'choice' ? JSON.stringify(poll.options ?? []) : null}, ${poll.closingReminderAt ?? null})`);
      return id;
    });
    return (await this.byId(poll.workspace, id))!;
  }

  private async many(rest: ReturnType<typeof sql>): Promise<Poll[]> {
    return (await this.sql.rows<PollRow>(sql`${POLL} ${rest}`)).map(toPoll);
  }

  async byId(workspace: string, id: number): Promise<Poll | undefined> {
    return (await this.many(sql`WHERE p.workspace = ${workspace} AND p.id = ${id}`))[0];
  }

  async openForClaim(workspace: string, claimId: number): Promise<Poll | undefined> {
    return (await this.many(sql`WHERE p.workspace = ${workspace} AND p.claim_id = ${claimId} AND p.closed_at IS NULL`))[0];
  }

  async latestForClaim(workspace: string, claimId: number): Promise<Poll | undefined> {
    return (await this.many(sql`WHERE p.workspace = ${workspace} AND p.claim_id = ${claimId} ORDER BY p.id DESC LIMIT 1`))[0];
  }

  async open(workspace: string): Promise<Poll[]> {
    return await this.many(sql`WHERE p.workspace = ${workspace} AND p.closed_at IS NULL ORDER BY p.id`);
  }

  async setMessage(workspace: string, id: number, ref: MessageRef): Promise<void> {
    await this.sql.run(sql`
      UPDATE polls SET message_platform = ${ref.platform}, message_channel = ${ref.channel}, message_id = ${ref.id}
      WHERE workspace = ${workspace} AND id = ${id}`);
  }

  async close(workspace: string, id: number, at: string, by: string): Promise<boolean> {
    const changes = await this.sql.run(sql`
      UPDATE polls SET closed_at = ${at}, closed_by = ${by}, closing_credence_id = (SELECT COALESCE(MAX(id), 0) FROM credences)
      WHERE workspace = ${workspace} AND id = ${id} AND closed_at IS NULL`);
    return changes > 0;
  }

  async due(now: string): Promise<Poll[]> {
    return await this.many(sql`WHERE p.closed_at IS NULL AND p.closes_at <= ${now} ORDER BY p.closes_at, p.id`);
  }

  async vote(vote: NewPollVote): Promise<PollVote> {
    const row = await this.sql.one<PollVoteRow>(sql`
      INSERT INTO poll_votes (workspace, poll_id, user_id, user_name, credences, at)
      VALUES (${vote.workspace}, ${vote.pollId}, ${vote.userId}, ${vote.userName}, ${JSON.stringify(vote.credences)}, ${vote.at})
      RETURNING *`);
    return toPollVote(row!);
  }

  async votes(workspace: string, pollId: number): Promise<PollVote[]> {
    const rows = await this.sql.rows<PollVoteRow>(sql`
      SELECT v.* FROM poll_votes v
      WHERE v.workspace = ${workspace} AND v.poll_id = ${pollId}
        AND v.id = (SELECT MAX(w.id) FROM poll_votes w WHERE w.poll_id = v.poll_id AND w.user_id = v.user_id)
      ORDER BY (SELECT MIN(w.id) FROM poll_votes w WHERE w.poll_id = v.poll_id AND w.user_id = v.user_id)`);
    return rows.map(toPollVote);
  }

  async voteHistory(workspace: string, pollId: number): Promise<PollVote[]> {
    const rows = await this.sql.rows<PollVoteRow>(sql`
      SELECT * FROM poll_votes WHERE workspace = ${workspace} AND poll_id = ${pollId} ORDER BY id`);
    return rows.map(toPollVote);
  }

  async resolveChoice(workspace: string, id: number, option: number, by: string, at: string): Promise<boolean> {
    const changes = await this.sql.run(sql`
      UPDATE polls SET resolved_option = ${option}, resolved_by = ${by}, resolved_at = ${at}
      WHERE workspace = ${workspace} AND id = ${id} AND kind = 'choice' AND resolved_option IS NULL`);
    return changes > 0;
  }

  async dueClosingReminders(now: string, limit: number): Promise<Poll[]> {
    return await this.many(sql`
      WHERE p.closed_at IS NULL AND p.closing_reminder_at IS NOT NULL AND p.closing_reminder_at <= ${now}
      ORDER BY p.closing_reminder_at, p.id LIMIT ${limit}`);
  }

  async takeClosingReminder(workspace: string, id: number, from: string): Promise<boolean> {
    const changes = await this.sql.run(sql`
      UPDATE polls SET closing_reminder_at = NULL WHERE workspace = ${workspace} AND id = ${id} AND closing_reminder_at = ${from}`);
    return changes > 0;
  }

  async queueReminder(r: Omit<PollReminder, 'id'>, at: string): Promise<boolean> {
    const changes = await this.sql.run(sql`
      INSERT INTO poll_reminders (workspace, kind, target, due_at, polls, created_at)
      VALUES (${r.workspace}, ${r.kind}, ${r.target}, ${r.dueAt}, ${JSON.stringify(r.pollIds)}, ${at})
      ON CONFLICT (workspace, kind, target, due_at) DO NOTHING`);
    return changes > 0;
  }

  async claimReminders(holder: string, now: number, limit: number, leaseMs: number): Promise<PollReminder[]> {
    const rows = await this.sql.rows<PollReminderRow>(sql`
      UPDATE poll_reminders SET claimed_by = ${holder}, claimed_until = ${now + leaseMs}
      WHERE id IN (
        SELECT id FROM poll_reminders WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until <= ${now})
        ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id, workspace, kind, target, due_at, polls`);
    return rows.map(toPollReminder).sort((a, b) => a.id - b.id);
  }

  async reminderSent(id: number, at: string): Promise<void> {
    await this.sql.run(sql`UPDATE poll_reminders SET sent_at = ${at} WHERE id = ${id}`);
  }

  async inDebate(workspace: string, debateId: number): Promise<Poll[]> {
    return await this.many(sql`WHERE p.workspace = ${workspace} AND c.debate_id = ${debateId} ORDER BY p.id`);
  }
}

/** Resolutions on PostgreSQL. */
export class PgResolutions implements ResolutionStore {
  constructor(private readonly sql: Runner) {}

  async insert(resolution: Omit<Resolution, 'id' | 'undoneBy' | 'undoneAt'>): Promise<Resolution> {
    await this.sql.run(sql`
      INSERT INTO claim_resolutions (workspace, claim_id, outcome, resolved_by, resolved_by_name, resolved_at)
      VALUES (${resolution.workspace}, ${resolution.claimId}, ${resolution.outcome}, ${resolution.resolvedBy}, ${resolution.resolvedByName}, ${resolution.resolvedAt})`);
    return (await this.current(resolution.workspace, resolution.claimId))!;
  }

  async current(workspace: string, claimId: number): Promise<Resolution | undefined> {
    const row = await this.sql.one<ResolutionRow>(sql`
      SELECT * FROM claim_resolutions WHERE workspace = ${workspace} AND claim_id = ${claimId} AND undone_at IS NULL ORDER BY id DESC LIMIT 1`);
    return row && toResolution(row);
  }

  async undo(workspace: string, id: number, by: string, at: string): Promise<void> {
    await this.sql.run(sql`
      UPDATE claim_resolutions SET undone_by = ${by}, undone_at = ${at} WHERE workspace = ${workspace} AND id = ${id} AND undone_at IS NULL`);
  }

  async inWorkspace(workspace: string): Promise<Resolution[]> {
    return (
      await this.sql.rows<ResolutionRow>(sql`
        SELECT * FROM claim_resolutions WHERE workspace = ${workspace} AND undone_at IS NULL ORDER BY resolved_at, id`)
    ).map(toResolution);
  }

  async historyInDebate(workspace: string, debateId: number): Promise<Resolution[]> {
    return (
      await this.sql.rows<ResolutionRow>(sql`
        SELECT r.* FROM claim_resolutions r JOIN claims c ON c.id = r.claim_id
        WHERE r.workspace = ${workspace} AND c.debate_id = ${debateId} ORDER BY r.id`)
    ).map(toResolution);
  }
}

/** Workspace settings on PostgreSQL; values are JSON text checked against their schema both ways, as in SQLite. */
export class PgSettings implements SettingsStore {
  constructor(private readonly sql: Runner) {}

  async get<K extends SettingKey>(workspace: string, key: K): Promise<Setting<SettingValue<K>> | undefined> {
    const row = await this.sql.one<SettingRow>(sql`
      SELECT value, updated_by, updated_by_name, updated_at FROM workspace_settings WHERE workspace = ${workspace} AND key = ${key}`);
    return toSetting(key, row);
  }

  async moderators(workspace: string): Promise<Moderators | undefined> {
    return (await this.get(workspace, 'moderators'))?.value;
  }

  async put<K extends SettingKey>(
    workspace: string,
    key: K,
    value: SettingValue<K>,
    by: { id: string; name: string },
    at: string,
  ): Promise<void> {
    const checked = SCHEMAS[key].parse(value);
    await this.sql.run(sql`
      INSERT INTO workspace_settings (workspace, key, value, updated_by, updated_by_name, updated_at)
      VALUES (${workspace}, ${key}, ${JSON.stringify(checked)}, ${by.id}, ${by.name}, ${at})
      ON CONFLICT (workspace, key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by,
        updated_by_name = excluded.updated_by_name, updated_at = excluded.updated_at`);
  }

  async remove(workspace: string, key: SettingKey): Promise<boolean> {
    return (await this.sql.run(sql`DELETE FROM workspace_settings WHERE workspace = ${workspace} AND key = ${key}`)) > 0;
  }
}

/** Drift runs on PostgreSQL, numbered from the workspace's counter. */
export class PgSimRuns implements SimRunStore {
  private readonly counters: Counters;

  constructor(
    private readonly sql: Runner,
    private readonly atomically: Atomically,
  ) {
    this.counters = new Counters(sql);
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
    const number = await this.atomically(async () => {
      const number = await this.counters.next(run.workspace, 'sim-run');
      await this.sql.run(sql`
        INSERT INTO sim_runs (workspace, number, kind, input, summary, headline, claim_id, created_by, created_at)
        VALUES (${run.workspace}, ${number}, ${run.kind}, ${JSON.stringify(run.input)}, ${JSON.stringify(run.summary)}, ${run.headline},
          ${run.claimId}, ${run.createdBy}, ${run.at})`);
      return number;
    });
    return (await this.byNumber(run.workspace, number))!;
  }

  async byNumber(workspace: string, number: number): Promise<SimRun | undefined> {
    const row = await this.sql.one<SimRunRow>(sql`SELECT * FROM sim_runs WHERE workspace = ${workspace} AND number = ${number}`);
    return row && toSimRun(row);
  }

  async require(workspace: string, number: number): Promise<SimRun> {
    const run = await this.byNumber(workspace, number);
    if (!run) throw simRunNotFound(number);
    return run;
  }

  async forClaim(workspace: string, claimId: number): Promise<SimRun[]> {
    return (
      await this.sql.rows<SimRunRow>(sql`SELECT * FROM sim_runs WHERE workspace = ${workspace} AND claim_id = ${claimId} ORDER BY number`)
    ).map(toSimRun);
  }
}

/** Thread captures on PostgreSQL. Settling an item is one conditional UPDATE: a double click adds one claim. */
export class PgCaptures implements CaptureStore {
  private readonly counters: Counters;

  constructor(
    private readonly sql: Runner,
    private readonly atomically: Atomically,
  ) {
    this.counters = new Counters(sql);
  }

  async insert(capture: Omit<Capture, 'id'>, items: readonly NewCaptureItem[], links: readonly CaptureLink[]): Promise<Capture> {
    return await this.atomically(async () => {
      const id = await this.counters.next(DATABASE_SCOPE, 'capture');
      await this.sql.run(sql`
        INSERT INTO thread_captures (id, workspace, channel, debate_id, origin, message_count, created_by, created_at)
        VALUES (${id}, ${capture.workspace}, ${capture.channel}, ${capture.debateId}, ${capture.origin}, ${capture.messageCount},
          ${capture.createdBy}, ${capture.createdAt})`);
      for (const [position, item] of items.entries())
        await this.sql.run(sql`
          INSERT INTO thread_capture_items (capture_id, position, text, kind, author, permalink, excerpt, credence)
          VALUES (${id}, ${position}, ${item.text}, ${item.kind}, ${item.author}, ${item.permalink ?? null}, ${item.excerpt ?? null}, ${item.credence ?? null})`);
      for (const link of links)
        await this.sql.run(sql`
          INSERT INTO thread_capture_links (capture_id, from_position, to_position, kind) VALUES (${id}, ${link.from}, ${link.to}, ${link.kind})
          ON CONFLICT DO NOTHING`);
      return { id, ...capture };
    });
  }

  async byId(workspace: string, id: number): Promise<Capture | undefined> {
    const row = await this.sql.one<CaptureRow>(sql`SELECT * FROM thread_captures WHERE workspace = ${workspace} AND id = ${id}`);
    return row && toCapture(row);
  }

  async items(captureId: number): Promise<CaptureItem[]> {
    return (await this.sql.rows<ItemRow>(sql`SELECT * FROM thread_capture_items WHERE capture_id = ${captureId} ORDER BY position`)).map(
      toItem,
    );
  }

  async links(captureId: number): Promise<CaptureLink[]> {
    const rows = await this.sql.rows<{ from_position: number; to_position: number; kind: CaptureLinkKind }>(sql`
      SELECT from_position, to_position, kind FROM thread_capture_links WHERE capture_id = ${captureId} ORDER BY from_position, to_position`);
    return rows.map((r) => ({ from: r.from_position, to: r.to_position, kind: r.kind }));
  }

  async settle(
    captureId: number,
    position: number,
    status: Exclude<CaptureItemStatus, 'pending'>,
    claimId: number | null,
  ): Promise<boolean> {
    const changes = await this.sql.run(sql`
      UPDATE thread_capture_items SET status = ${status}, claim_id = ${claimId}
      WHERE capture_id = ${captureId} AND position = ${position} AND status = 'pending'`);
    return changes > 0;
  }

  async setDebate(workspace: string, captureId: number, debateId: number): Promise<void> {
    await this.sql.run(sql`UPDATE thread_captures SET debate_id = ${debateId} WHERE workspace = ${workspace} AND id = ${captureId}`);
  }

  async inDebate(workspace: string, debateId: number): Promise<Capture[]> {
    return (
      await this.sql.rows<CaptureRow>(
        sql`SELECT * FROM thread_captures WHERE workspace = ${workspace} AND debate_id = ${debateId} ORDER BY id`,
      )
    ).map(toCapture);
  }
}
