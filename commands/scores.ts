import { defineCommand, subcommand } from '../src/core/command.ts';
import type { BaseContext } from '../src/core/context.ts';
import { UserError } from '../src/core/errors.ts';
import { md } from '../src/core/markup.ts';
import { parseTags } from '../src/domain/claims.ts';
import type { Debate } from '../src/domain/debates.ts';
import { resolvedQuestions, type ResolvedQuestions } from '../src/queries/scores.ts';
import { personScores, teamScores } from '../src/views/scores.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

const DEBATE = {
  name: 'debate',
  type: 'debate',
  description: 'Only questions of this debate (default: all here)',
  positional: true,
} as const;
const TAG = {
  name: 'tag',
  type: 'string',
  description: 'Only questions with this tag, e.g. benchmarks',
  example: 'benchmarks',
  maxLength: 40,
} as const;

/** One tag as people type it (`#evals`, `Evals`), refused with the tags in use when no claim here has it. */
async function tagOf(ctx: Ctx, input: string | undefined): Promise<string | undefined> {
  if (input === undefined || input.trim() === '') return undefined;
  const [tag, ...more] = parseTags(input);
  if (!tag || more.length) throw new UserError(md`tag: give one tag, e.g. \`/scores tag:benchmarks\`.`, 'scores.bad-tag');
  const used = await ctx.services.queries.claims.tagCounts(ctx.workspace, '', 200);
  if (!used.some((t) => t.tag === tag)) {
    const known = used.slice(0, 8).map((t) => `#${t.tag}`);
    throw new UserError(
      md`tag: no claim here is tagged #${tag}.${known.length ? md` Tags in use: ${known.join(', ')}.` : ''} Example: \`/scores tag:${used[0]?.tag ?? 'benchmarks'}\`.`,
      'scores.unknown-tag',
    );
  }
  return tag;
}

interface Scope {
  readonly debate?: Debate;
  readonly tag?: string;
  readonly data: ResolvedQuestions;
  /** For titles: ` in goal-drift tagged #evals`. */
  readonly words: string;
}

async function scopeOf(ctx: Ctx, slug: string | undefined, tagInput: string | undefined): Promise<Scope> {
  const { queries } = ctx.services;
  const debate = slug ? await queries.debates.require(ctx.workspace, slug) : undefined;
  const tag = await tagOf(ctx, tagInput);
  const data = await resolvedQuestions(queries, ctx.workspace, { ...(debate ? { debateId: debate.id } : {}), ...(tag ? { tag } : {}) });
  const words = `${debate ? ` in ${debate.slug}` : ''}${tag ? ` tagged #${tag}` : ''}`;
  if (data.binary.length === 0 && data.choice.length === 0) {
    const where = md`${debate ? md` in \`${debate.slug}\`` : ''}${tag ? md` tagged #${tag}` : ''}`;
    throw new UserError(
      md`No claims${where} are resolved true or false yet, and no choice poll is resolved, so there is nothing to score. Resolve one with \`/claim resolve C3 true\` or \`/poll resolve P4 A\`.`,
      'scores.none',
    );
  }
  const rated = data.binary.some((q) => q.credences.size > 0) || data.choice.some((q) => q.votes.size > 0);
  if (!rated) {
    const n = data.binary.length + data.choice.length;
    const what = data.choice.length === 0 ? 'claim' : data.binary.length === 0 ? 'choice poll' : 'question';
    throw new UserError(
      md`${n} ${what}${n === 1 ? ' is' : 's are'} resolved${words ? md`${words}` : ''}, but nobody had given a credence on ${n === 1 ? 'it' : 'them'}.`,
      'scores.no-credences',
    );
  }
  return { ...(debate ? { debate } : {}), ...(tag ? { tag } : {}), data, words };
}

const hasScores = (data: ResolvedQuestions, userId: string) =>
  data.binary.some((q) => q.credences.has(userId)) || data.choice.some((q) => q.votes.has(userId));

const show = subcommand({
  name: 'show',
  description: 'Brier scores, calibration and track record per person and tag, against the team',
  options: [
    DEBATE,
    { name: 'person', type: 'user', description: 'One person’s record, question by question, with their calibration' },
    TAG,
    { name: 'user', type: 'user', description: 'The same as person: (its older name)' },
  ] as const,
  examples: ['/scores', '/scores goal-drift', '/scores person:@ada', '/scores tag:benchmarks'],
  async handler(ctx) {
    const scope = await scopeOf(ctx, ctx.args.debate, ctx.args.tag);
    const who = ctx.args.person ?? ctx.args.user;
    if (who === undefined) return await teamScores({ data: scope.data, scope: scope.words });
    if (!hasScores(scope.data, who)) {
      throw new UserError(
        md`${scope.data.names.get(who) ?? who} has no credences on resolved claims${scope.words ? md`${scope.words}` : ''}. \`/scores\` lists who has.`,
        'scores.no-person',
      );
    }
    return await personScores({ data: scope.data, scope: scope.words, person: { id: who, name: scope.data.names.get(who) ?? who } });
  },
});

const me = subcommand({
  name: 'me',
  description: 'Your own record and calibration, shown only to you',
  options: [DEBATE, TAG] as const,
  examples: ['/scores me', '/scores me tag:benchmarks'],
  async handler(ctx) {
    const scope = await scopeOf(ctx, ctx.args.debate, ctx.args.tag);
    if (!hasScores(scope.data, ctx.actor.id)) {
      throw new UserError(
        md`You have no credences on resolved claims or votes in resolved choice polls${scope.words ? md`${scope.words}` : ''} yet. Predict with \`/predict\`, and once a question is resolved it counts here.`,
        'scores.me-none',
      );
    }
    const reply = await personScores({
      data: scope.data,
      scope: scope.words,
      person: { id: ctx.actor.id, name: scope.data.names.get(ctx.actor.id) ?? ctx.actor.name },
    });
    return { ...reply, ephemeral: true };
  },
});

export default defineCommand({
  name: 'scores',
  description: 'Brier scores and calibration on resolved questions, per person and tag, against the team',
  defaultSubcommand: 'show',
  subcommands: [show, me],
});
