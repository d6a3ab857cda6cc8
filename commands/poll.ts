import { recordCredence } from '../src/app/credences.ts';
import { closePoll, openPoll, rememberPollMessage } from '../src/app/polls.ts';
import { defineCommand, subcommand } from '../src/core/command.ts';
import type { InteractionContext } from '../src/core/context.ts';
import { customId } from '../src/core/custom-id.ts';
import { UserError } from '../src/core/errors.ts';
import { md } from '../src/core/markup.ts';
import { notice, table, type Reply } from '../src/core/reply.ts';
import { claimRef } from '../src/domain/claims.ts';
import { formatRelative, formatUtc, parseCloseTime } from '../src/domain/credences/close-time.ts';
import { formatPercent, parseCredence } from '../src/domain/credences/parse-credence.ts';
import { HIDE_MODES, type Poll } from '../src/domain/polls.ts';
import { credenceValueInput, people } from '../src/views/credence-summary.ts';
import { POLL_VALUES, voterNote } from '../src/views/poll-message.ts';
import { pollReply, refreshPollMessage } from '../src/app/poll-message.ts';
import { pollAggregate } from '../src/queries/polls.ts';

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
  ] as const,
  examples: ['/poll C3', '/poll C3 closes:"in 3 days" hide:until-voted', '/poll C4 closes:2026-12-01 hide:until-close'],
  async handler(ctx) {
    const { queries } = ctx.services;
    const claim = await queries.claims.require(ctx.workspace, ctx.args.claim);
    const closesAt = ctx.args.closes ? parseCloseTime(ctx.args.closes, ctx.services.clock()) : undefined;
    const poll = await openPoll(ctx, claim, {
      channel: ctx.channel.id,
      hide: ctx.args.hide ?? 'visible',
      ...(closesAt ? { closesAt } : {}),
    });
    return {
      ...(await pollReply(ctx, poll)),
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
          ['claim', 'votes', 'closes', 'hide', 'opened by'],
          await Promise.all(
            polls.map(async (p) => {
              const a = await pollAggregate(queries, p);
              return [
                `C${p.claimNumber}`,
                a ? String(a.people) : '0',
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
  subcommands: [open, close, list],
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
