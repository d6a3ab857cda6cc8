import { UserError } from '../../core/errors.ts';
import { parseCsv } from './csv.ts';
import type { VoteMatrix } from './pca.ts';

/**
 * A Polis export (`votes.csv` and `comments.csv`) as a people × statements matrix. `votes.csv` is a log:
 * the latest vote per (voter, comment) counts. Comments a moderator hid (`moderated` = −1) are not
 * columns, but are counted as Polis counts them: how many were voted on, and each person's votes on them.
 */

export interface PolisComment {
  readonly id: string;
  readonly authorId: string;
  readonly text: string;
  /** 1 accepted, 0 not yet moderated, −1 hidden. */
  readonly moderated: number;
}

export interface PolisConversation {
  /** Voter ids, in ascending numeric order: the matrix's rows (someone who voted only on hidden comments has an empty row). */
  readonly participants: readonly string[];
  /** The comments shown, in ascending id order: the matrix's columns. */
  readonly statements: readonly PolisComment[];
  readonly matrix: VoteMatrix;
  /** Vote rows read, and how many were superseded by a later vote or were on hidden or unknown comments. */
  readonly votesRead: number;
  readonly votesSuperseded: number;
  readonly votesSkipped: number;
  /** The vote log, in file order: what `matrixAt` replays to see the conversation as it stood earlier. */
  readonly log: readonly LoggedVote[];
}

export interface LoggedVote {
  readonly at: number;
  readonly row: number;
  /** The statement's column, or −1 − n for the n-th hidden comment. */
  readonly column: number;
  readonly vote: number;
}

export const VOTES_HEADER = ['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'] as const;
export const COMMENTS_HEADER = [
  'timestamp',
  'datetime',
  'comment-id',
  'author-id',
  'agrees',
  'disagrees',
  'moderated',
  'comment-body',
] as const;

/** The rows of a CSV file under the expected header, or a UserError naming the file and what differs. */
export function readTable(file: string, text: string, header: readonly string[]): string[][] {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    throw new UserError(`${file} is not valid CSV: ${(error as Error).message}.`, 'polis.bad-csv');
  }
  const found = rows[0]?.map((h) => h.trim()) ?? [];
  const missing = header.filter((h) => !found.includes(h));
  if (rows.length === 0 || missing.length > 0) {
    throw new UserError(
      `${file} does not look like a Polis export: its header should be "${header.join(',')}"${
        found.length ? `, but it is "${found.join(',').slice(0, 120)}"` : ', but the file is empty'
      }.`,
      'polis.bad-header',
    );
  }
  const at = new Map(found.map((h, i) => [h, i]));
  return rows
    .slice(1)
    .filter((r) => r.length > 1 || (r[0] ?? '').trim() !== '')
    .map((r) => header.map((h) => (r[at.get(h)!] ?? '').trim()));
}

const numberOrder = (a: string, b: string) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);

export function parsePolisExport(votesCsv: string, commentsCsv: string): PolisConversation {
  const comments = readTable('comments.csv', commentsCsv, COMMENTS_HEADER).map((r, line) => {
    const moderated = Number(r[6]);
    if (!r[2] || !Number.isFinite(moderated)) {
      throw new UserError(`comments.csv line ${line + 2}: expected a comment id and a moderated value of 1, 0 or -1.`, 'polis.bad-row');
    }
    return { id: r[2], authorId: r[3] ?? '', text: r[7] ?? '', moderated };
  });
  const shown = comments.filter((c) => c.moderated >= 0).sort((a, b) => numberOrder(a.id, b.id));
  const column = new Map(shown.map((c, j) => [c.id, j]));

  const hidden = new Map(comments.filter((c) => c.moderated < 0).map((c, n) => [c.id, n]));
  const hiddenVotes = new Set<string>();
  const rawLog: { at: number; voter: string; comment: string; vote: number }[] = [];
  const latest = new Map<string, { at: number; vote: number; order: number }>();
  const voters = new Set<string>();
  let votesRead = 0;
  let votesSkipped = 0;
  let votesSuperseded = 0;
  readTable('votes.csv', votesCsv, VOTES_HEADER).forEach((r, line) => {
    const [timestamp, , commentId, voterId, voteText] = r;
    const at = Number(timestamp);
    const vote = Number(voteText);
    if (!commentId || !voterId || !Number.isFinite(at) || ![1, 0, -1].includes(vote)) {
      throw new UserError(
        `votes.csv line ${line + 2}: expected a timestamp, a comment id, a voter id and a vote of 1, 0 or -1.`,
        'polis.bad-row',
      );
    }
    votesRead++;
    voters.add(voterId);
    if (column.has(commentId) || hidden.has(commentId)) rawLog.push({ at, voter: voterId, comment: commentId, vote });
    if (!column.has(commentId)) {
      if (hidden.has(commentId)) hiddenVotes.add(`${voterId}\u0000${commentId}`);
      votesSkipped++;
      return;
    }
    const pair = `${voterId}\u0000${commentId}`;
    const previous = latest.get(pair);
    if (previous) votesSuperseded++;
    // The latest timestamp counts; on a tie, the row further down the log.
    if (!previous || at >= previous.at) latest.set(pair, { at, vote, order: line });
  });

  const participants = [...voters].sort(numberOrder);
  const row = new Map(participants.map((p, i) => [p, i]));
  const cols = shown.length;
  const values = new Float64Array(participants.length * cols).fill(NaN);
  const votesCast = new Int32Array(participants.length);
  for (const [pair, { vote }] of latest) {
    const [voter, comment] = pair.split('\u0000') as [string, string];
    values[row.get(voter)! * cols + column.get(comment)!] = vote;
    votesCast[row.get(voter)!]!++;
  }
  const hiddenVoted = new Set<string>();
  for (const pair of hiddenVotes) {
    const [voter, comment] = pair.split('\u0000') as [string, string];
    votesCast[row.get(voter)!]!++;
    hiddenVoted.add(comment);
  }
  return {
    participants,
    statements: shown,
    matrix: { rows: participants.length, cols, values, hiddenVoted: hiddenVoted.size, votesCast },
    votesRead,
    votesSuperseded,
    votesSkipped,
    log: rawLog.map((v) => ({
      at: v.at,
      row: row.get(v.voter)!,
      column: column.get(v.comment) ?? -1 - hidden.get(v.comment)!,
      vote: v.vote,
    })),
  };
}

/**
 * The matrix as it stood at `time`: the latest vote per pair cast by then (rows stay the same people,
 * so a row index means one person at every time). What Polis saw at each of its updates.
 */
export function matrixAt(conversation: PolisConversation, time: number): VoteMatrix {
  const { rows, cols } = conversation.matrix;
  const values = new Float64Array(rows * cols).fill(NaN);
  const when = new Float64Array(rows * cols).fill(-Infinity);
  const hiddenSeen = new Map<number, Set<number>>();
  for (const v of conversation.log) {
    if (v.at > time) continue;
    if (v.column < 0) {
      const set = hiddenSeen.get(v.column) ?? new Set<number>();
      set.add(v.row);
      hiddenSeen.set(v.column, set);
      continue;
    }
    const at = v.row * cols + v.column;
    if (v.at >= when[at]!) {
      when[at] = v.at;
      values[at] = v.vote;
    }
  }
  const votesCast = new Int32Array(rows);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (!Number.isNaN(values[i * cols + j]!)) votesCast[i]!++;
  for (const set of hiddenSeen.values()) for (const r of set) votesCast[r]!++;
  return { rows, cols, values, hiddenVoted: hiddenSeen.size, votesCast };
}
