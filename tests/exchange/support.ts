import type { Actor } from '../../src/core/context.ts';
import { runText } from '../../src/core/dispatch.ts';
import { createRegistry } from '../../src/core/registry.ts';
import type { Reply } from '../../src/core/reply.ts';
import { COMMANDS } from '../../commands/index.ts';
import { isError, replyText, type TestBot } from '../support/harness.ts';

export const ADA: Actor = { id: 'ada', name: 'ada', isModerator: true };
export const CAROL: Actor = { id: 'carol', name: 'carol' };

/** Runs a command line as the console does, where an attachment option names a file held here, by name. */
export function runWithFiles(
  bot: TestBot,
  line: string,
  files: Record<string, string | Uint8Array>,
  options: { workspace?: string; channel?: string; actor?: Actor } = {},
): Promise<Reply> {
  return runText(
    line,
    {
      actor: options.actor ?? { id: 'alice', name: 'alice' },
      workspace: options.workspace ?? 'local',
      channel: { id: options.channel ?? 'general' },
      platform: 'test',
      services: bot.services,
      commands: createRegistry(COMMANDS),
    },
    {
      readAttachment: (name) => {
        const data = files[name];
        if (data === undefined) throw new Error(`test file ${name} missing`);
        return { name, data: typeof data === 'string' ? new TextEncoder().encode(data) : data };
      },
    },
  );
}

export const fileText = (reply: Reply, index = 0) => new TextDecoder().decode(reply.attachments![index]!.data);

/** A clock that moves a minute on every reading, so every row has a time of its own. */
export function movingClock(from = '2026-11-02T09:00:00Z'): () => Date {
  let at = Date.parse(from);
  return () => new Date((at += 60_000));
}

/**
 * A debate with one of everything an export keeps: claims with sources, tags, a retraction and a
 * resolve-by date; links of every kind; credences changed over time and conditional ones; a closed
 * hidden poll with its votes and an open visible one; a resolution undone and made again; a drift run
 * kept on a claim; a thread capture filed into it.
 */
export async function richDebate(bot: TestBot, workspace = 'local'): Promise<void> {
  const BOB: Actor = { id: 'bob', name: 'bob' };
  const run = async (actor: Actor, line: string) => {
    const reply = await bot.run(line, { actor, workspace });
    if (isError(reply)) throw new Error(`${line}: ${replyText(reply)}`);
  };
  await run(ADA, '/debate new slug:forecast title:"Will SWE-bench pass 90% by June 2027?"');
  await run(ADA, '/claim add text:"SWE-bench Verified passes 90% by June 2027" tags:benchmarks,forecast');
  await run(BOB, '/claim add text:"Scores have risen ~20 points a year, \\"steadily\\"" source:https://example.org/trend tags:trend');
  await run(CAROL, '/claim add text:"The last 10% are mislabelled tasks, capped at 95%"');
  await run(BOB, '/claim add text:"Labs will stop reporting it, so, no result"');
  await run(ADA, '/link C2 C1 supports');
  await run(CAROL, '/link C3 C1 opposes');
  await run(BOB, '/link C3 C1 crux-of');
  await run(BOB, '/link C4 C1 opposes');
  await run(ADA, '/credence C1 60');
  await run(BOB, '/credence C1 30');
  await run(CAROL, '/credence C1 90');
  await run(ADA, '/credence C2 80');
  await run(ADA, '/poll C1 hide:until-close');
  const vote = async (actor: Actor, id: string) => {
    const reply = await bot.interact(id, {}, { actor, workspace });
    if (isError(reply)) throw new Error(`${id}: ${replyText(reply)}`);
  };
  await vote(ADA, 'poll:vote:1:75');
  await vote(BOB, 'poll:vote:1:25');
  await run(ADA, '/credence C1 85 given:C2');
  await run(BOB, '/credence C1 20 given:!C3');
  await run(ADA, '/poll close C1');
  await run(CAROL, '/credence C3 50');
  await run(BOB, '/poll C3');
  await vote(BOB, 'poll:vote:2:75');
  await run(ADA, '/claim resolve-by C1 2027-06-30');
  await run(ADA, '/claim resolve C4 false');
  await run(ADA, '/claim resolve C4 undo');
  await run(ADA, '/claim resolve C4 true');
  await run(BOB, '/claim retract C4');
  await run(ADA, '/drift preset:random-drift steps:1000 attach:C2');
  const { store } = bot.services;
  const debate = await store.debates.require(workspace, 'forecast');
  const c2 = await store.claims.byNumber(workspace, 2);
  const capture = await store.captures.insert(
    {
      workspace,
      channel: 'general',
      debateId: debate.id,
      origin: 'the last 40 messages',
      messageCount: 40,
      createdBy: 'carol',
      createdAt: '2026-11-02T10:00:00.000Z',
    },
    [
      {
        text: 'Scores have risen ~20 points a year, "steadily"',
        kind: 'claim',
        author: 'bob',
        permalink: 'https://chat.example/p1',
        credence: '70%',
      },
      { text: 'Nobody checks the test labels', kind: 'premise', author: 'carol', excerpt: 'nobody checks, really' },
      { text: 'Benchmarks saturate', kind: 'crux', author: 'ada' },
    ],
    [
      { from: 1, to: 0, kind: 'opposes' },
      { from: 2, to: 0, kind: 'crux-of' },
    ],
  );
  await store.captures.settle(capture.id, 0, 'existing', c2!.id);
  await store.captures.settle(capture.id, 1, 'skipped', null);
}

/** An export without the line that says when it was made. */
export const withoutStamp = (json: string) => json.replace(/^ {2}"exportedAt": ".*",\n/m, '');
