import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { runText } from '../../../src/core/dispatch.ts';
import { createRegistry } from '../../../src/core/registry.ts';
import { isError, replyText } from '../../support/harness.ts';
import { bodyText, startTestDiscord, WORKSPACE, type TestDiscordBot } from './discord-bot.ts';
import { ALICE, BOB, slashCommand } from './payloads.ts';

let bot: TestDiscordBot;
beforeEach(async () => {
  bot = await startTestDiscord();
});
afterEach(() => bot.close());

describe('/scores on Discord', () => {
  it('/scores me is ephemeral (flags 64) and carries the calibration chart; /scores is public', async () => {
    const registry = createRegistry(COMMANDS);
    const run = async (line: string, who: { id: string; username: string }) => {
      const reply = await runText(line, {
        actor: { id: who.id, name: who.username },
        workspace: WORKSPACE,
        channel: { id: 'c1' },
        platform: 'discord',
        services: bot.services,
        commands: registry,
      });
      if (isError(reply)) throw new Error(`${line}: ${replyText(reply)}`);
    };
    await run('/debate new slug:evals title:"Where evals go"', ALICE);
    await run('/claim add text:"It ships by June" tags:evals', ALICE);
    await run('/credence C1 70', ALICE);
    await run('/credence C1 20', BOB);
    await run('/claim resolve C1 true', ALICE);

    const mine = await bot.send(slashCommand('scores', 'me'));
    expect(mine.body.type).toBe(4);
    expect(mine.body.data.flags).toBe(64);
    expect(bodyText(mine.body.data)).toContain('Brier **0.090** over 1 claim');
    expect(mine.files.map((f) => f.name)).toEqual(['calibration.png']);
    expect(mine.files[0]!.size).toBeGreaterThan(10_000);

    const team = await bot.send(slashCommand('scores', 'show'));
    expect(team.body.data.flags ?? 0).toBe(0);
    expect(bodyText(team.body.data)).toMatch(/Scores · 1 resolved claim/);
  });
});
