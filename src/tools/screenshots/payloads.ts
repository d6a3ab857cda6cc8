import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../../commands/index.ts';
import { loadConfig } from '../../config.ts';
import { runText } from '../../core/dispatch.ts';
import { silentLogger } from '../../core/logger.ts';
import { createRegistry } from '../../core/registry.ts';
import type { Reply } from '../../core/reply.ts';
import { loadDemo } from '../../demo.ts';
import { messagePayload, renderSingleMessage } from '../../platforms/discord/message.ts';
import { renderMessage, type SlackMessage } from '../../platforms/slack/blocks.ts';
import { createServices } from '../../services.ts';

/** What the docs' pictures show: a claim card of the sample debates, with its links, credence and buttons. */
export const SCREENSHOT_COMMAND = '/claim show C2';

/** The Discord message as the adapter sends it (embeds and action rows, JSON as it goes over REST). */
export type DiscordPayload = Pick<ReturnType<typeof messagePayload>, 'embeds' | 'components'>;

/**
 * Runs `line` through the command core on a fresh database holding the two sample debates, as a person
 * named ada in the sample's channel, and returns the reply: the same Reply every platform renders.
 */
export async function sampleReply(line = SCREENSHOT_COMMAND, now = new Date('2026-11-23T12:00:00Z')): Promise<Reply> {
  const dir = mkdtempSync(join(tmpdir(), 'cruxbot-screenshots-'));
  const services = createServices(loadConfig({ DATABASE_PATH: join(dir, 'screenshots.db') }), { log: silentLogger, clock: () => now });
  try {
    const place = { workspace: 'local', channel: 'general' };
    await loadDemo(services, place);
    return await runText(line, {
      ...place,
      actor: { id: 'ada', name: 'ada' },
      channel: { id: place.channel },
      platform: 'console',
      services,
      commands: createRegistry(COMMANDS),
    });
  } finally {
    await services.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The reply as the Discord adapter renders it (`renderSingleMessage`, then the payload every send route uses). */
export function discordPayload(reply: Reply): DiscordPayload {
  const { embeds, components } = messagePayload(renderSingleMessage(reply));
  return JSON.parse(JSON.stringify({ embeds, components })) as DiscordPayload;
}

/** The reply as the Slack adapter renders it: Block Kit blocks and the fallback text. */
export function slackPayload(reply: Reply): SlackMessage {
  return JSON.parse(JSON.stringify(renderMessage(reply))) as SlackMessage;
}
