import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../src/http/server.ts';
import { webRoutes } from '../../src/web/routes.ts';
import { BOB, createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

/** `/debate share` and `/debate unshare`, and what a link opens, over the bot's own HTTP server. */
describe('sharing a debate by link', () => {
  let bot: TestBot;
  let http: HttpServer;
  beforeEach(async () => {
    bot = createTestBot();
    http = await startHttpServer({ services: bot.services, port: 0, host: '127.0.0.1' });
    http.mount(...webRoutes(bot.services));
    bot.services.web.localUrl = http.url;
    await bot.run('/debate new slug:rs title:"Is reward the target?"');
    await bot.run('/claim add Agents game broken scorers');
  });
  afterEach(async () => {
    await http.close();
    await bot.close();
  });

  const linkIn = (reply: string) => /(http:\/\/\S+\/d\/[A-Za-z0-9_-]{22})/.exec(reply)![1]!;

  it('gives the debate’s starter a private link with 128 random bits that opens the page, and lists it in /debate show', async () => {
    const reply = await bot.run('/debate share expires:7d');
    expect(reply.ephemeral).toBe(true);
    const text = replyText(reply);
    expect(text).toContain('until 2026-11-30 12:00 UTC');
    expect(text).toContain('PUBLIC_URL is not set');
    const url = linkIn(text);
    expect(Buffer.from(url.split('/d/')[1]!, 'base64url')).toHaveLength(16);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Is reward the target?');
    expect(replyText(await bot.run('/debate show'))).toMatch(/Shared by link: link 1 by alice on 2026-11-23, until 2026-11-30 12:00 UTC/);
    // The database keeps only the hash.
    const rows = (await bot.services.store.exportAll()).tables.share_links as { token_hash: string }[];
    expect(JSON.stringify(rows)).not.toContain(url.split('/d/')[1]);
  });

  it('uses PUBLIC_URL for the link when it is set', async () => {
    bot.services.web.publicUrl = 'https://cruxbot.example.org';
    expect(replyText(await bot.run('/debate share'))).toMatch(/https:\/\/cruxbot\.example\.org\/d\/[A-Za-z0-9_-]{22}/);
  });

  it('lets only the starter or a moderator share or stop sharing, and says what a bad expiry looks like', async () => {
    const byBob = await bot.run('/debate share', { actor: BOB });
    expect(isError(byBob)).toBe(true);
    expect(replyText(byBob)).toContain('Only alice, who started rs, or a moderator can share it');
    expect(isError(await bot.run('/debate share', { actor: { ...BOB, isModerator: true } }))).toBe(false);
    expect(replyText(await bot.run('/debate unshare', { actor: BOB }))).toContain('can stop sharing it');
    expect(replyText(await bot.run('/debate share expires:forever'))).toContain('expires:7d');
    expect(replyText(await bot.run('/debate share expires:400d'))).toContain('up to a year');
  });

  it('opens only its own debate: another debate, another workspace, an expired or revoked link are all the same 404', async () => {
    const url = linkIn(replyText(await bot.run('/debate share expires:1h')));
    await bot.run('/debate new slug:other title:"Other debate"');
    await bot.run('/debate new slug:rs title:"Elsewhere: not this one"', { workspace: 'slack:T2' });
    const elsewhere = linkIn(replyText(await bot.run('/debate share', { workspace: 'slack:T2' })));
    const page = await (await fetch(url)).text();
    expect(page).toContain('Is reward the target?');
    expect(page).not.toContain('Other debate');
    expect(page).not.toContain('Elsewhere');
    expect(await (await fetch(elsewhere)).text()).not.toContain('Is reward the target?');

    const missing = await fetch(`${http.url}/d/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(missing.status).toBe(404);
    const notFound = await missing.text();

    // An hour later the link has expired.
    const later = new Date('2026-11-23T13:00:01Z');
    (bot.services as { clock: () => Date }).clock = () => later;
    const expired = await fetch(url);
    expect([expired.status, await expired.text()]).toEqual([404, notFound]);

    expect(replyText(await bot.run('/debate unshare', { workspace: 'slack:T2' }))).toContain('The link to rs stopped working');
    const revoked = await fetch(elsewhere);
    expect([revoked.status, await revoked.text()]).toEqual([404, notFound]);
    expect(replyText(await bot.run('/debate unshare', { workspace: 'slack:T2' }))).toContain('has no shared links');
  });

  it('exports the same page as one self-contained file, with its style and script inside', async () => {
    const reply = await bot.run('/debate export format:html');
    const file = reply.attachments![0]!;
    expect(file.name).toBe('rs.html');
    const html = new TextDecoder().decode(file.data);
    expect(html).toContain('<h1>Is reward the target?</h1>');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script src=|<link rel="stylesheet"/);
    expect(html).toContain('data-claim="C1"');
  });
});
