import { COMMANDS } from '../../../../commands/index.ts';
import type { Command } from '../../../../src/core/command.ts';
import { createRegistry } from '../../../../src/core/registry.ts';
import { startSlackBot, type SlackBot, type SlackOAuth } from '../../../../src/platforms/slack/app.ts';
import type { Store } from '../../../../src/storage/ports.ts';
import { createTestBot, type TestBot } from '../../../support/harness.ts';
import { FakeSlack } from './fake-slack.ts';
import { postSigned, SIGNING_SECRET, type SignedPost } from './signing.ts';

export interface SlackTestBed {
  readonly fake: FakeSlack;
  /** The real SQLite store and services the app runs on. */
  readonly bot: TestBot;
  readonly slack: SlackBot;
  /** `http://127.0.0.1:<port>/slack/events` (HTTP mode). */
  readonly eventsUrl: string;
  /** POSTs a signed request to the events URL. */
  post(o: SignedPost): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

/**
 * The real Bolt app (HTTP receiver on 127.0.0.1, port 0, or Socket Mode) over a real SQLite file, its
 * Web API pointed at a local fake started first, with no retries.
 */
export async function startSlackTestBed(
  options: {
    mode?: 'http' | 'socket';
    commands?: readonly Command[];
    viewAckBudgetMs?: number;
    oauth?: SlackOAuth;
    /** Another instance of the same deployment: its Slack, and this store (its own connection to a shared database). */
    sharing?: { fake: FakeSlack; store: Store };
  } = {},
): Promise<SlackTestBed> {
  const fake = options.sharing?.fake ?? (await FakeSlack.start());
  const bot = createTestBot(options.sharing ? { store: options.sharing.store } : {});
  let slack: SlackBot | undefined;
  try {
    slack = await startSlackBot({
      services: bot.services,
      registry: createRegistry(options.commands ?? COMMANDS),
      // Many workspaces: no token of its own; each install brings one.
      botToken: options.oauth ? '' : 'xoxb-test-token',
      ...(options.oauth ? { oauth: options.oauth } : {}),
      connection:
        options.mode === 'socket'
          ? { mode: 'socket', appToken: 'xapp-test-token' }
          : { mode: 'http', signingSecret: SIGNING_SECRET, port: 0, host: '127.0.0.1' },
      apiUrl: fake.apiUrl,
      retries: 0,
      // Generous, so a slow machine never turns an in-form error into a message.
      // Roomy: a loaded machine must not push a quick handler past the budget (the real app uses 2 s).
      viewAckBudgetMs: options.viewAckBudgetMs ?? 10_000,
      // …nor a slow fake users.info into a moderator treated as a member.
      moderatorCheckMs: 15_000,
    });
  } catch (error) {
    await bot.close();
    if (!options.sharing) await fake.close();
    throw error;
  }
  const running = slack;
  const eventsUrl = `http://127.0.0.1:${running.port ?? 0}/slack/events`;
  let closed = false;
  return {
    fake,
    bot,
    slack: running,
    eventsUrl,
    post: (o) => postSigned(eventsUrl, o),
    async close() {
      if (closed) return;
      closed = true;
      await running.stop();
      if (!options.sharing) await fake.close();
      await bot.close();
    },
  };
}
