import type { LoadDatabase } from './database.ts';
import type { Sample } from './samples.ts';
import type { SeededPoll } from './seed.ts';
import { placeOf, type Workload } from './workload.ts';

/** What the database holds after the run, against what the bots acknowledged. */
export interface DatabaseChecks {
  /** `/claim add` requests answered with a success. */
  readonly acknowledged: number;
  /** Claims stored by the run (numbered after the seeded ones). */
  readonly stored: number;
  /** Acknowledged but not stored: must be none. */
  readonly lost: number;
  /** Stored without a reply: each from a request in flight on the killed instance (at most `inFlight`). */
  readonly storedUnanswered: number;
  /** `/claim add` requests in flight on the killed instance. */
  readonly inFlight: number;
  /** Claim numbers held by more than one claim in a workspace: must be none. */
  readonly numbersTwice: number;
  /** Numbers below a workspace's highest that no claim has (a counter that moved without its claim). */
  readonly numberGaps: number;
  readonly polls: {
    readonly total: number;
    /** Closed, with exactly one audit row for the close. */
    readonly closedOnce: number;
    /** Whose message was edited exactly once, to show the poll closed. */
    readonly oneCloseMessage: number;
  };
}

export function checksPass(c: DatabaseChecks): boolean {
  return (
    c.lost === 0 &&
    c.numbersTwice === 0 &&
    c.storedUnanswered <= c.inFlight &&
    c.polls.closedOnce === c.polls.total &&
    c.polls.oneCloseMessage === c.polls.total
  );
}

const textOf = (request: string) => /text:"([^"]*)"/.exec(request)?.[1] ?? '';

/**
 * Reads claims, polls and the audit log once the bots have stopped. `seededUpTo` is each workspace's
 * highest claim number before the run; `updates` is every chat.update the fake Web API saw, by message.
 */
export async function checkDatabase(o: {
  readonly database: LoadDatabase;
  readonly workload: Workload;
  readonly samples: readonly Sample[];
  readonly workers: readonly number[];
  readonly seededUpTo: ReadonlyMap<string, number>;
  readonly polls: readonly SeededPoll[];
  readonly updates: ReadonlyMap<string, readonly string[]>;
}): Promise<DatabaseChecks> {
  const claims = await o.database.rows<{ workspace: string; number: number; text: string }>('SELECT workspace, number, text FROM claims');
  const added = new Map<string, number>();
  for (const c of claims) {
    if (Number(c.number) <= (o.seededUpTo.get(c.workspace) ?? 0)) continue;
    const key = `${c.workspace}\n${c.text}`;
    added.set(key, (added.get(key) ?? 0) + 1);
  }
  const stored = [...added.values()].reduce((a, b) => a + b, 0);
  let acknowledged = 0;
  let lost = 0;
  let inFlight = 0;
  for (const s of o.samples) {
    const request = o.workload.requests[s.index!]!;
    if (request.kind !== 'claim add') continue;
    if (s.outcome === 'in flight at kill') inFlight++;
    if (s.outcome !== 'ok') continue;
    acknowledged++;
    const key = `slack:${placeOf(o.workload, o.workers[s.index!]!).team}\n${textOf(request.text)}`;
    const left = added.get(key) ?? 0;
    if (left > 0) added.set(key, left - 1);
    else lost++;
  }
  const storedUnanswered = [...added.values()].reduce((a, b) => a + b, 0);

  const seen = new Map<string, number>();
  const highest = new Map<string, number>();
  for (const c of claims) {
    const key = `${c.workspace} ${c.number}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    highest.set(c.workspace, Math.max(highest.get(c.workspace) ?? 0, Number(c.number)));
  }
  const numbersTwice = [...seen.values()].filter((n) => n > 1).length;
  const distinct = new Map<string, number>();
  for (const key of seen.keys()) {
    const workspace = key.slice(0, key.lastIndexOf(' '));
    distinct.set(workspace, (distinct.get(workspace) ?? 0) + 1);
  }
  const numberGaps = [...highest].reduce((sum, [workspace, top]) => sum + top - (distinct.get(workspace) ?? 0), 0);

  const polls = await o.database.rows<{ workspace: string; channel: string; ts: string; closed: number | boolean }>(
    'SELECT workspace, message_channel AS channel, message_id AS ts, (closed_at IS NOT NULL) AS closed FROM polls',
  );
  const closes = await o.database.rows<{ workspace: string; entity: string }>(
    `SELECT workspace, entity FROM audit_log WHERE action = 'poll.close'`,
  );
  let closedOnce = 0;
  let oneCloseMessage = 0;
  for (const poll of o.polls) {
    const row = polls.find((p) => p.workspace === poll.workspace && p.channel === poll.channel && p.ts === poll.ts);
    const audited = closes.filter((c) => c.workspace === poll.workspace && c.entity === `C${poll.claim}`).length;
    if (row && Boolean(Number(row.closed)) && audited === 1) closedOnce++;
    const edits = o.updates.get(`${poll.channel} ${poll.ts}`) ?? [];
    if (edits.length === 1 && edits[0]!.includes('Poll closed')) oneCloseMessage++;
  }
  return {
    acknowledged,
    stored,
    lost,
    storedUnanswered,
    inFlight,
    numbersTwice,
    numberGaps,
    polls: { total: o.polls.length, closedOnce, oneCloseMessage },
  };
}
