import { customId } from '../core/custom-id.ts';
import { joinMarkup, md, type Markup } from '../core/markup.ts';
import { context, text, type Block, type ComponentRow, type Reply } from '../core/reply.ts';
import type { ThreadAnalysis } from '../domain/threads/extract.ts';
import type { ThreadSummary } from '../domain/threads/summary.ts';
import { languageName } from '../domain/threads/language.ts';
import type { ExtractedClaim, ExtractionStats, StatedCredence } from '../domain/threads/thread.ts';
import type { ThreadSource } from '../domain/threads/request.ts';
import { captureRef } from '../domain/threads/captures.ts';

/** How many items each section shows before "and N more": the summary is read at a glance. */
const SHOWN = { debates: 4, positions: 6, keyClaims: 5, cruxes: 4, agreements: 3, openQuestions: 3, credences: 4 } as const;
const QUOTE_MAX = 140;

export function quote(value: string, max = QUOTE_MAX): string {
  const one = value.replace(/\s+/g, ' ').trim();
  return `“${one.length > max ? `${one.slice(0, max - 1)}…` : one}”`;
}

function section(title: string, lines: readonly Markup[], total: number): Block | undefined {
  if (lines.length === 0) return undefined;
  const more = total - lines.length;
  return text(joinMarkup([md`**${title}**`, ...lines.map((l) => md`• ${l}`), ...(more > 0 ? [md`_and ${more} more_`] : [])]));
}

/** What the pipeline read and what it folded or dropped, so a reader can trust the rest. */
export function readingNote(source: ThreadSource, analysis: ThreadAnalysis): Markup {
  const s = analysis.stats;
  const parts = [md`Read ${source.origin}: ${count(s.messages, 'message')}`];
  if (s.repeatedMessages || s.foldedSentences)
    parts.push(
      md`${count(s.foldedSentences, 'repeated sentence')} folded (${count(s.repeatedMessages, 'message')} only repeating earlier text)`,
    );
  if (s.boilerplateLines) parts.push(md`${count(s.boilerplateLines, 'boilerplate or link-only line')} dropped`);
  if (s.otherLanguage) parts.push(md`${count(s.otherLanguage, 'message')} in other languages left as they are${languagesNamed(s)}`);
  return joinMarkup(parts, ' · ');
}

/** " (French, Japanese)": which languages were skipped, as far as a script or function words tell. */
function languagesNamed(stats: ExtractionStats): string {
  const names = (stats.otherLanguages ?? []).map(languageName);
  return names.length ? ` (${names.join(', ')})` : '';
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

export function credenceText(credence: StatedCredence): Markup {
  const about = credence.about ? md`P(${credence.about}) ≈ ` : md``;
  return credence.doubted
    ? md`${about}\`${credence.written}\`, named to be doubted`
    : md`${about}\`${credence.written}\` (${formatProbability(credence.value)})`;
}

function formatProbability(p: number): string {
  if (p === 0 || p >= 0.01) return `${Math.round(p * 1000) / 10}%`;
  return p.toExponential(0);
}

export interface SummaryReplyInput {
  readonly source: ThreadSource;
  readonly analysis: ThreadAnalysis;
  readonly summary: ThreadSummary;
  readonly captureId?: number;
  readonly candidates: number;
  readonly links: number;
  /** The debate the buttons add to, when the channel has one. */
  readonly debateSlug?: string;
  readonly extractedBy?: 'model' | 'heuristics';
}

export function summaryReply(input: SummaryReplyInput): Reply {
  const { analysis, summary } = input;
  const people = summary.participants.length;
  const note = readingNote(input.source, analysis);
  const blocks: (Block | undefined)[] = [context(input.extractedBy === 'model' ? md`${note} · claims found by the language model` : note)];
  if (input.source.note) blocks.push(context(input.source.note));

  const rankOf = new Map(summary.keyClaims.map((k, i) => [k.claim.id, i]));
  blocks.push(
    section(
      'Debates',
      summary.debates.slice(0, SHOWN.debates).map((topic) => {
        const top = [...topic.claims].sort((a, b) => (rankOf.get(a.id) ?? 1e9) - (rankOf.get(b.id) ?? 1e9)).slice(0, people ? 1 : 2);
        return md`_${topic.label.join(' · ')}_ (${topic.claims.length} claims): ${joinMarkup(
          top.map((c) => md`${quote(c.text, 90)}`),
          ' · ',
        )}`;
      }),
      summary.debates.length,
    ),
  );
  if (people) {
    blocks.push(
      section(
        'Positions',
        summary.positions
          .slice(0, SHOWN.positions)
          .map(
            (p) =>
              md`**${p.authors.join(', ')}**: ${quote(p.stance.text, 130)}${p.disagreesWith.length ? md` _(disputes ${p.disagreesWith.join(', ')})_` : ''}`,
          ),
        summary.positions.length,
      ),
    );
  }
  blocks.push(
    section(
      'Key claims',
      summary.keyClaims.slice(0, SHOWN.keyClaims).map((k) => {
        const tally: Markup[] = [];
        if (k.support.length) tally.push(md`supported ${k.support.length}${names(k.support)}`);
        if (k.opposition.length) tally.push(md`opposed ${k.opposition.length}${names(k.opposition)}`);
        if (k.repeats > 1) tally.push(md`said ${k.repeats}×`);
        const by = k.authors.length ? md` — ${k.authors.join(', ')}` : md``;
        return md`${quote(k.claim.text)}${by}${tally.length ? md` · ${joinMarkup(tally, ' · ')}` : ''}`;
      }),
      summary.keyClaims.length,
    ),
  );
  blocks.push(
    section(
      'Explicit cruxes',
      summary.cruxes
        .slice(0, SHOWN.cruxes)
        .map((c) => md`${c.kind === 'crux' ? '' : md`_${c.kind}:_ `}${quote(c.claim.text, 220)}${byline(c.claim)}`),
      summary.cruxes.length,
    ),
  );
  blocks.push(
    section(
      'Agreements',
      summary.agreements
        .slice(0, SHOWN.agreements)
        .map(
          (a) =>
            md`${quote(a.text, 120)}${a.author ? md` — ${a.author}` : ''}${a.with ? md`, on ${quote(a.with.text, 80)}${a.with.author ? md` (${a.with.author})` : ''}` : ''}`,
        ),
      summary.agreements.length,
    ),
  );
  blocks.push(
    section(
      'Open questions',
      summary.openQuestions
        .slice(0, SHOWN.openQuestions)
        .map((q) => md`${quote(q.text, 140)}${q.author ? md` — ${q.author}` : ''}${q.kind === 'question' ? md` _(unanswered)_` : ''}`),
      summary.openQuestions.length,
    ),
  );
  blocks.push(
    section(
      'Stated credences',
      summary.credences
        .slice(0, SHOWN.credences)
        .map((c) => md`${credenceText(c.credence)}: ${quote(c.claim.text, 140)}${byline(c.claim)}`),
      summary.credences.length,
    ),
  );
  blocks.push(context(capturesNote(input)));

  return {
    title: `Thread summary · ${analysis.stats.messages.toLocaleString('en-US')} messages${people ? `, ${people} ${people === 1 ? 'person' : 'people'}` : ''}`,
    blocks: blocks.filter((b): b is Block => b !== undefined),
    components: captureButtons(input.captureId, input.candidates),
    accent: 'info',
  };
}

function names(claims: readonly ExtractedClaim[]): Markup {
  const authors = [...new Set(claims.map((c) => c.author).filter(Boolean))];
  return authors.length ? md` (${authors.slice(0, 3).join(', ')}${authors.length > 3 ? ', …' : ''})` : md``;
}

function byline(claim: ExtractedClaim): Markup {
  return claim.author ? md` — ${claim.author}` : md``;
}

export function capturesNote(input: Pick<SummaryReplyInput, 'candidates' | 'links' | 'debateSlug'>): Markup {
  const what = md`${input.candidates} candidate claim${input.candidates === 1 ? '' : 's'} and ${input.links} link${input.links === 1 ? '' : 's'}`;
  return input.debateSlug
    ? md`${what} can go to the map of \`${input.debateSlug}\`, with links to the messages they came from.`
    : md`${what} found. To put them on a map, start or pick a debate here (\`/debate new\`, \`/debate use\`), then press a button.`;
}

export function captureButtons(captureId: number | undefined, candidates: number): ComponentRow[] {
  if (captureId === undefined || candidates === 0) return [];
  return [
    [
      {
        type: 'button',
        id: customId('capture', 'add-all', captureId),
        label: `Add all to the map (${candidates})`,
        style: 'primary',
        command: `/capture add ${captureRef(captureId)} all`,
      },
      {
        type: 'button',
        id: customId('capture', 'review', captureId),
        label: 'Review one by one',
        style: 'secondary',
        command: `/capture review ${captureRef(captureId)}`,
      },
    ],
  ];
}

/** Nothing argued: a thread of greetings and logistics. Said plainly instead of an empty summary. */
export function nothingArguedReply(source: ThreadSource, analysis: ThreadAnalysis): Reply {
  return {
    title: `Thread summary · ${analysis.stats.messages.toLocaleString('en-US')} messages`,
    blocks: [
      text(
        md`I read ${source.origin} and found no argumentative content: no claims, cruxes, stances or stated credences, only chat.${
          analysis.stats.otherLanguage
            ? md` (${count(analysis.stats.otherLanguage, 'message')} in other languages, which I leave as they are${languagesNamed(analysis.stats)}.)`
            : ''
        }`,
      ),
      context(readingNote(source, analysis)),
    ],
    accent: 'neutral',
  };
}
