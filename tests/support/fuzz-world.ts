import { Writable } from 'node:stream';
import { COMMANDS } from '../../commands/index.ts';
import type { Leaf } from '../../src/core/command.ts';
import type { InteractionInput } from '../../src/core/dispatch.ts';
import { createLogger } from '../../src/core/logger.ts';
import type { FileUpload, OptionSpec } from '../../src/core/options.ts';
import { createRegistry } from '../../src/core/registry.ts';
import type { Reply } from '../../src/core/reply.ts';
import { runSlashCommand } from '../../src/platforms/slack/routes/commands.ts';
import { inspect, databaseDigest } from './db-state.ts';
import { ALICE, BOB, createTestBot, isError, replyText, type TestBot } from './harness.ts';
import { FakeChat } from './fake-chat.ts';
import { fuzzer, HOSTILE_FRAGMENTS } from './hostile-input.ts';
import { renderedProblems } from './no-ping.ts';

/**
 * A small, lived-in workspace for fuzzing: a debate `fuzz` that is the channel's current one, claims
 * C1–C3 by two people, a link, plain and conditional credences, an open poll and a resolved claim, so
 * hostile values reach past "no such claim" and "nobody has rated it" into the handlers. Every reply
 * is checked (no "Something went wrong", nothing that pings or breaks a platform, and a refused command
 * writes nothing); problems are collected with the input that caused them.
 */
export interface FuzzWorld {
  readonly bot: TestBot;
  /** What went wrong, one line per problem, with the input. */
  readonly problems: string[];
  /** How many inputs were sent, and how many were refused. */
  readonly counts: { sent: number; refused: number };
  text(line: string): Promise<Reply>;
  /** The text after a command's name as Slack delivers it (`&`, `<`, `>` escaped, mentions as `<…>`). */
  slack(command: string, text: string): Promise<Reply>;
  typed(leaf: Leaf, args: Record<string, unknown>): Promise<Reply>;
  /** A button click, select or form submit with this custom id. */
  click(id: string, input: InteractionInput): Promise<Reply>;
  close(): Promise<void>;
}

export async function createFuzzWorld(): Promise<FuzzWorld> {
  const errors: string[] = [];
  const log = createLogger(
    'error',
    new Writable({
      write(chunk, _encoding, done) {
        errors.push(String(chunk));
        done();
      },
    }),
  );
  // The channel's history, for /summarize and /capture: an argument in hostile words and names.
  const f = fuzzer(1);
  const history = Array.from({ length: 24 }, (_, i) => ({
    author: i % 3 === 0 ? f.pick(HOSTILE_FRAGMENTS) : ['ana', 'ben'][i % 2]!,
    text: `${f.pick(ARGUMENT)} ${f.text()} ${f.pick(ARGUMENT)}`,
  }));
  const chat = FakeChat.fromLines(history);
  const bot = createTestBot({ log, chat });
  const registry = createRegistry(COMMANDS);
  const slackRequest = {
    actor: ALICE,
    workspace: 'local',
    channel: { id: 'general' },
    platform: 'slack',
    services: bot.services,
    commands: registry,
    chat,
  };
  for (const line of [
    '/debate new slug:fuzz title:"Is this input hostile?"',
    '/claim add Agents game broken scoring functions tags:spec-gaming',
    '/claim add text:"Reward seeking is instrumental" tags:reward',
    '/link C2 C1 supports',
    '/credence C1 70',
    '/credence C2 40',
    '/poll C2 closes:"in 3 days"',
    '/poll new kind:choice options:"Soon | Later" When does it ship?',
    '/credence C1 80 given:C2',
    '/credence C1 40 given:!C2',
  ])
    await bot.run(line);
  for (const line of ['/claim add Goals drift with every serial step', '/credence C1 30', '/credence C2 90', '/credence C3 60'])
    await bot.run(line, { actor: BOB });
  await bot.run('/credence C3 20');
  await bot.run('/claim resolve C3 true', { actor: BOB });

  const db = inspect(bot.services.store);
  // Moves on whenever another connection (the bot's) commits a write.
  const totalChanges = { get: () => db.pragma('data_version', { simple: true }) as number };
  let known = { changes: totalChanges.get(), digest: databaseDigest(db) };
  const problems: string[] = [];
  const counts = { sent: 0, refused: 0 };

  async function watched(input: string, run: () => Promise<Reply>): Promise<Reply> {
    // The digest is recomputed only after something was written: most inputs are refused.
    const changes = totalChanges.get();
    if (changes !== known.changes) known = { changes, digest: databaseDigest(db) };
    const logged = errors.length;
    const reply = await run();
    counts.sent++;
    const shown = input.length > 160 ? `${input.slice(0, 159)}…` : input;
    if (errors.length > logged || /Something went wrong/.test(replyText(reply))) {
      problems.push(`${shown} → unexpected error: ${errors.slice(logged).join(' ').slice(0, 400) || replyText(reply)}`);
    }
    for (const problem of renderedProblems(reply)) problems.push(`${shown} → ${problem}`);
    if (isError(reply)) {
      counts.refused++;
      if (totalChanges.get() !== known.changes && databaseDigest(db) !== known.digest) {
        problems.push(`${shown} → refused ("${replyText(reply).slice(0, 80)}") but wrote to the database`);
      }
    }
    return reply;
  }

  return {
    bot,
    problems,
    counts,
    text: (line) => watched(line, () => bot.run(line)),
    slack: (command, text) => watched(`slack /${command} ${text}`, () => runSlashCommand(registry.get(command)!, text, slackRequest)),
    typed: (leaf, args) =>
      watched(`${leafName(leaf)} ${describeArgs(args)}`, () =>
        bot.command({ command: leaf.command, ...(leaf.subcommand ? { subcommand: leaf.subcommand } : {}), args }),
      ),
    click: (id, input) => watched(`${id} ${JSON.stringify(input).slice(0, 120)}`, () => bot.interact(id, input)),
    close: async () => await bot.close(),
  };
}

/** Sentences that read as an argument, so the thread analysis finds claims and quotes them back. */
const ARGUMENT = [
  'I think agents learn to game broken scoring functions.',
  'No, reward seeking is more likely instrumental than terminal.',
  'I agree that goals drift with every serial step.',
  'I think the crux is whether values crystallize late in training.',
  "I'd put 70% on data being able to direct values.",
];

export function leafName(leaf: Leaf): string {
  return leaf.subcommand ? `/${leaf.command} ${leaf.subcommand}` : `/${leaf.command}`;
}

function describeArgs(args: Record<string, unknown>): string {
  return Object.entries(args)
    .map(
      ([name, value]) =>
        `${name}=${value instanceof Uint8Array || (value && typeof value === 'object') ? describeObject(value) : String(value)}`,
    )
    .join(' ');
}

function describeObject(value: object): string {
  const file = value as Partial<FileUpload>;
  if (typeof file.name === 'string' && file.data instanceof Uint8Array) return `file(${file.name}, ${file.data.byteLength} bytes)`;
  try {
    return JSON.stringify(value).slice(0, 60);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * A valid value for an option, so the other options of a leaf can be fuzzed past "missing …": the
 * option's first choice or example, C1 and C2, the world's debate, Alice and Bob. `n` keeps a new
 * debate's slug unique.
 */
export function validValue(leaf: Leaf, option: OptionSpec, n: number): string {
  if (option.choices) return option.choices[0]!;
  switch (option.type) {
    // Two claims or people where a command takes two: a link between different claims, a double crux
    // between different people.
    case 'claim':
      return ['C1', 'C2'][sameTypeIndex(leaf, option)] ?? 'C1';
    case 'debate':
      return 'fuzz';
    case 'user':
      return [ALICE.id, BOB.id][sameTypeIndex(leaf, option)] ?? ALICE.id;
    case 'boolean':
      return 'true';
    case 'integer':
    case 'number':
      return String(option.min ?? 1);
    default:
      if (option.name === 'slug') return `fuzz-${n}`;
      return option.example?.replace(/^"|"$/g, '') ?? 'Agents game broken scorers';
  }
}

const sameTypeIndex = (leaf: Leaf, option: OptionSpec) => leaf.options.filter((o) => o.type === option.type).indexOf(option);
