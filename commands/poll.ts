import { recordCredence } from '../src/app/credences.ts';
import { closePoll, openPollWith, recordChoiceVote, rememberPollMessage, resolveChoicePoll } from '../src/app/polls.ts';
import { resolveDebate } from '../src/app/lookup.ts';
import { defineCommand, subcommand } from '../src/core/command.ts';
import type { BaseContext, InteractionContext } from '../src/core/context.ts';
import { customId } from '../src/core/custom-id.ts';
import { UserError } from '../src/core/errors.ts';
import { md } from '../src/core/markup.ts';
import { context, notice, table, type Reply } from '../src/core/reply.ts';
import { claimRef } from '../src/domain/claims.ts';
import { formatRelative, formatUtc, parseCloseTime } from '../src/domain/credences/close-time.ts';
import { formatPercent, parseCredence } from '../src/domain/credences/parse-credence.ts';
import { HIDE_MODES, POLL_KINDS, pollRef, type Poll } from '../src/domain/polls.ts';
import { CLAIM_TEXT_MAX, parseTags } from '../src/domain/claims.ts';
import { optionLetter, parseChoiceVote, parseOptions } from '../src/domain/credences/choice.ts';
import { parseResolveBy } from '../src/domain/forecasts.ts';
import { formatInZone } from '../src/domain/time/when.ts';
import { timeZoneOf } from '../src/queries/time-zone.ts';
import { choiceVisible } from '../src/queries/credences.ts';
import { credenceValueInput, people } from '../src/views/credence-summary.ts';
import { POLL_VALUES, choiceVoteInput, choiceVoterNote, voterNote } from '../src/views/poll-message.ts';
import { pollReply, refreshPollMessage } from '../src/app/poll-message.ts';
import { choiceData, pollAggregate } from '../src/queries/polls.ts';

const open = subcommand({
  name: 'open',
  description: 'Post a poll on a claim: buttons to vote, a live aggregate, a closing time',
  options: [
    { name: 'claim', type: 'claim', description: 'The claim to poll, e.g. C3', required: true, positional: true },
    {
      name: 'closes',
      type: 'string',
      description: 'When it closes: "in 3 days", 2h, or a date (UTC)',
      maxLength: 40,
      example: '"in 3 days"',
    },
    {
      name: 'hide',
      type: 'string',
      description: 'Hide the result until someone has voted, or until the poll closes',
      choices: HIDE_MODES,
    },
    { name: 'resolve-by', type: 'string', description: 'When the answer will be known: "end of month", "in 2 weeks", 2027-01-31', maxLength: 40, example: '"end of month"' },
  ] as const,
  examples: ['/poll C3', '/poll C3 closes:"in 3 days" hide:until-voted', '/poll C4 closes:2026-12-01 hide:until-close resolve-by:"end of month"'],
  async handler(ctx) {
    const { queries } = ctx.services;
    const claim = await queries.claims.require(ctx.workspace, ctx.args.claim);
    const now = ctx.services.clock();
    const closesAt = ctx.args.closes ? parseCloseTime(ctx.args.closes, now) : undefined;
    const when = ctx.args['resolve-by'];
    const zone = when === undefined ? undefined : await timeZoneOf(queries, ctx.workspace, ctx.actor);
    const resolveBy = when === undefined ? undefined : parseResolveBy(when, now, zone!.zone);
    if (resolveBy) assertResolvesAfterClose(resolveBy, closesAt, zone!.zone);
    const poll = await openPollWith(ctx, {
      claim,
      ...(resolveBy ? { resolveBy: { at: resolveBy, zone: zone!.zone } } : {}),
      poll: { channel: ctx.channel.id, hide: ctx.args.hide ?? 'visible', ...(closesAt ? { closesAt } : {}) },
    });
    const reply = await pollReply(ctx, poll);
    return {
      ...reply,
      ...(resolveBy ? { blocks: [...reply.blocks, context(resolveByNote(poll, resolveBy, zone!))] } : {}),
      onSent: async (ref) => await rememberPollMessage(ctx, poll, ref),
    };
  },
});

const close = subcommand({
  name: 'close',
  description: 'Close a claim’s poll now (whoever opened it, or a moderator)',
  options: [
    { name: 'claim', type: 'claim', description: 'The claim whose poll to close, e.g. C3', required: true, positional: true },
  ] as const,
  examples: ['/poll close C3'],
  async handler(ctx) {
    const { queries } = ctx.services;
    const claim = await queries.claims.require(ctx.workspace, ctx.args.claim);
    const poll = await queries.polls.openForClaim(ctx.workspace, claim.id);
    if (!poll) throw new UserError(md`${claimRef(claim)} has no open poll. Open one with \`/poll ${claimRef(claim)}\`.`, 'poll.none-open');
    await closePoll(ctx.services, poll, ctx.actor);
    const closed = (await queries.polls.byId(ctx.workspace, poll.id))!;
    // The poll message shows the final result when it can be edited; otherwise this reply does.
    if (!(await refreshPollMessage(ctx, closed))) return await pollReply(ctx, closed);
    const final = await pollAggregate(queries, closed);
    return notice(
      md`Closed the poll on ${claimRef(claim)}${final ? md`: **${formatPercent(final.geoMeanOdds)}** from ${people(final.people)}` : md` with no votes`}. The poll message shows the result.`,
      { accent: 'success', ephemeral: false },
    );
  },
});

const list = subcommand({
  name: 'list',
  description: 'The open polls here, with their votes and closing times',
  options: [] as const,
  examples: ['/poll list'],
  async handler(ctx) {
    const { queries } = ctx.services;
    const polls = await queries.polls.open(ctx.workspace);
    if (polls.length === 0) return notice(md`No open polls. Open one with \`/poll C3 closes:"in 3 days"\`.`);
    const now = ctx.services.clock();
    return {
      title: `Open polls (${polls.length})`,
      blocks: [
        table(
          ['poll', 'votes', 'closes', 'hide', 'opened by'],
          await Promise.all(
            polls.map(async (p) => {
              const votes = p.kind === 'choice' ? (await queries.polls.votes(ctx.workspace, p.id)).length : ((await pollAggregate(queries, p))?.people ?? 0);
              return [
                `${pollRef(p)} · C${p.claimNumber}${p.kind === 'choice' ? ` (${p.options.length} options)` : ''}`,
                String(votes),
                p.closesAt ? formatRelative(new Date(p.closesAt), now) : 'when closed',
                p.hide,
                p.createdByName,
              ];
            }),
          ),
        ),
      ],
      ephemeral: true,
    };
  },
});


function assertResolvesAfterClose(resolveBy: Date, closesAt: Date | undefined, zone: string): void {
  if (closesAt && resolveBy < closesAt) {
    throw new UserError(
      md`resolve-by: ${formatInZone(resolveBy, zone)} is before the poll closes (${formatInZone(closesAt, zone)}); pick a date after it, e.g. resolve-by:"end of month".`,
      'poll.resolve-before-close',
    );
  }
}

const resolveByNote = (poll: Poll, at: Date, zone: { zone: string; from: string }) =>
  md`Opened ${pollRef(poll)}. Resolve by ${formatInZone(at, zone.zone)} (time zone from ${zone.from}); I remind ${poll.createdByName} and the moderators then.`;

/** `P3` names a poll; `C3` the claim's open poll (or its latest). A UserError says what to give. */
async function pollFromRef(ctx: Pick<BaseContext, 'services' | 'workspace'>, input: string): Promise<Poll> {
  const raw = input.trim();
  const m = /^([pc])?#?(\d{1,9})$/i.exec(raw);
  const { queries } = ctx.services;
  if (!m) throw new UserError(md`"${raw.slice(0, 20)}" is not a poll: name it as on its message, e.g. \`/poll vote P3 70\` (or the claim, C3).`, 'poll.bad-ref');
  const n = Number(m[2]);
  if (m[1]?.toLowerCase() === 'c') {
    const claim = await queries.claims.require(ctx.workspace, n);
    const poll = (await queries.polls.openForClaim(ctx.workspace, claim.id)) ?? (await queries.polls.latestForClaim(ctx.workspace, claim.id));
    if (!poll) throw new UserError(md`C${n} has no poll. Open one with \`/poll C${n}\`.`, 'poll.none-open');
    return poll;
  }
  const poll = await queries.polls.byId(ctx.workspace, n);
  if (!poll) throw new UserError(md`There is no poll P${n} here. \`/poll list\` shows the open ones.`, 'poll.not-found');
  return poll;
}

/**
 * A vote typed as text, on every platform (the console cannot press buttons): one credence for a yes/no
 * poll, a share per option for a choice poll. The poll message is edited in place; the reply is private.
 */
async function textVote(ctx: BaseContext, poll: Poll, input: string): Promise<Reply> {
  const { queries } = ctx.services;
  if (poll.kind === 'choice') {
    const parsed = parseChoiceVote(input, poll.options.length);
    const result = await recordChoiceVote(ctx, poll, parsed.credences);
    const current = (await queries.polls.byId(ctx.workspace, poll.id))!;
    await refreshPollMessage(ctx, current);
    const mayShow = current.hide === 'until-voted' && (await choiceVisible(queries, current, ctx.actor.id));
    return choiceVoterNote(
      current,
      { credences: result.vote.credences, changed: result.changed, ...(parsed.normalisedFrom !== undefined ? { normalisedFrom: parsed.normalisedFrom } : {}) },
      mayShow ? await choiceData(queries, current) : undefined,
    );
  }
  assertOpen(poll);
  const value = parseCredence(input);
  const claim = (await queries.claims.byId(ctx.workspace, poll.claimId))!;
  const result = await recordCredence(ctx, claim, { value, pollId: poll.id });
  const current = (await queries.polls.byId(ctx.workspace, poll.id))!;
  await refreshPollMessage(ctx, current);
  return voterNote(
    current,
    { value, ...(result.previous ? { previous: result.previous.value } : {}), changed: result.changed },
    current.hide === 'until-voted' ? await pollAggregate(queries, current) : undefined,
  );
}

const voteText = subcommand({
  name: 'vote',
  description: 'Vote in a poll by text: a credence (P3 70), or a share per option (P4 A:50 B:30 C:20)',
  options: [
    { name: 'poll', type: 'string', description: 'The poll, as its message names it: P3 (or the claim, C3)', required: true, positional: true, maxLength: 12, example: 'P3' },
    {
      name: 'credence',
      type: 'string',
      description: 'Yes/no poll: 70, 70%, 0.7 or 3:1. Choice poll: A:50 B:30 C:20 (scaled to 100%), or B for all on B',
      required: true,
      positional: true,
      maxLength: 300,
      example: '70',
      takesColonWords: true,
    },
  ] as const,
  examples: ['/poll vote P3 70', '/poll vote P4 A:50 B:30 C:20', '/poll vote C3 3:1'],
  async handler(ctx) {
    const poll = await pollFromRef(ctx, ctx.args.poll);
    return await textVote(ctx, poll, ctx.args.credence);
  },
});

const create = subcommand({
  name: 'new',
  description: 'Open a poll: yes/no on a claim, or a multiple-choice question with options',
  options: [
    { name: 'question', type: 'string', description: 'A choice poll’s question (it becomes a claim of this channel’s debate)', positional: true, maxLength: CLAIM_TEXT_MAX },
    { name: 'kind', type: 'string', description: 'binary (yes/no on a claim) or choice (options)', choices: POLL_KINDS },
    { name: 'options', type: 'string', description: 'A choice poll’s options, 2 to 25, separated by |', maxLength: 2000, example: '"OpenAI | Google DeepMind | Anthropic"' },
    { name: 'claim', type: 'claim', description: 'The claim to poll (yes/no), or whose question the options answer, e.g. C3' },
    { name: 'closes', type: 'string', description: 'When it closes: "in 3 days", "friday 5pm", 2026-12-01', maxLength: 40, example: '"in 3 days"' },
    { name: 'resolve-by', type: 'string', description: 'When the answer will be known: "end of month", "in 2 weeks", 2027-01-31', maxLength: 40, example: '"end of month"' },
    { name: 'hide', type: 'string', description: 'Hide the result until someone has voted, or until the poll closes', choices: HIDE_MODES },
    { name: 'tags', type: 'string', description: 'Tags for the question’s claim', autocomplete: 'tag', example: 'labs' },
  ] as const,
  examples: [
    '/poll new kind:choice options:"OpenAI | Google DeepMind | Anthropic" Which lab ships a 10x model first? closes:"in 3 days"',
    '/poll new claim:C3 closes:"friday 5pm" resolve-by:"end of month"',
  ],
  async handler(ctx) {
    const { queries } = ctx.services;
    // Every option is checked before anything is stored.
    const kind = ctx.args.kind ?? (ctx.args.options !== undefined ? 'choice' : 'binary');
    const now = ctx.services.clock();
    const { zone, from } = await timeZoneOf(queries, ctx.workspace, ctx.actor);
    const closesAt = ctx.args.closes ? parseCloseTime(ctx.args.closes, now, zone) : undefined;
    const resolveBy = ctx.args['resolve-by'] !== undefined ? parseResolveBy(ctx.args['resolve-by'], now, zone) : undefined;
    if (resolveBy) assertResolvesAfterClose(resolveBy, closesAt, zone);
    let choices: string[] = [];
    if (kind === 'choice') {
      if (ctx.args.options === undefined) {
        throw new UserError(md`A choice poll needs its options: \`options:"OpenAI | Google DeepMind | Anthropic"\` (2 to 25, separated by |).`, 'poll.no-options');
      }
      choices = parseOptions(ctx.args.options);
      if (!ctx.args.question && ctx.args.claim === undefined) {
        throw new UserError(md`A choice poll needs a question: \`/poll new kind:choice options:"A | B" Which lab ships first?\` (or \`claim:C3\`).`, 'poll.no-question');
      }
    } else {
      if (ctx.args.options !== undefined) throw new UserError(md`options: only a choice poll has options; add \`kind:choice\`.`, 'poll.options-binary');
      if (ctx.args.claim === undefined) throw new UserError(md`A yes/no poll is on a claim: \`/poll new claim:C3\` (or \`/poll C3\`).`, 'poll.no-claim');
    }
    const tags = parseTags(ctx.args.tags);
    const existing = ctx.args.claim !== undefined ? await queries.claims.require(ctx.workspace, ctx.args.claim) : undefined;
    const debate = existing ? undefined : await resolveDebate(ctx, undefined);

    const poll = await openPollWith(ctx, {
      ...(existing ? { claim: existing } : { question: { debate: debate!, text: ctx.args.question!, tags } }),
      ...(resolveBy ? { resolveBy: { at: resolveBy, zone } } : {}),
      poll: {
        channel: ctx.channel.id,
        hide: ctx.args.hide ?? 'visible',
        kind,
        ...(kind === 'choice' ? { choices } : {}),
        ...(closesAt ? { closesAt } : {}),
      },
    });
    const reply = await pollReply(ctx, poll);
    return {
      ...reply,
      blocks: [...reply.blocks, context(resolveBy ? resolveByNote(poll, resolveBy, { zone, from }) : md`Opened ${pollRef(poll)}.`)],
      onSent: async (ref) => await rememberPollMessage(ctx, poll, ref),
    };
  },
});

const resolve = subcommand({
  name: 'resolve',
  description: 'Resolve a multiple-choice poll to the right option (whoever opened it, or a moderator)',
  options: [
    { name: 'poll', type: 'string', description: 'The poll, e.g. P4', required: true, positional: true, maxLength: 12, example: 'P4' },
    { name: 'option', type: 'string', description: 'The right option’s letter, e.g. B', required: true, positional: true, maxLength: 3, example: 'B' },
  ] as const,
  examples: ['/poll resolve P4 B'],
  async handler(ctx) {
    const poll = await pollFromRef(ctx, ctx.args.poll);
    if (poll.kind !== 'choice') {
      throw new UserError(md`${pollRef(poll)} is a yes/no poll: resolve its claim with \`/claim resolve C${poll.claimNumber} true\`.`, 'poll.not-choice');
    }
    const letter = ctx.args.option.trim().toUpperCase();
    const option = letter.length === 1 ? letter.charCodeAt(0) - 65 : -1;
    if (option < 0 || option >= poll.options.length) {
      throw new UserError(
        md`"${ctx.args.option}" is not an option of ${pollRef(poll)}: give the right option's letter, A–${optionLetter(poll.options.length - 1)}, e.g. \`/poll resolve ${pollRef(poll)} A\`.`,
        'poll.bad-option',
      );
    }
    const resolved = await resolveChoicePoll(ctx, poll, option);
    if (await refreshPollMessage(ctx, resolved)) {
      const data = await choiceData(ctx.services.queries, resolved);
      const team = data.scores?.team;
      return notice(
        md`Resolved ${pollRef(resolved)} to **${letter}**: ${resolved.options[option] ?? ''}.${team ? md` Team Brier ${team.brier.toFixed(3)}, log score ${team.log.toFixed(2)} over ${String(data.votes.length)} votes.` : md` Nobody had voted.`} The poll message shows the scores.`,
        { accent: 'success', ephemeral: false },
      );
    }
    return await pollReply(ctx, resolved);
  },
});

const show = subcommand({
  name: 'show',
  description: 'Show a poll’s message again: its options, votes and result (as its hide mode allows)',
  options: [{ name: 'poll', type: 'string', description: 'The poll, e.g. P4 (or the claim, C3)', required: true, positional: true, maxLength: 12, example: 'P4' }] as const,
  examples: ['/poll show P4'],
  async handler(ctx) {
    return { ...(await pollReply(ctx, await pollFromRef(ctx, ctx.args.poll))), ephemeral: true };
  },
});

/** The poll a button or form names, in this workspace. */
async function pollFromParam(ctx: InteractionContext): Promise<Poll> {
  const id = Number(ctx.params[0]);
  const poll = Number.isInteger(id) && id > 0 ? await ctx.services.queries.polls.byId(ctx.workspace, id) : undefined;
  if (!poll) throw new UserError('That poll is not here any more.', 'poll.not-found');
  return poll;
}

function assertOpen(poll: Poll): void {
  if (poll.closedAt) {
    throw new UserError(
      md`This poll on C${poll.claimNumber} closed on ${formatUtc(new Date(poll.closedAt))}; votes are no longer taken. The final result is on the poll.`,
      'poll.closed',
    );
  }
}

/** A vote from a button or the exact form: a credence from the poll, the message updated in place. */
async function vote(ctx: InteractionContext, poll: Poll, value: number): Promise<Reply> {
  assertOpen(poll);
  const { queries } = ctx.services;
  if (!poll.message && ctx.sourceMessage) await rememberPollMessage(ctx, poll, ctx.sourceMessage);
  const claim = (await queries.claims.byId(ctx.workspace, poll.claimId))!;
  const result = await recordCredence(ctx, claim, { value, pollId: poll.id });
  const current = (await queries.polls.byId(ctx.workspace, poll.id))!;
  return {
    ...(await pollReply(ctx, current)),
    update: true,
    followUps: [
      voterNote(
        current,
        { value, ...(result.previous ? { previous: result.previous.value } : {}), changed: result.changed },
        current.hide === 'until-voted' ? await pollAggregate(queries, current) : undefined,
      ),
    ],
  };
}

export default defineCommand({
  name: 'poll',
  description: 'Poll the team’s credence in a claim, with a live aggregate',
  subcommands: [open, create, voteText, resolve, show, close, list],
  defaultSubcommand: 'open',
  interactions: {
    async vote(ctx) {
      const poll = await pollFromParam(ctx);
      const percent = Number(ctx.params[1]);
      if (!(POLL_VALUES as readonly number[]).includes(percent))
        throw new UserError('That button is out of date.', 'interaction.bad-params');
      return await vote(ctx, poll, percent / 100);
    },
    async exact(ctx) {
      const poll = await pollFromParam(ctx);
      assertOpen(poll);
      const current = await ctx.services.queries.credences.latestOf(ctx.workspace, ctx.actor.id, poll.claimId);
      return {
        blocks: [],
        modal: {
          id: customId('poll', 'exact-submit', poll.id),
          title: `Your credence in C${poll.claimNumber}`,
          inputs: [credenceValueInput(current?.value)],
        },
      };
    },
    async 'exact-submit'(ctx) {
      const poll = await pollFromParam(ctx);
      assertOpen(poll);
      return await vote(ctx, poll, parseCredence(ctx.fields.value ?? ''));
    },
    async choose(ctx) {
      const poll = await pollFromParam(ctx);
      assertOpen(poll);
      const mine = (await ctx.services.queries.polls.votes(ctx.workspace, poll.id)).find((v) => v.userId === ctx.actor.id);
      return {
        blocks: [],
        modal: { id: customId('poll', 'choose-submit', poll.id), title: `Your credences · ${pollRef(poll)}`, inputs: [choiceVoteInput(poll, mine?.credences)] },
      };
    },
    async 'choose-submit'(ctx) {
      const poll = await pollFromParam(ctx);
      if (!poll.message && ctx.sourceMessage) await rememberPollMessage(ctx, poll, ctx.sourceMessage);
      return await textVote(ctx, poll, ctx.fields.shares ?? '');
    },
    async close(ctx) {
      const poll = await pollFromParam(ctx);
      assertOpen(poll);
      await closePoll(ctx.services, poll, ctx.actor);
      const closed = (await ctx.services.queries.polls.byId(ctx.workspace, poll.id))!;
      const final = await pollAggregate(ctx.services.queries, closed);
      return {
        ...(await pollReply(ctx, closed)),
        update: true,
        followUps: [
          notice(
            md`Closed the poll on C${closed.claimNumber}${final ? md`: ${formatPercent(final.geoMeanOdds)} from ${people(final.people)}` : ''}.`,
            { accent: 'success' },
          ),
        ],
      };
    },
  },
});
