import { csvFormatRows } from 'd3-dsv';
import type { Claim } from '../claims.ts';
import { findOpinionGroups } from '../credences/opinion-groups.ts';
import { COMMENTS_HEADER, VOTES_HEADER } from '../credences/polis-export.ts';
import type { DebateRecord } from './record.ts';

/** Credence → Polis vote: agree (1) above 50%, disagree (−1) below, pass (0) at exactly 50%. */
export function polisVote(credence: number): 1 | 0 | -1 {
  return credence > 0.5 ? 1 : credence < 0.5 ? -1 : 0;
}

export interface PolisFiles {
  readonly comments: string;
  readonly votes: string;
  readonly participantsVotes: string;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** Polis's `datetime` column: Java's Date.toString, here always in UTC ("Mon Dec 07 13:04:04 UTC 2026"). */
function polisDatetime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/**
 * The debate in Polis's export format, so Polis's notebooks (and `cruxbot groups --polis`) read it:
 * each claim a comment (`comment-id` is its C-number; a retracted claim is moderated out, −1), each
 * person a participant numbered in the order of their ids, each plain credence given a vote (agree above
 * 50%, disagree below, pass at 50%; a changed credence is a later vote, as in Polis's log). Conditional
 * credences have no Polis form and are left out, as are claims whose open poll hides its results.
 * `participants-votes.csv` carries each person's latest vote per comment and their opinion group, found
 * as `/groups` finds it.
 */
export function exportPolis(record: DebateRecord): PolisFiles {
  const withheld = new Set(record.withheld.map((c) => c.id));
  const claims = [...record.graph.claims].filter((c) => !withheld.has(c.id)).sort((a, b) => a.number - b.number);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const plain = [...record.credences].filter((c) => !c.given && byId.has(c.claimId)).sort((a, b) => a.id - b.id);

  // Participants: everyone who rated or wrote a claim, numbered in the order of their ids.
  const people = [...new Set([...plain.map((c) => c.userId), ...claims.map((c) => c.authorId)])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const number = new Map(people.map((id, i) => [id, i]));

  const latest = new Map<string, Map<number, number>>();
  for (const c of plain) {
    const row = latest.get(c.userId) ?? new Map<number, number>();
    row.set(c.claimId, c.value);
    latest.set(c.userId, row);
  }

  const votes = plain.map((c) => {
    const ms = Date.parse(c.at);
    return [String(ms), polisDatetime(ms), String(byId.get(c.claimId)!.number), String(number.get(c.userId)), String(polisVote(c.value))];
  });

  const tally = (claim: Claim, side: 1 | -1) =>
    [...latest.values()].filter((row) => row.has(claim.id) && polisVote(row.get(claim.id)!) === side).length;
  const comments = claims.map((claim) => {
    const ms = Date.parse(claim.createdAt);
    return [
      String(ms),
      polisDatetime(ms),
      String(claim.number),
      String(number.get(claim.authorId)),
      String(tally(claim, 1)),
      String(tally(claim, -1)),
      claim.status === 'retracted' ? '-1' : '1',
      claim.text,
    ];
  });

  // Opinion groups as /groups finds them: latest plain credences mapped by 2p − 1, claims not retracted.
  const shown = claims.filter((c) => c.status !== 'retracted');
  const voters = people.filter((p) => latest.has(p));
  const values = new Float64Array(voters.length * shown.length).fill(NaN);
  voters.forEach((p, i) =>
    shown.forEach((c, j) => {
      const v = latest.get(p)!.get(c.id);
      if (v !== undefined) values[i * shown.length + j] = 2 * v - 1;
    }),
  );
  const result = findOpinionGroups({ rows: voters.length, cols: shown.length, values });
  const groupOf = new Map<string, number>();
  if (result.kind === 'groups') voters.forEach((p, i) => result.groupOf[i]! >= 0 && groupOf.set(p, result.groupOf[i]!));

  const participants = people.map((p) => {
    const row = latest.get(p) ?? new Map<number, number>();
    const cast = claims.map((c) => (row.has(c.id) ? String(polisVote(row.get(c.id)!)) : ''));
    return [
      String(number.get(p)),
      groupOf.has(p) ? String(groupOf.get(p)) : '',
      String(claims.filter((c) => c.authorId === p).length),
      String(row.size),
      String(cast.filter((v) => v === '1').length),
      String(cast.filter((v) => v === '-1').length),
      ...cast,
    ];
  });

  const file = (header: readonly string[], rows: string[][]) => `${csvFormatRows([[...header], ...rows])}\n`;
  return {
    comments: file(COMMENTS_HEADER, comments),
    votes: file(VOTES_HEADER, votes),
    participantsVotes: file(
      ['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree', ...claims.map((c) => String(c.number))],
      participants,
    ),
  };
}
