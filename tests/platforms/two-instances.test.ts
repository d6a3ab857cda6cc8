import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSecretKey } from '../../src/core/sealed.ts';
import { openPostgres } from '../../src/storage/index.ts';
import type { Store } from '../../src/storage/ports.ts';
import { freshDatabase, POSTGRES_URL } from '../support/postgres.ts';
import { rows } from '../support/rows.ts';
import { bodyText, discordKeyPair, startTestDiscord, WORKSPACE, type TestDiscordBot } from './discord/discord-bot.ts';
import { FakeDiscord, GUILD_ID, CHANNEL_ID } from './discord/fake-discord.ts';
import { BOB, messageCommand, modalSubmit, slashCommand } from './discord/payloads.ts';
import { FakeSlack } from './slack/support/fake-slack.ts';
import { ANA, slashCommandForm } from './slack/support/payloads.ts';
import { startSlackTestBed, type SlackTestBed } from './slack/support/test-bed.ts';

/**
 * The new modes behind a load balancer: two bot instances, each with its own connection pool to one
 * PostgreSQL database, serving one Discord application over HTTP interactions and one Slack app installed
 * by OAuth. Whatever one instance began (a form, an install, a rate-limit window, a signature seen), the
 * other finishes or honours, because none of it lives in a process.
 */
let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** Two stores on one fresh database, as two processes would hold them. */
async function sharedDatabase(): Promise<[Store, Store]> {
  const database = await freshDatabase('twoinst');
  const first = await openPostgres(database.url, { max: 4 });
  const second = await openPostgres(database.url, { max: 4 });
  cleanups.push(database.drop);
  return [first, second];
}

describe.skipIf(!POSTGRES_URL)('two instances on one PostgreSQL (skipped when this run has no PostgreSQL)', { timeout: 60_000 }, () => {
  describe('Discord HTTP interactions', () => {
    async function twoBots(): Promise<[TestDiscordBot, TestDiscordBot, FakeDiscord]> {
      const [storeA, storeB] = await sharedDatabase();
      const fake = await new FakeDiscord().start();
      cleanups.push(() => fake.stop());
      const keys = discordKeyPair();
      const a = await startTestDiscord({ mode: 'http', sharing: { fake, keys, store: storeA } });
      cleanups.push(() => a.close());
      const b = await startTestDiscord({ mode: 'http', sharing: { fake, keys, store: storeB } });
      cleanups.push(() => b.close());
      return [a, b, fake];
    }

    it('a form opened through one instance is submitted through the other; claims numbered once across both', async () => {
      const [a, b] = await twoBots();
      await a.send(slashCommand('debate', 'new', { slug: 'goal-drift', title: 'Does misalignment grow?' }));

      // "Capture as claim" on instance A keeps the draft in the database; the form comes back to B.
      const message = { id: '2000000000000000042', content: 'Goals permute at a small rate per serial step.', author: BOB };
      const form = await a.send(messageCommand('Capture as claim', message));
      expect(form.body.type).toBe(9);
      const stored = await b.send(modalSubmit(form.body.data.custom_id, { text: message.content, tags: '' }, 'label'));
      expect(bodyText(stored.body.data)).toContain('C1');
      expect(bodyText(stored.body.data)).toContain(`https://discord.com/channels/${GUILD_ID}/${CHANNEL_ID}/${message.id}`);

      // Ten adds alternating between the instances, five at a time: ten numbers, none twice, no gap.
      const adds = Array.from({ length: 10 }, (_, i) => slashCommand('claim', 'add', { text: `Claim number ${i} from a busy channel` }));
      const answers = await Promise.all(adds.map((sent, i) => (i % 2 ? b : a).send(sent)));
      const titles = answers.map((answer) => answer.body.data.embeds[0].title as string);
      const numbers = titles.map((title) => Number(/^C(\d+)/.exec(title)![1])).sort((x, y) => x - y);
      expect(numbers).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect((await a.services.store.claims.list(WORKSPACE, { limit: 50 })).total).toBe(11);
    });

    it('a request answered by one instance and replayed to the other is refused there: answered once', async () => {
      const [a, b, fake] = await twoBots();
      const sent = slashCommand('debate', 'new', { slug: 'replayed', title: 'Only once' });
      const body = JSON.stringify(sent.payload);
      const headers = a.endpoint!.sign(body);
      const post = (url: string) => fetch(url, { method: 'POST', headers, body });
      expect((await post(a.endpoint!.url)).status).toBe(202);
      await fake.callback(sent.id);
      expect((await post(b.endpoint!.url)).status).toBe(401);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(fake.requests.filter((r) => r.path.startsWith(`/interactions/${sent.id}/`))).toHaveLength(1);
      expect((await rows(b.services.store, 'debates')).map((d) => d.slug)).toEqual(['replayed']);
    });

    it('with one instance stopped, the other answers everything, and sees what the stopped one wrote', async () => {
      const [a, b] = await twoBots();
      await a.send(slashCommand('debate', 'new', { slug: 'rolling', title: 'Restarted one at a time' }));
      await a.send(slashCommand('claim', 'add', { text: 'Written before the restart' }));
      await a.close();
      const shown = await b.send(slashCommand('claim', 'show', { claim: 'C1' }));
      expect(bodyText(shown.body.data)).toContain('Written before the restart');
      const added = await b.send(slashCommand('claim', 'add', { text: 'Written during the restart' }));
      expect(added.body.data.embeds[0].title).toBe('C2 · open');
    });
  });

  describe('Slack installed by OAuth', () => {
    const TEAM = { id: 'TAAA', name: 'Lab A', token: 'xoxb-team-a-secret', code: 'code-a' };

    async function twoBeds(): Promise<[SlackTestBed, SlackTestBed, FakeSlack]> {
      const [storeA, storeB] = await sharedDatabase();
      const fake = await FakeSlack.start();
      cleanups.push(() => fake.close());
      fake.on('oauth.v2.access', (body) =>
        body.code === TEAM.code
          ? {
              ok: true,
              app_id: 'A111',
              authed_user: { id: ANA.id },
              scope: 'commands,chat:write',
              token_type: 'bot',
              access_token: TEAM.token,
              bot_user_id: 'UBOT',
              team: { id: TEAM.id, name: TEAM.name },
              enterprise: null,
              is_enterprise_install: false,
            }
          : { ok: false, error: 'invalid_code' },
      );
      // The same app settings on both, as a deployment's instances have.
      const oauth = {
        clientId: '111.222',
        clientSecret: 'client-secret',
        stateSecret: 'state-secret-for-tests',
        keys: [parseSecretKey(randomBytes(32).toString('base64'))!],
      };
      const a = await startSlackTestBed({ oauth, sharing: { fake, store: storeA } });
      cleanups.push(() => a.close());
      const b = await startSlackTestBed({ oauth, sharing: { fake, store: storeB } });
      cleanups.push(() => b.close());
      return [a, b, fake];
    }
    const baseOf = (bed: SlackTestBed) => bed.eventsUrl.replace('/slack/events', '');
    const slash = (bed: SlackTestBed, command: string, text: string, responseId: string) =>
      bed.post({ body: slashCommandForm({ command, text, teamId: TEAM.id, responseUrl: bed.fake.responseUrl(responseId) }) });

    it('installed through one instance (the page from A, the redirect to B), then served by both with the team’s token', async () => {
      const [a, b, fake] = await twoBeds();
      const page = await fetch(`${baseOf(a)}/slack/install`);
      const state = decodeURIComponent(/state=([^&"]+)/.exec(await page.text())![1]!);
      const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
      const done = await fetch(`${baseOf(b)}/slack/oauth_redirect?code=${TEAM.code}&state=${encodeURIComponent(state)}`, {
        headers: { cookie },
      });
      expect(done.status).toBe(200);
      expect(await done.text()).toContain('cruxbot is installed in Lab A');

      await slash(a, '/debate', 'new slug:lab-a title:"Asked through A"', 'a1');
      expect((await fake.waitFor('chat.postMessage', (c) => String(c.body.text).includes('Asked through A'))).token).toBe(TEAM.token);
      await slash(b, '/claim', 'add text:"Added through B"', 'b1');
      const added = await fake.waitFor('chat.postMessage', (c) => String(c.body.text).includes('Added through B'));
      expect(added.token).toBe(TEAM.token);
      expect(String(added.body.text)).toContain('C1');
      expect((await rows(a.bot.services.store, 'claims')).map((c) => [c.workspace, c.number])).toEqual([['slack:TAAA', 1]]);
    });

    it('uninstalled through one instance: the other no longer answers for that team', async () => {
      const [a, b, fake] = await twoBeds();
      const page = await fetch(`${baseOf(a)}/slack/install`);
      const state = decodeURIComponent(/state=([^&"]+)/.exec(await page.text())![1]!);
      const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
      await fetch(`${baseOf(a)}/slack/oauth_redirect?code=${TEAM.code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
      await slash(b, '/debate', 'new slug:lab-a title:"Before uninstall"', 'b1');
      await fake.waitFor('chat.postMessage', (c) => String(c.body.text).includes('Before uninstall'));

      const event = {
        token: 'verification_token',
        team_id: TEAM.id,
        api_app_id: 'A111',
        event: { type: 'app_uninstalled', event_ts: '1700000500.000001' },
        type: 'event_callback',
        event_id: 'EvUninstallTwo',
        event_time: 1700000500,
        authorizations: [{ enterprise_id: null, team_id: TEAM.id, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
      };
      expect((await a.post({ body: JSON.stringify(event), contentType: 'application/json' })).status).toBe(200);
      await expect.poll(async () => (await rows(b.bot.services.store, 'slack_installations')).length, { timeout: 10_000 }).toBe(0);

      const from = fake.calls.length;
      await slash(b, '/claim', 'add text:"After uninstall"', 'b2');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fake.calls.slice(from).filter((c) => c.token === TEAM.token)).toEqual([]);
      expect(await rows(b.bot.services.store, 'claims')).toEqual([]);
      // The team's debate stays until a moderator or an operator deletes it.
      expect((await rows(b.bot.services.store, 'debates')).map((d) => d.slug)).toEqual(['lab-a']);
    });
  });
});
