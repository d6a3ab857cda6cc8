import { recordCredence, type RecordedCredence } from '../src/app/credences.ts';
import { defineCommand, subcommand } from '../src/core/command.ts';
import type { BaseContext, InteractionContext } from '../src/core/context.ts';
import { customId } from '../src/core/custom-id.ts';
import { UserError } from '../src/core/errors.ts';
import { joinMarkup, md, type Markup } from '../src/core/markup.ts';
import { context, fields, notice, pre, table, text, type Block, type Reply } from '../src/core/reply.ts';
import { parseClaimId } from '../src/core/values.ts';
import { claimRef, STATUS_LABEL, type Claim } from '../src/domain/claims.ts';
import { aggregate } from '../src/domain/credences/aggregate.ts';
import { coherenceGap, COHERENCE_GAP_SHOWN, cruxStrength, impliedCredence } from '../src/domain/credences/conditional.ts';
import { credenceLabel, formatPercent, formatPoints, formatTyped, parseCondition, parseCredence, readingNote } from '../src/domain/credences/parse-credence.ts';
import { aggregateFields, aggregateLine, credenceValueInput, histogramText, people } from '../src/views/credence-summary.ts';
import { hiddenNote } from '../src/domain/polls.ts';
import { aggregateVisibility } from '../src/queries/credences.ts';
import { refreshPollMessage } from '../src/app/poll-message.ts';

const PAGE_SIZE = 25;

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor' | 'log'>;

/** Records the actor's credence (from the command or the card's form) and builds the private answer. */
async function record(ctx: Ctx, claim: Claim, valueText: string, givenText?: string): Promise<Reply> {
  const value = parseCredence(valueText);
  const condition = givenText ? parseCondition(givenText) : undefined;
  const { queries } = ctx.services;
  const given = condition
    ? { claim: await queries.claims.require(ctx.workspace, condition.claimNumber), isTrue: condition.isTrue }
    : undefined;
  const result = await recordCredence(ctx, claim, { value, ...(given ? { given } : {}) });

  // A plain credence on a claim with an open poll moves the poll's live aggregate.
  const poll = !given && result.changed ? await queries.polls.openForClaim(ctx.workspace, claim.id) : undefined;
  if (poll) await refreshPollMessage(ctx, poll);
  const note = readingNote(valueText);
  const blocks = await answerBlocks(ctx, claim, result, given);
  return { blocks: note ? [blocks[0]!, context(note), ...blocks.slice(1)] : blocks, ephemeral: true, accent: 'success' };
}

async function answerBlocks(ctx: Ctx, claim: Claim, result: RecordedCredence, given?: { claim: Claim; isTrue: boolean }): Promise<Block[]> {
  const label = credenceLabel(claim.number, given ? { claimNumber: given.claim.number, isTrue: given.isTrue } : undefined);
  const { value } = result.credence;
  const blocks: Block[] = [
    text(
      !result.changed
        ? md`${label} is still **${formatTyped(value)}**; nothing changed.`
        : result.previous
          ? md`Updated ${label}: ${formatTyped(result.previous.value)} → **${formatTyped(value)}** (${formatPoints(value - result.previous.value)}).`
          : md`Recorded ${label} = **${formatTyped(value)}**.`,
    ),
  ];
  const { queries } = ctx.services;
  if (!given) {
    const visibility = await aggregateVisibility(queries, ctx.workspace, claim.id, ctx.actor.id);
    const a = aggregate((await queries.credences.latestUnconditional(ctx.workspace, claim.id)).map((c) => c.value));
    if (a && visibility.shown) blocks.push(text(md`Team: ${aggregateLine(a)}`));
    if (a && !visibility.shown) blocks.push(context(md`The team’s result (${people(a.people)}) is ${hiddenNote(visibility.poll)}.`));
  }
  blocks.push(...(await conditionalNotes(ctx, claim, given)));
  return blocks;
}

/**
 * How the actor's credences in a pair of claims fit together. After a conditional credence P(A|B): how
 * much B matters to them (their crux strength), whether their P(A) fits, or which of P(A|B), P(A|¬B),
 * P(B) is still missing. After a plain credence: the same for each pair it completes.
 */
async function conditionalNotes(ctx: Ctx, claim: Claim, given?: { claim: Claim; isTrue: boolean }): Promise<Block[]> {
  const { queries } = ctx.services;
  if (given) return await pairNotes(ctx, claim, given.claim, true);
  const pairs = new Map<string, [number, number]>();
  for (const c of await queries.credences.conditionalsAround(ctx.workspace, ctx.actor.id, claim.id)) {
    pairs.set(`${c.claimId}|${c.given!.claimId}`, [c.claimId, c.given!.claimId]);
  }
  const notes = await Promise.all(
    [...pairs.values()].slice(0, PAIRS_SHOWN).map(async ([a, b]) => {
      const [first, second] = [await queries.claims.byId(ctx.workspace, a), await queries.claims.byId(ctx.workspace, b)];
      return first && second ? await pairNotes(ctx, first, second, false) : [];
    }),
  );
  return notes.flat();
}

const PAIRS_SHOWN = 3;

async function pairNotes(ctx: Ctx, claim: Claim, condition: Claim, sayWhatIsMissing: boolean): Promise<Block[]> {
  const { queries } = ctx.services;
  const mine = async (claimId: number, given?: { claimId: number; isTrue: boolean }) =>
    (await queries.credences.latestOf(ctx.workspace, ctx.actor.id, claimId, given))?.value;
  const a = claimRef(claim);
  const b = claimRef(condition);
  const aGivenB = await mine(claim.id, { claimId: condition.id, isTrue: true });
  const aGivenNotB = await mine(claim.id, { claimId: condition.id, isTrue: false });
  const pB = await mine(condition.id);
  const pA = await mine(claim.id);
  if (aGivenB === undefined || aGivenNotB === undefined || pB === undefined) {
    if (!sayWhatIsMissing) return [];
    const missing: Markup[] = [];
    if (aGivenB === undefined) missing.push(md`\`/credence ${a} <value> given:${b}\``);
    if (aGivenNotB === undefined) missing.push(md`\`/credence ${a} <value> given:!${b}\``);
    if (pB === undefined) missing.push(md`\`/credence ${b} <value>\``);
    return [context(md`To see how much ${b} matters to you, add ${joinMarkup(missing, ' and ')}.`)];
  }
  const c = { b: pB, aGivenB, aGivenNotB };
  const notes: Block[] = [
    text(
      md`${b} is worth **${Math.round(cruxStrength(c) * 100)} points** to you on ${a}: learning whether it is true would move your ${a} that much on average.`,
    ),
  ];
  if (pA !== undefined && Math.abs(coherenceGap(c, pA)) >= COHERENCE_GAP_SHOWN) {
    notes.push(
      context(
        md`Your P(${a}) is ${formatPercent(pA)}, but your conditionals imply ${formatPercent(impliedCredence(c))} (${formatPercent(pB)} × ${formatPercent(aGivenB)} + ${formatPercent(1 - pB)} × ${formatPercent(aGivenNotB)}). One of them may need another look.`,
      ),
    );
  }
  return notes;
}

const set = subcommand({
  name: 'set',
  description: 'Record your credence in a claim (privately), optionally given another claim',
  options: [
    { name: 'claim', type: 'claim', description: 'The claim, e.g. C3', required: true, positional: true },
    {
      name: 'value',
      type: 'string',
      description: 'How likely: 70, 70%, 0.7 or odds 3:1',
      required: true,
      positional: true,
      maxLength: 30,
      example: '70%',
    },
    {
      name: 'given',
      type: 'string',
      description: 'Conditional on a claim: C5 (if true) or !C5 (if false)',
      autocomplete: 'claim',
      maxLength: 30,
      example: 'C5',
    },
  ] as const,
  examples: ['/credence C3 70', '/credence C3 80% given:C5', '/credence C3 0.3 given:!C5', '/credence C3 3:1'],
  async handler(ctx) {
    const claim = await ctx.services.queries.claims.require(ctx.workspace, ctx.args.claim);
    return record(ctx, claim, ctx.args.value, ctx.args.given);
  },
});

const mine = subcommand({
  name: 'mine',
  description: 'List your latest credences',
  options: [{ name: 'page', type: 'integer', description: 'Page number', min: 1, max: 100_000 }] as const,
  examples: ['/credence mine'],
  async handler(ctx) {
    const page = ctx.args.page ?? 1;
    const { credences, total } = await ctx.services.queries.credences.byUser(ctx.workspace, ctx.actor.id, {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    if (total === 0) return notice(md`You have no credences here yet. Record one with \`/credence C1 70\`.`);
    const pages = Math.ceil(total / PAGE_SIZE);
    if (page > pages) throw new UserError(`You have only ${pages} page${pages === 1 ? '' : 's'} of credences.`, 'credence.page');
    return {
      title: `Your credences (${total})`,
      blocks: [
        table(
          ['credence', 'value', 'status', 'claim'],
          credences.map((c) => [
            credenceLabel(c.claimNumber, c.given ? { claimNumber: c.given.claimNumber, isTrue: c.given.isTrue } : undefined),
            formatPercent(c.value),
            STATUS_LABEL[c.claimStatus as Claim['status']] ?? c.claimStatus,
            short(c.claimText, 60),
          ]),
          ['left', 'right', 'left', 'left'],
        ),
        context(
          pages > 1
            ? md`Page ${page} of ${pages}${page < pages ? md` · next: \`/credence mine page:${page + 1}\`` : ''}`
            : md`Change one by giving a new value: \`/credence C1 60\`.`,
        ),
      ],
      ephemeral: true,
    };
  },
});

const show = subcommand({
  name: 'show',
  description: 'The team’s credence in a claim: aggregate, spread, histogram, conditionals',
  options: [{ name: 'claim', type: 'claim', description: 'The claim, e.g. C3', required: true, positional: true }] as const,
  examples: ['/credence show C3'],
  async handler(ctx) {
    const { queries } = ctx.services;
    const claim = await queries.claims.require(ctx.workspace, ctx.args.claim);
    const latest = await queries.credences.latestForClaim(ctx.workspace, claim.id);
    const plain = aggregate(latest.filter((c) => !c.given).map((c) => c.value));
    // A poll that shows results to voters only: someone who voted sees them, privately.
    const visibility = await aggregateVisibility(queries, ctx.workspace, claim.id, ctx.actor.id);
    const privately = visibility.shown && !(await aggregateVisibility(queries, ctx.workspace, claim.id)).shown;
    const blocks: Block[] = [text(md`${claim.text}`)];
    if (!plain) blocks.push(text(md`Nobody has given a credence yet. Be the first: \`/credence ${claimRef(claim)} 70\`.`));
    else if (!visibility.shown) blocks.push(text(md`${people(plain.people)} so far; the result is ${hiddenNote(visibility.poll)}.`));
    else blocks.push(fields(aggregateFields(plain)), pre(histogramText(plain)));

    if (visibility.shown) {
      const conditions = new Map<number, { number: number; ifTrue: number[]; ifFalse: number[] }>();
      for (const c of latest) {
        if (!c.given) continue;
        const entry = conditions.get(c.given.claimId) ?? { number: c.given.claimNumber, ifTrue: [], ifFalse: [] };
        (c.given.isTrue ? entry.ifTrue : entry.ifFalse).push(c.value);
        conditions.set(c.given.claimId, entry);
      }
      if (conditions.size) {
        const median = (xs: number[]) => (xs.length ? formatPercent(aggregate(xs)!.median) : '—');
        blocks.push(
          table(
            ['given', `P(${claimRef(claim)} | it)`, `P(${claimRef(claim)} | not it)`, 'people'],
            [...conditions.values()]
              .sort((x, y) => x.number - y.number)
              .map((e) => [`C${e.number}`, median(e.ifTrue), median(e.ifFalse), String(Math.max(e.ifTrue.length, e.ifFalse.length))]),
            ['left', 'right', 'right', 'right'],
          ),
          context(md`Conditional credences (medians). Which of these matter most: \`/cruxes ${claimRef(claim)}\`.`),
        );
      }
    }
    return { title: `Credence in ${claimRef(claim)} · ${STATUS_LABEL[claim.status]}`, blocks, ...(privately ? { ephemeral: true } : {}) };
  },
});

function short(value: string, max: number): string {
  const one = value.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

async function claimFromParam(ctx: InteractionContext): Promise<Claim> {
  const n = parseClaimId(ctx.params[0] ?? '');
  if (n === undefined) throw new UserError('That button is out of date.', 'interaction.bad-params');
  return await ctx.services.queries.claims.require(ctx.workspace, n);
}

export default defineCommand({
  name: 'credence',
  description: 'Record how likely you think a claim is; see your credences and the team’s',
  subcommands: [set, mine, show],
  defaultSubcommand: 'set',
  interactions: {
    /** "Credence…" on the claim card: a form for a value and an optional condition. */
    async form(ctx) {
      const claim = await claimFromParam(ctx);
      const current = await ctx.services.queries.credences.latestOf(ctx.workspace, ctx.actor.id, claim.id);
      return {
        blocks: [],
        modal: {
          id: customId('credence', 'form-submit', claim.number),
          title: `Your credence in ${claimRef(claim)}`,
          inputs: [
            credenceValueInput(current?.value),
            {
              id: 'given',
              label: 'Only if… (optional): C5, or !C5 for “C5 is false”',
              style: 'short',
              required: false,
              maxLength: 30,
              placeholder: 'C5',
            },
          ],
        },
      };
    },
    async 'form-submit'(ctx) {
      const claim = await claimFromParam(ctx);
      const given = ctx.fields.given?.trim();
      return record(ctx, claim, ctx.fields.value ?? '', given || undefined);
    },
  },
});
