import { randomInt } from 'node:crypto';
import { attachSimRun } from '../src/app/sim-runs.ts';
import { defineCommand, subcommand } from '../src/core/command.ts';
import type { BaseContext } from '../src/core/context.ts';
import { UserError } from '../src/core/errors.ts';
import { md } from '../src/core/markup.ts';
import { context, fields, text, type Reply } from '../src/core/reply.ts';
import type { Claim } from '../src/domain/claims.ts';
import { claimRef } from '../src/domain/claims.ts';
import type { DriftInput } from '../src/domain/drift/inputs.ts';
import { PARAMETERS } from '../src/domain/drift/params.ts';
import { PRESET_NAMES, PRESETS } from '../src/domain/drift/presets.ts';
import { compareInputFrom, runInputFrom, sweepInputFrom } from '../src/domain/drift/requests.ts';
import { SWEEP_POINTS_MAX } from '../src/domain/drift/sweep.ts';
import { simRunRef } from '../src/domain/sim-runs.ts';
import { compareAnswer } from '../src/views/drift/compare-reply.ts';
import { paramLine } from '../src/views/drift/format.ts';
import { runAnswer, type DriftAnswer } from '../src/views/drift/run-reply.ts';
import { sweepAnswer } from '../src/views/drift/sweep-reply.ts';

// Numbers are string options so that `10k`, `1e6` and `30%` work; the domain parses them with clear errors.
const MODEL_OPTIONS = [
  { name: 'steps', type: 'string', description: 'Serial steps n, up to 1e12 (e.g. 100000, 10k, 1e6)', example: '1e6', maxLength: 30 },
  { name: 'p', type: 'string', description: 'Chance per step that goals permute (e.g. 1e-4)', example: '1e-4', maxLength: 30 },
  { name: 'q', type: 'string', description: 'Share of permutations that are dangerous (e.g. 0.3)', example: '0.3', maxLength: 30 },
  { name: 'c', type: 'string', description: 'Chance per step that corrective data undoes drift, until T', example: '1e-3', maxLength: 30 },
  { name: 'd', type: 'string', description: 'Chance per step that a dangerous agent is detected', example: '5e-4', maxLength: 30 },
  { name: 's', type: 'string', description: 'Share of training data the AIs produce (weakens correction)', example: '0.9', maxLength: 30 },
  { name: 't', type: 'string', description: 'T: the step when values crystallize (correction stops)', example: '80k', maxLength: 30 },
] as const;
const ATTACH = { name: 'attach', type: 'claim', description: 'Keep this run as evidence on a claim' } as const;
const PRESET_HELP = `A view of the debate: ${PRESET_NAMES.join(', ')}`;

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

/** Replies with the answer; with `attach:`, keeps it on the claim first (checked before any work is done). */
async function finish(ctx: Ctx, answer: DriftAnswer, input: DriftInput, claim: Claim | undefined): Promise<Reply> {
  if (!claim) return answer.reply;
  const saved = await attachSimRun(ctx, claim, { kind: input.kind, input, summary: answer.summary, headline: answer.headline });
  const note = context(
    md`Kept as **${simRunRef(saved)}** on ${claimRef(claim)}: \`/claim show ${claimRef(claim)}\` lists it, \`/drift show ${simRunRef(saved)}\` shows it again.`,
  );
  return { ...answer.reply, blocks: [...answer.reply.blocks, note] };
}

const claimToAttach = async (ctx: Ctx, n: number | undefined) =>
  n === undefined ? undefined : await ctx.services.queries.claims.require(ctx.workspace, n);

function answerFor(input: DriftInput): Promise<DriftAnswer> {
  if (input.kind === 'run') return runAnswer(input);
  if (input.kind === 'compare') return compareAnswer(input);
  return sweepAnswer(input);
}

const run = subcommand({
  name: 'run',
  description: 'P(dangerous), P(caught), crossings and a chart; agents:N adds a Monte Carlo',
  slow: true,
  expensive: true,
  options: [
    { name: 'preset', type: 'string', description: PRESET_HELP, positional: true, choices: PRESET_NAMES },
    ...MODEL_OPTIONS,
    { name: 'agents', type: 'string', description: 'Monte Carlo over this many agents (e.g. 1000)', example: '1000', maxLength: 30 },
    {
      name: 'runs',
      type: 'string',
      description: 'Monte Carlo repetitions, for the spread (default up to 20)',
      example: '20',
      maxLength: 30,
    },
    { name: 'seed', type: 'integer', description: 'Monte Carlo seed, to reproduce a result', min: 0, max: 4_294_967_295 },
    { name: 'beta', type: 'string', description: 'Heterogeneous agents: p ~ Beta(a, b), e.g. 2,19998', example: '2,19998', maxLength: 40 },
    ATTACH,
  ] as const,
  examples: [
    '/drift preset:random-drift p:1e-4 q:0.3 steps:100000',
    '/drift preset:objection-channel agents:1000 seed:7',
    '/drift data-directable s:0.9 steps:1e6 attach:C7',
  ],
  async handler(ctx) {
    const claim = await claimToAttach(ctx, ctx.args.attach);
    const input = runInputFrom(ctx.args, () => randomInt(1_000_000));
    return await finish(ctx, await runAnswer(input), input, claim);
  },
});

const compare = subcommand({
  name: 'compare',
  description: 'Two presets on one chart, with the difference at the end',
  slow: true,
  expensive: true,
  options: [
    { name: 'a', type: 'string', description: 'The first preset', required: true, positional: true, choices: PRESET_NAMES },
    { name: 'b', type: 'string', description: 'The second preset', required: true, positional: true, choices: PRESET_NAMES },
    ...MODEL_OPTIONS,
    ATTACH,
  ] as const,
  examples: ['/drift compare a:random-drift b:data-directable steps:1e6', '/drift compare random-drift objection-channel d:1e-3'],
  async handler(ctx) {
    const claim = await claimToAttach(ctx, ctx.args.attach);
    const input = compareInputFrom(ctx.args);
    return await finish(ctx, await compareAnswer(input), input, claim);
  },
});

const sweepLeaf = subcommand({
  name: 'sweep',
  description: 'Vary one parameter; see which parameter moves the outcome most',
  slow: true,
  expensive: true,
  options: [
    { name: 'param', type: 'string', description: 'The parameter to vary', required: true, positional: true, choices: PARAMETERS },
    { name: 'preset', type: 'string', description: PRESET_HELP, choices: PRESET_NAMES },
    { name: 'from', type: 'string', description: 'Lowest value (default: a tenth of the current one)', example: '1e-5', maxLength: 30 },
    { name: 'to', type: 'string', description: 'Highest value (default: ten times the current one)', example: '1e-2', maxLength: 30 },
    { name: 'points', type: 'integer', description: 'How many values (default 9)', min: 2, max: SWEEP_POINTS_MAX },
    ...MODEL_OPTIONS,
    ATTACH,
  ] as const,
  examples: ['/drift sweep preset:data-directable param:c from:1e-5 to:1e-2', '/drift sweep s preset:self-training'],
  async handler(ctx) {
    const claim = await claimToAttach(ctx, ctx.args.attach);
    const input = sweepInputFrom(ctx.args);
    return await finish(ctx, await sweepAnswer(input), input, claim);
  },
});

const show = subcommand({
  name: 'show',
  description: 'Show a run kept on a claim again (computed anew from its parameters and seed)',
  slow: true,
  expensive: true,
  options: [
    { name: 'run', type: 'string', description: 'The run id, e.g. R3', required: true, positional: true, maxLength: 12, example: 'R3' },
  ] as const,
  examples: ['/drift show R1'],
  async handler(ctx) {
    const match = /^[rR]?#?(\d{1,9})$/.exec(ctx.args.run.trim());
    if (!match) throw new UserError(md`"${ctx.args.run}" is not a run id; write it like R3.`, 'sim.bad-id');
    const saved = await ctx.services.queries.simRuns.require(ctx.workspace, Number(match[1]));
    const answer = await answerFor(saved.input as DriftInput);
    const claim = saved.claimId === null ? undefined : await ctx.services.queries.claims.byId(ctx.workspace, saved.claimId);
    const kept = context(md`${simRunRef(saved)}, kept ${saved.createdAt.slice(0, 10)}${claim ? md` on ${claimRef(claim)}` : ''}.`);
    return { ...answer.reply, blocks: [...answer.reply.blocks, kept] };
  },
});

const help = subcommand({
  name: 'help',
  description: 'The model in five lines, and the presets with their sources',
  options: [] as const,
  examples: ['/drift help'],
  handler() {
    return {
      title: '/drift: the goal-drift model',
      blocks: [
        text(
          md`Each agent is **A** aligned, **B** drifted but benign, **D** dangerous and hidden, or **C** caught. At every serial step, in order:
1. from A or B the goals permute with chance \`p\`: to D with chance \`q\`, otherwise to B;
2. a D agent is detected with chance \`d\` (D → C, for good);
3. until step \`t\` (T, when values crystallize) corrective data returns B and D to A with chance \`c·(1 − s)\`, \`s\` being the share of data the AIs write.
The answer is exact (matrix powers, up to 1e12 steps); \`agents:N\` adds a seeded Monte Carlo over N agents.`,
        ),
        fields(
          PRESET_NAMES.map((name) => ({
            name,
            value: md`${PRESETS[name].view}\n\`${paramLine(PRESETS[name].params)}\`\n_Source:_ ${PRESETS[name].source}`,
          })),
        ),
        context(
          md`\`/drift preset:random-drift p:1e-4 q:0.3 steps:100000\` · \`/drift compare a:random-drift b:data-directable steps:1e6\` · \`/drift sweep preset:data-directable param:c from:1e-5 to:1e-2\` · \`/drift preset:objection-channel agents:1000 seed:7\` · add \`attach:C7\` to keep a run on a claim. Numbers: \`1e-4\`, \`0.0001\`, \`10k\`, \`1e6\`, \`30%\`.`,
        ),
      ],
      ephemeral: true,
    };
  },
});

export default defineCommand({
  name: 'drift',
  description: 'Goal-drift simulation: exact and Monte Carlo, presets, compare, sweep, with a chart',
  subcommands: [run, compare, sweepLeaf, show, help],
  defaultSubcommand: 'run',
});
