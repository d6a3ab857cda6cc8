import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineCommand, subcommand } from '../../src/core/command.ts';
import { runText } from '../../src/core/dispatch.ts';
import { toPlainText } from '../../src/core/markup.ts';
import { parseCommandText } from '../../src/core/parse.ts';
import { createRegistry } from '../../src/core/registry.ts';
import { notice } from '../../src/core/reply.ts';
import { readLocalFile } from '../../src/platforms/console/session.ts';
import { createTestBot, replyText } from '../support/harness.ts';

const sim = defineCommand({
  name: 'sim',
  description: 'A command with a default subcommand',
  defaultSubcommand: 'run',
  subcommands: [
    subcommand({
      name: 'run',
      description: 'run',
      options: [{ name: 'preset', type: 'string', description: 'p', positional: true }] as const,
      handler: (ctx) => notice(`run ${ctx.args.preset ?? '-'}`),
    }),
    subcommand({ name: 'help', description: 'help', options: [] as const, handler: () => notice('help') }),
  ],
});

const upload = defineCommand({
  name: 'upload',
  description: 'Takes a file',
  options: [{ name: 'file', type: 'attachment', description: 'f', required: true, positional: true }] as const,
  handler: (ctx) => notice(`${ctx.args.file.name}: ${ctx.args.file.data.byteLength} bytes`),
});

describe('a default subcommand', () => {
  it('takes the words when they do not start with a subcommand', () => {
    expect(parseCommandText(sim, 'preset:random-drift')).toEqual({ command: 'sim', subcommand: 'run', args: { preset: 'random-drift' } });
    expect(parseCommandText(sim, '')).toEqual({ command: 'sim', subcommand: 'run', args: {} });
    expect(parseCommandText(sim, 'help')).toEqual({ command: 'sim', subcommand: 'help', args: {} });
    expect(parseCommandText(sim, 'run x')).toEqual({ command: 'sim', subcommand: 'run', args: { preset: 'x' } });
  });
});

describe('attachment options', () => {
  const request = (bot: ReturnType<typeof createTestBot>) => ({
    actor: { id: 'a', name: 'a' },
    workspace: 'local',
    channel: { id: 'c' },
    platform: 'test',
    services: bot.services,
    commands: createRegistry([upload]),
  });

  it('the console reads a local path; a chat user typing a path is refused', async () => {
    const bot = createTestBot();
    const dir = mkdtempSync(join(tmpdir(), 'cruxbot-upload-'));
    const path = join(dir, 'debate.json');
    writeFileSync(path, '{"hello": 1}');
    try {
      const fromConsole = await runText(`/upload ${path}`, request(bot), { readAttachment: readLocalFile });
      expect(replyText(fromConsole)).toBe('debate.json: 12 bytes');
      const fromChat = await runText(`/upload ${path}`, request(bot));
      expect(replyText(fromChat)).toMatch(/file: expected an attached file/);
      const missing = await runText(`/upload ${join(dir, 'nope.json')}`, request(bot), { readAttachment: readLocalFile });
      expect(toPlainText(missing.blocks[0]!.type === 'text' ? missing.blocks[0]!.text : '')).toMatch(/There is no file at/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await bot.close();
    }
  });
});
