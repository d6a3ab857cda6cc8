import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSecretKey, type SecretKey } from '../../../src/core/sealed.ts';
import { rotateInstallationKey } from '../../../src/platforms/slack/installations.ts';
import { rows } from '../../support/rows.ts';
import { ANA, slashCommandForm } from './support/payloads.ts';
import { startSlackTestBed, type SlackTestBed } from './support/test-bed.ts';

/**
 * "Add to Slack": the real Bolt receiver's OAuth pages on the process's server, the install exchanged
 * at a fake `oauth.v2.access`, tokens sealed in the real SQLite file, and each team's requests answered
 * with its own token.
 */
const TEAMS = {
  A: { id: 'TAAA', name: 'Lab A', token: 'xoxb-team-a-secret', code: 'code-a' },
  B: { id: 'TBBB', name: 'Lab B', token: 'xoxb-team-b-secret', code: 'code-b' },
} as const;

const newKey = (): SecretKey => parseSecretKey(randomBytes(32).toString('base64'))!;
let key: SecretKey;
let bed: SlackTestBed;
let base: string;

beforeEach(async () => {
  key = newKey();
  bed = await startSlackTestBed({
    oauth: { clientId: '111.222', clientSecret: 'client-secret', stateSecret: 'state-secret-for-tests', keys: [key] },
  });
  base = bed.eventsUrl.replace('/slack/events', '');
  bed.fake.on('oauth.v2.access', (body) => {
    const team = Object.values(TEAMS).find((t) => t.code === body.code);
    if (!team) return { ok: false, error: 'invalid_code' };
    return {
      ok: true,
      app_id: 'A111',
      authed_user: { id: ANA.id },
      scope: 'commands,chat:write',
      token_type: 'bot',
      access_token: team.token,
      bot_user_id: 'UBOT',
      team: { id: team.id, name: team.name },
      enterprise: null,
      is_enterprise_install: false,
    };
  });
});
afterEach(() => bed.close());

/** Opens the install page as a browser would, keeping the state cookie it sets. */
async function startInstall(): Promise<{ state: string; cookie: string; html: string }> {
  const page = await fetch(`${base}/slack/install`);
  expect(page.status).toBe(200);
  const html = await page.text();
  const state = /state=([^&"]+)/.exec(html)?.[1];
  const cookie = page.headers.get('set-cookie')?.split(';')[0];
  expect(state).toBeTruthy();
  expect(cookie).toBeTruthy();
  return { state: decodeURIComponent(state!), cookie: cookie!, html };
}

async function install(team: (typeof TEAMS)[keyof typeof TEAMS]): Promise<Response> {
  const { state, cookie } = await startInstall();
  return fetch(`${base}/slack/oauth_redirect?code=${team.code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
}

async function slash(team: (typeof TEAMS)[keyof typeof TEAMS], command: string, text: string, responseId: string) {
  return bed.post({ body: slashCommandForm({ command, text, teamId: team.id, responseUrl: bed.fake.responseUrl(responseId) }) });
}

describe('Slack installed by OAuth into many workspaces', () => {
  it('the install page names every scope it asks for, with the Add to Slack link', async () => {
    const { html } = await startInstall();
    expect(html).toContain('Add to Slack');
    expect(html).toContain('client_id=111.222');
    for (const scope of ['commands', 'chat:write', 'users:read', 'channels:history']) expect(html).toContain(scope);
  });

  it('two teams install; each gets its own token, sealed at rest, and neither sees the other’s debates', async () => {
    const done = await install(TEAMS.A);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('cruxbot is installed in Lab A');
    expect((await install(TEAMS.B)).status).toBe(200);

    const stored = await rows(bed.bot.services.store, 'slack_installations');
    expect(stored.map((r) => [r.install_key, r.workspace, r.key_id])).toEqual([
      ['team:TAAA', 'slack:TAAA', key.id],
      ['team:TBBB', 'slack:TBBB', key.id],
    ]);
    // The tokens are not in the database in any readable form.
    expect(JSON.stringify(stored)).not.toMatch(/xoxb-team-/);

    await slash(TEAMS.A, '/debate', 'new slug:lab-a title:"Lab A’s question"', 'a1');
    const postA = await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).includes('Lab A’s question'));
    expect(postA.token).toBe(TEAMS.A.token);
    await slash(TEAMS.A, '/claim', 'add text:"Only lab A says this"', 'a2');
    await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).includes('Only lab A says this'));

    // Team B asks for the debates it has: none (A's is not among them), answered with B's token only.
    const from = bed.fake.calls.length;
    await slash(TEAMS.B, '/debate', 'list', 'b1');
    const answered = () => bed.fake.calls.slice(from).find((c) => c.method === 'response_url' || c.method === 'chat.postMessage');
    await expect.poll(answered, { timeout: 10_000 }).toBeTruthy();
    expect(String(answered()!.body.text)).toMatch(/^No debates yet\./);
    const used = bed.fake.calls.slice(from).filter((c) => c.token);
    expect(used.length).toBeGreaterThan(0);
    for (const call of used) expect(call.token).toBe(TEAMS.B.token);
    expect((await rows(bed.bot.services.store, 'claims')).map((c) => c.workspace)).toEqual(['slack:TAAA']);
  });

  it('a forged or missing state is refused, and nothing is stored', async () => {
    const { cookie } = await startInstall();
    const forged = await fetch(`${base}/slack/oauth_redirect?code=${TEAMS.A.code}&state=forged`, { headers: { cookie } });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('cruxbot was not installed');
    const { state } = await startInstall();
    const noCookie = await fetch(`${base}/slack/oauth_redirect?code=${TEAMS.A.code}&state=${encodeURIComponent(state)}`);
    expect(noCookie.status).toBe(400);
    expect(bed.fake.callsTo('oauth.v2.access')).toHaveLength(0);
    expect(await rows(bed.bot.services.store, 'slack_installations')).toEqual([]);
  });

  it('app_uninstalled deletes the team’s token (not its debates); the other team carries on', async () => {
    await install(TEAMS.A);
    await install(TEAMS.B);
    await slash(TEAMS.A, '/debate', 'new slug:lab-a title:"Kept after uninstall"', 'a1');
    await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).includes('Kept after uninstall'));

    const event = {
      token: 'verification_token',
      team_id: TEAMS.A.id,
      api_app_id: 'A111',
      event: { type: 'app_uninstalled', event_ts: '1700000500.000001' },
      type: 'event_callback',
      event_id: 'EvUninstall1',
      event_time: 1700000500,
      authorizations: [{ enterprise_id: null, team_id: TEAMS.A.id, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    };
    expect((await bed.post({ body: JSON.stringify(event), contentType: 'application/json' })).status).toBe(200);
    await expect
      .poll(async () => (await rows(bed.bot.services.store, 'slack_installations')).map((r) => r.install_key), { timeout: 10_000 })
      .toEqual(['team:TBBB']);
    expect((await rows(bed.bot.services.store, 'debates')).map((d) => d.slug)).toEqual(['lab-a']);

    await slash(TEAMS.B, '/debate', 'new slug:lab-b title:"Lab B goes on"', 'b1');
    expect((await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).includes('Lab B goes on'))).token).toBe(TEAMS.B.token);
  });

  it('rotate-key re-seals every install with the new key; the old key alone no longer opens them', async () => {
    await install(TEAMS.A);
    const next = newKey();
    const report = await rotateInstallationKey(bed.bot.services.store, [next, key]);
    expect(report).toEqual({ resealed: 1, current: 0, unopenable: [] });
    expect((await rows(bed.bot.services.store, 'slack_installations')).map((r) => r.key_id)).toEqual([next.id]);
    expect(await rotateInstallationKey(bed.bot.services.store, [next, key])).toEqual({ resealed: 0, current: 1, unopenable: [] });
    expect(await rotateInstallationKey(bed.bot.services.store, [newKey()])).toEqual({ resealed: 0, current: 0, unopenable: ['team:TAAA'] });
  });
});
