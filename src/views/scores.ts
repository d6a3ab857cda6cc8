import { md, type Markup } from '../core/markup.ts';
import { context, table, text, type Attachment, type Block, type Reply } from '../core/reply.ts';
import { shortText } from '../core/values.ts';
import { claimRef } from '../domain/claims.ts';
import { brierScore, median } from '../domain/credences/brier.ts';
import {
  calibration,
  calibrationError,
  forecastsOf,
  questionScores,
  recordsByPerson,
  recordsByTag,
  trackRecord,
  type KindRecord,
  type QuestionScore,
  type TrackRecord,
} from '../domain/credences/calibration.ts';
import { choiceAggregate, choiceBrier, choiceLogScore, optionLetter } from '../domain/credences/choice.ts';
import { formatPercent } from '../domain/credences/parse-credence.ts';
import { pollRef } from '../domain/polls.ts';
import type { ResolvedQuestions } from '../queries/scores.ts';
import { renderCalibrationChart } from '../render/calibration-chart.ts';

/** What `/scores` shows: a person's record (`/scores person:`, `/scores me`), or the team's. */
export interface ScoresView {
  readonly data: ResolvedQuestions;
  /** ` in goal-drift`, ` tagged #evals`: what the numbers cover, for titles and captions. */
  readonly scope: string;
  readonly person?: { readonly id: string; readonly name: string };
}

const SHOWN = 20;
const TAGS_SHOWN = 15;
const brier = (x: number) => x.toFixed(3);
const logScore = (x: number) => (x > -0.0005 ? '0.000' : `−${Math.abs(x).toFixed(3)}`);
export const relative = (x: number) => `${x > 0.0005 ? '+' : x < -0.0005 ? '−' : '±'}${Math.abs(x).toFixed(3)}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The one line that says what the numbers mean. */
export const SCORES_NOTE = md`Brier score: (credence − outcome)², averaged; 0 is perfect, 0.25 is always saying 50%. **vs team**: your Brier minus that of the team’s median credence on the same claims; below 0 means you beat the team.`;
const CHOICE_NOTE = md`Choice polls: Brier is Σ over options of (credence − outcome)² (0 perfect, 2 certainty in a wrong option), log is ln of the credence in the answer (0 perfect); their **vs team** compares with the team’s mean credence per option on the same polls.`;

/** Title words for what was resolved: `2 resolved claims, 1 choice poll`. */
function counted(data: ResolvedQuestions): string {
  const parts = [];
  if (data.binary.length) parts.push(plural(data.binary.length, 'resolved claim'));
  if (data.choice.length) parts.push(plural(data.choice.length, data.binary.length ? 'choice poll' : 'resolved choice poll'));
  return parts.join(', ');
}

async function chart(view: ScoresView, userId: string | undefined, who: string): Promise<Attachment | undefined> {
  const points = calibration(forecastsOf(view.data.binary, view.data.choice, userId));
  if (points.length === 0) return undefined;
  const total = points.reduce((s, p) => s + p.count, 0);
  const png = await renderCalibrationChart({
    title: `Calibration of ${who}${view.scope}`,
    subtitle: `${plural(total, 'prediction')} in ${plural(points.length, 'bucket')} · mean distance from the diagonal ${formatPercent(calibrationError(points))}`,
    points,
  });
  const description = `Calibration of ${who}${view.scope}: ${points
    .map((p) => `${Math.round(p.bucket * 100)}% said, ${p.hits} of ${p.count} true`)
    .join('; ')}`;
  return { name: 'calibration.png', data: png.data, contentType: 'image/png', description: shortText(description, 1000) };
}

/** A record's cells: yes/no claims, then (when any are in scope) choice polls. */
function cells(record: TrackRecord, withChoice: boolean, columns: 'person' | 'tag'): string[] {
  const b: KindRecord | undefined = record.binary;
  const c: KindRecord | undefined = record.choice;
  const binaryCells =
    columns === 'person'
      ? [String(b?.questions ?? 0), b ? brier(b.brier) : '–', b ? relative(b.relative) : '–']
      : [String(b?.questions ?? 0), String(b?.forecasts ?? 0), b ? brier(b.brier) : '–', b ? brier(b.teamBrier) : '–'];
  if (!withChoice) return binaryCells;
  const choiceCells =
    columns === 'person'
      ? [String(c?.questions ?? 0), c ? brier(c.brier) : '–', c?.log !== undefined ? logScore(c.log) : '–', c ? relative(c.relative) : '–']
      : [String(c?.questions ?? 0), c ? brier(c.brier) : '–', c ? brier(c.teamBrier) : '–'];
  return [...binaryCells, ...choiceCells];
}

function tagTable(scores: readonly QuestionScore[], withChoice: boolean, of: 'person' | 'team'): Block | undefined {
  const rows = recordsByTag(scores);
  if (rows.length === 0) return undefined;
  const kind = of === 'person' ? 'person' : 'tag';
  const head =
    of === 'person'
      ? ['tag', 'claims', 'Brier', 'vs team', ...(withChoice ? ['polls', 'poll Brier', 'log', 'vs team'] : [])]
      : ['tag', 'claims', 'forecasts', 'Brier', 'team Brier', ...(withChoice ? ['polls', 'poll Brier', 'team poll Brier'] : [])];
  return table(
    head,
    rows.slice(0, TAGS_SHOWN).map(({ tag, record }) => [`#${tag}`, ...cells(record, withChoice, kind)]),
    head.map((_, i) => (i === 0 ? 'left' : 'right')),
  );
}

/** The team's table: each person against the team aggregate, per tag, and the team's calibration. */
export async function teamScores(view: ScoresView): Promise<Reply> {
  const { data } = view;
  const scores = questionScores(data.binary, data.choice);
  const withChoice = data.choice.length > 0;
  const name = (id: string) => data.names.get(id) ?? id;
  const people = recordsByPerson(scores);
  const blocks: Block[] = [
    table(
      ['person', 'claims', 'Brier', 'vs team', ...(withChoice ? ['polls', 'poll Brier', 'log', 'vs team'] : [])],
      people.slice(0, SHOWN).map(({ userId, record }) => [name(userId), ...cells(record, withChoice, 'person')]),
      ['left', 'right', 'right', 'right', ...(withChoice ? (['right', 'right', 'right', 'right'] as const) : [])],
    ),
  ];
  if (people.length > SHOWN) blocks.push(context(`The best ${SHOWN} of ${people.length} people; \`/scores person:@name\` shows anyone’s.`));
  const tags = tagTable(scores, withChoice, 'team');
  if (tags) blocks.push(text(md`**By tag**`), tags);
  blocks.push(...notes(view, withChoice));
  const picture = await chart(view, undefined, 'the team');
  return {
    title: `Scores${view.scope} · ${counted(data)}`,
    blocks,
    ...(picture ? { attachments: [picture] } : {}),
  };
}

function notes(view: ScoresView, withChoice: boolean): Block[] {
  const lines: Markup[] = [SCORES_NOTE];
  if (withChoice) lines.push(CHOICE_NOTE);
  if (view.data.hidden) {
    lines.push(md`Left out: ${plural(view.data.hidden, 'resolved claim')} whose open poll hides the team’s results until it closes.`);
  }
  return lines.map((line) => context(line));
}

/** One person's record, question by question and per tag, with their calibration. */
export async function personScores(view: ScoresView & { person: { id: string; name: string } }): Promise<Reply> {
  const { data, person } = view;
  const scores = questionScores(data.binary, data.choice).filter((s) => s.userId === person.id);
  const record = trackRecord(scores);
  const withChoice = record.choice !== undefined;
  const blocks: Block[] = [];
  const b = record.binary;
  const c = record.choice;
  if (b) blocks.push(text(md`Brier **${brier(b.brier)}** over ${plural(b.questions, 'claim')}, ${relative(b.relative)} vs the team.`));
  if (c) {
    blocks.push(
      text(
        md`Choice polls: Brier **${brier(c.brier)}**, log ${logScore(c.log ?? 0)} over ${plural(c.questions, 'poll')}, ${relative(c.relative)} vs the team.`,
      ),
    );
  }
  if (b) {
    blocks.push(
      table(
        ['claim', 'outcome', 'credence', 'Brier', 'team median', 'text'],
        data.binary
          .filter((q) => q.credences.has(person.id))
          .map((q) => {
            const claim = data.claims.get(q.claimId)!;
            const p = q.credences.get(person.id)!;
            return [
              claimRef(claim),
              q.outcome ? 'true' : 'false',
              formatPercent(p),
              brier(brierScore(p, q.outcome)),
              formatPercent(median([...q.credences.values()])),
              shortText(claim.text, 40),
            ];
          }),
        ['left', 'left', 'right', 'right', 'right', 'left'],
      ),
    );
  }
  if (c) {
    blocks.push(
      table(
        ['poll', 'answer', 'credence in it', 'Brier', 'log', 'team', 'question'],
        data.choice
          .filter((q) => q.votes.has(person.id))
          .map((q) => {
            const poll = data.polls.get(q.pollId)!;
            const mine = q.votes.get(person.id)!;
            const pooled = choiceAggregate([...q.votes.values()], mine.length)!;
            return [
              pollRef(poll),
              `${optionLetter(q.outcome)}: ${shortText(poll.options[q.outcome] ?? '', 24)}`,
              formatPercent(mine[q.outcome] ?? 0),
              brier(choiceBrier(mine, q.outcome)),
              logScore(choiceLogScore(mine, q.outcome)),
              formatPercent(pooled[q.outcome] ?? 0),
              shortText(data.claims.get(q.claimId)?.text ?? '', 40),
            ];
          }),
        ['left', 'left', 'right', 'right', 'right', 'right', 'left'],
      ),
    );
  }
  const tags = tagTable(scores, withChoice, 'person');
  if (tags) blocks.push(text(md`**By tag**`), tags);
  blocks.push(...notes(view, withChoice));
  const picture = await chart(view, person.id, person.name);
  return {
    title: `Scores of ${person.name}${view.scope}`,
    blocks,
    ...(picture ? { attachments: [picture] } : {}),
  };
}
