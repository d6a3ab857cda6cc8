import { reminderDigest } from '../../src/views/reminder.ts';
import { COMMANDS } from '../../commands/index.ts';
import type { ChatMessage } from '../../src/core/context.ts';
import { customId } from '../../src/core/custom-id.ts';
import type { Reply } from '../../src/core/reply.ts';
import { workspaceDigest, inspect } from './db-state.ts';
import { ALICE, BOB, createTestBot, isError, replyText, type TestBot } from './harness.ts';

/**
 * Two workspaces in one database. A (`slack:T111`) is busy: debates `secret` and `a-only`, claims
 * C1–C6 whose texts carry {@link SECRET}, links, plain and conditional credences, an open and a
 * closed poll, a resolved claim, a drift run kept as R1, a thread capture, a form draft. B
 * (`slack:T222`) has its own `secret` debate with two claims, C1 and C2: the same slug and the same
 * first numbers, so only A's other ids (C3–C6, R1, `a-only`, A's polls and captures) point at A alone.
 * Every reply A got is kept: its buttons and forms are the custom ids B will replay.
 */
export const A = { workspace: 'slack:T111' } as const;
export const B = { workspace: 'slack:T222' } as const;
/** In every text of A's, and in nothing of B's. */
export const SECRET = 'HIDDEN-A';

export interface TwoWorkspaces {
  readonly bot: TestBot;
  /** Every reply A got while it was set up, in order. */
  readonly repliesInA: readonly Reply[];
  /** Every custom id those replies carry (buttons, selects, forms), and the message actions' ids. */
  readonly customIds: readonly string[];
  /** A's "Capture as claim" form, opened by Alice and not yet submitted. */
  readonly captureForm: string;
  digestOfA(): string;
  close(): Promise<void>;
}

const THREAD = {
  messages: [
    { author: 'ana', text: `I think agents learn to game broken scorers (${SECRET} thread).` },
    { author: 'ben', text: `No, reward seeking is more likely instrumental than terminal (${SECRET}).` },
    { author: 'ana', text: `I think the crux is whether values crystallize late in training (${SECRET}).` },
  ],
};

export async function createTwoWorkspaces(): Promise<TwoWorkspaces> {
  const bot = createTestBot();
  const repliesInA: Reply[] = [];
  const inA = async (line: string, who = ALICE, channel = 'general') => {
    const reply = await bot.run(line, { ...A, actor: who, channel });
    if (isError(reply)) throw new Error(`setting up A: ${line} → ${replyText(reply)}`);
    repliesInA.push(reply);
    return reply;
  };
  const clickInA = async (id: string, input: Parameters<TestBot['interact']>[1] = {}) => {
    const reply = await bot.interact(id, input, A);
    if (isError(reply)) throw new Error(`setting up A: ${id} → ${replyText(reply)}`);
    repliesInA.push(reply);
    return reply;
  };

  // A's C1 and C2 have namesakes in B: their cards' buttons would rightly work there, so they are not kept.
  for (const line of [`/debate new slug:secret title:"${SECRET} question"`, `/claim add ${SECRET} one`, `/claim add ${SECRET} two`])
    await bot.run(line, A);
  for (const line of [
    '/debate new slug:secret title:"B’s own question"',
    '/claim add B’s own first claim',
    '/claim add B’s own second claim',
  ])
    await bot.run(line, B);

  await inA(`/claim add text:"${SECRET} three" tags:hidden-tag`);
  await inA(`/claim add ${SECRET} four`);
  await inA(`/claim add ${SECRET} five`);
  await inA(`/claim add ${SECRET} six`, BOB);
  await inA('/link C4 C3 supports');
  await inA('/link C5 C3 crux-of');
  for (const line of ['/credence C3 70', '/credence C4 60', '/credence C3 80 given:C4', '/credence C3 40 given:!C4', '/credence C6 70'])
    await inA(line);
  for (const line of ['/credence C3 30', '/credence C4 20', '/credence C6 90']) await inA(line, BOB);
  await inA('/poll C4 closes:"in 3 days"');
  await inA('/poll C5');
  await inA('/poll close C5');
  await inA('/claim resolve C6 true', BOB);
  await inA('/drift p:1e-4 steps:16 attach:C3');
  await inA('/claim resolve-by C4 "in 2 weeks"');
  await inA('/poll new kind:choice options:"Soon | Later" When does it ship?');
  // The reminder a person gets privately when C4 falls due, with its resolve buttons.
  const c4 = (await bot.services.store.claims.byNumber(A.workspace, 4))!;
  repliesInA.push(reminderDigest([{ claim: c4, due: (await bot.services.store.forecasts.resolveBy(A.workspace, c4.id))! }], bot.services.clock()));
  await inA(`/debate new slug:a-only title:"${SECRET} elsewhere"`, ALICE, 'other');
  const capture = await bot.command(
    { command: 'capture', args: { file: { name: 'thread.json', data: new TextEncoder().encode(JSON.stringify(THREAD)) } } },
    A,
  );
  if (isError(capture)) throw new Error(`setting up A: /capture → ${replyText(capture)}`);
  repliesInA.push(capture);

  // Open every form and review step A's replies offer, so their ids are collected too.
  const opened = new Set<string>();
  for (let i = 0; i < repliesInA.length; i++) {
    for (const id of idsOf(repliesInA[i]!)) {
      const action = id.split(':').slice(0, 2).join(':');
      if (opened.has(action) || !OPENS_MORE.has(action)) continue;
      opened.add(action);
      await clickInA(id);
    }
  }
  const message: ChatMessage = { id: 'm1', channelId: 'general', authorId: 'ana', authorName: 'ana', text: `${SECRET} said in chat` };
  const form = await clickInA(customId('claim', 'capture'), { message });

  const messageActions = COMMANDS.flatMap((c) => c.messageActions.map((a) => customId(c.name, a.action)));
  const customIds = [...new Set([...repliesInA.flatMap(idsOf), ...messageActions])];
  return {
    bot,
    repliesInA,
    customIds,
    captureForm: form.modal!.id,
    digestOfA: () => workspaceDigest(inspect(bot.services.store), A.workspace),
    close: async () => await bot.close(),
  };
}

/** Buttons that open a form or the next step rather than change anything. */
const OPENS_MORE = new Set(['poll:choose',
  'claim:support',
  'claim:oppose',
  'claim:link',
  'credence:form',
  'poll:exact',
  'capture:review',
  'capture:edit',
]);

/** The custom ids a reply carries: its buttons and selects, its form, and those of its follow-ups. */
export function idsOf(reply: Reply): string[] {
  return [
    ...(reply.components ?? []).flat().flatMap((c) => (c.type === 'link' ? [] : [c.id])),
    ...(reply.modal ? [reply.modal.id] : []),
    ...(reply.followUps ?? []).flatMap(idsOf),
  ];
}
