import { csvFormatRows } from 'd3-dsv';
import { claimRef } from '../claims.ts';
import type { DebateRecord } from './record.ts';

/** The CSV export's columns, in order. */
export const CREDENCE_CSV_HEADER = [
  'claim_id',
  'claim_text',
  'debate',
  'person_id',
  'person',
  'time',
  'credence',
  'given',
  'poll',
] as const;

/**
 * One row per credence given (claim, person, time, credence), oldest first: the whole history, for a
 * spreadsheet or a notebook. `credence` is a probability (0.7 is 70%); `time` is ISO 8601 in UTC;
 * `given` is the condition of a conditional credence (`C1` true, `!C1` false), `poll` the poll it was a
 * vote in (`poll-1`, as in the JSON export). Quoting is RFC 4180's, done by d3-dsv.
 */
export function exportCredenceCsv(record: DebateRecord): string {
  const { graph } = record;
  const byId = new Map(graph.claims.map((c) => [c.id, c]));
  const pollKey = new Map(record.polls.filter((p) => byId.has(p.claimId)).map((p, i) => [p.id, `poll-${i + 1}`]));
  const rows = [...record.credences]
    .sort((a, b) => a.id - b.id)
    .filter((c) => byId.has(c.claimId))
    .map((c) => {
      const claim = byId.get(c.claimId)!;
      return [
        claimRef(claim),
        claim.text,
        graph.debate.slug,
        c.userId,
        c.userName,
        new Date(c.at).toISOString(),
        String(c.value),
        c.given ? `${c.given.isTrue ? '' : '!'}C${c.given.claimNumber}` : '',
        c.pollId !== undefined ? (pollKey.get(c.pollId) ?? '') : '',
      ];
    });
  return `${csvFormatRows([[...CREDENCE_CSV_HEADER], ...rows])}\n`;
}
