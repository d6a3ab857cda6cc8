import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { defineCommand } from '../../../src/core/command.ts';
import { md } from '../../../src/core/markup.ts';
import { text } from '../../../src/core/reply.ts';
import { bodyText, startTestDiscord, type TestDiscordBot } from './discord-bot.ts';
import { slashCommand } from './payloads.ts';

let handled = 0;
const notes = defineCommand({
  name: 'notes',
  description: 'Read an attached file (a stand-in for an import command)',
  options: [{ name: 'file', type: 'attachment', description: 'The file', required: true }] as const,
  handler(ctx) {
    handled++;
    const { name, data, contentType } = ctx.args.file;
    return {
      blocks: [
        text(md`Read ${name}: ${data.byteLength} bytes of ${contentType ?? '?'}, starting “${Buffer.from(data.slice(0, 12)).toString()}”`),
      ],
    };
  },
});

let bot: TestDiscordBot;
beforeEach(async () => {
  bot = await startTestDiscord({ commands: [...COMMANDS, notes] });
  handled = 0;
});
afterEach(() => bot.close());

const ATTACHMENT_ID = '2100000000000000001';
function attach(name: string, size: number) {
  return slashCommand(
    'notes',
    undefined,
    { file: ATTACHMENT_ID },
    {},
    {
      optionTypes: { file: 11 },
      resolved: {
        attachments: {
          [ATTACHMENT_ID]: {
            id: ATTACHMENT_ID,
            filename: name,
            size,
            url: `http://127.0.0.1:${bot.fake.port}/cdn/${name}`,
            proxy_url: `http://127.0.0.1:${bot.fake.port}/cdn/${name}`,
            content_type: 'text/plain; charset=utf-8',
          },
        },
      },
    },
  );
}

describe('an attachment option on Discord', () => {
  it('downloads the attached file and hands the command its name, bytes and type', async () => {
    const content = 'Alice: I think the crux is whether values crystallize late.\n';
    bot.fake.cdn.set('thread.txt', Buffer.from(content));
    const callback = await bot.send(attach('thread.txt', content.length));
    expect(callback.body.type).toBe(4);
    expect(bodyText(callback.body.data)).toBe(
      `Read thread.txt: ${content.length} bytes of text/plain; charset=utf-8, starting “Alice: I thi”`,
    );
    expect(bot.fake.cdnHits).toEqual(['thread.txt']);
  });

  it('refuses a file over 5 MB before downloading it', async () => {
    bot.fake.cdn.set('big.txt', Buffer.alloc(10));
    const callback = await bot.send(attach('big.txt', 6 * 1024 * 1024));
    expect(callback.body.data.flags).toBe(64);
    expect(bodyText(callback.body.data)).toBe('The file in `file` (big.txt) is 6.0 MB; the limit is 5 MB.');
    expect(bot.fake.cdnHits).toEqual([]);
    expect(handled).toBe(0);
  });

  it('stops a download that turns out larger than its reported size', async () => {
    bot.fake.cdn.set('liar.txt', Buffer.alloc(5 * 1024 * 1024 + 1, 120));
    const callback = await bot.send(attach('liar.txt', 100));
    expect(callback.body.data.flags).toBe(64);
    expect(bodyText(callback.body.data)).toBe('The file in `file` (liar.txt) is over 5 MB; the limit is 5 MB.');
    expect(handled).toBe(0);
  });

  it('says so when the file cannot be downloaded', async () => {
    const callback = await bot.send(attach('gone.txt', 10));
    expect(callback.body.data.flags).toBe(64);
    expect(bodyText(callback.body.data)).toMatch(/I could not download gone.txt from Discord \(HTTP 404\); try attaching it again./);
    expect(handled).toBe(0);
  });
});
