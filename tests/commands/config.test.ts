import { countRows } from '../support/rows.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, ChatPort, MemberGroup } from '../../src/core/context.ts';
import { createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

const MOD: Actor = { id: 'mo', name: 'mo', isModerator: true };
const CY: Actor = { id: 'cy', name: 'cy' };
const GUILD = 'discord:1200000000000000001';
const ROLE = '1250000000000000001';

let bot: TestBot;
beforeEach(() => {
  bot = createTestBot();
});
afterEach(async () => await bot.close());

const audits = async () => await countRows(bot.services.store, 'audit_log', { action: 'config.moderators' });
const field = (text: string, name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1];

/** A platform that knows one role (or group) by id, like Discord's role cache or Slack's usergroups.list. */
function platformKnowing(groups: Record<string, string>): ChatPort {
  return {
    platform: 'test',
    post: async () => ({ platform: 'test', channel: 'general', id: '1' }),
    update: async () => undefined,
    findGroup: async (_workspace, id): Promise<MemberGroup | null> => (groups[id] ? { id, name: groups[id] } : null),
  };
}

describe('/config show', () => {
  it('anyone sees who moderates, what moderators can do, and whether they are one', async () => {
    for (const line of ['/config show', '/config']) {
      const reply = await bot.run(line, { actor: CY });
      expect(isError(reply), line).toBe(false);
      expect(reply.ephemeral).toBe(true);
      const text = replyText(reply);
      expect(field(text, 'Moderators')).toBe('the operator (the computer account running the console)');
      expect(field(text, 'You')).toBe('not a moderator');
      expect(field(text, 'Moderators can')).toBe(
        'edit, retract, resolve and merge any claim; close any poll; delete any debate; change these settings',
      );
      expect(text).toContain('Change it (moderators only): /config moderators:ada,grace');
    }
    expect(field(replyText(await bot.run('/config show', { actor: MOD })), 'You')).toBe('a moderator');
  });

  it('names the platform’s own moderators: Manage Messages on Discord, admins and owners on Slack', async () => {
    expect(field(replyText(await bot.run('/config', { workspace: GUILD })), 'Moderators')).toBe(
      'members with the Manage Messages or Administrator permission',
    );
    expect(field(replyText(await bot.run('/config', { workspace: 'slack:T111' })), 'Moderators')).toBe('workspace admins and owners');
  });
});

describe('/config moderators:', () => {
  it('a moderator names console moderators; the setting, who set it and an audit row are kept', async () => {
    const reply = await bot.run('/config moderators:"ada, grace"', { actor: MOD });
    expect(isError(reply)).toBe(false);
    const text = replyText(reply);
    expect(text).toContain('Moderators are now the operator (the computer account running the console), and ada, grace.');
    expect(field(text, 'Set by')).toBe('mo, 2026-11-23');
    expect(await bot.services.store.settings.moderators('local')).toEqual({ kind: 'names', names: ['ada', 'grace'] });
    expect((await bot.services.store.audit.recent('local', 1))[0]).toMatchObject({
      actorId: 'mo',
      action: 'config.moderators',
      entity: 'config',
      after: { kind: 'names', names: ['ada', 'grace'] },
    });
  });

  it('someone who is not a moderator is told who may change it, and nothing is stored', async () => {
    const reply = await bot.run('/config moderators:cy', { actor: CY });
    expect(isError(reply)).toBe(true);
    expect(replyText(reply)).toBe(
      'Only moderators can change cruxbot’s settings here: the operator (the computer account running the console). Ask one of them.',
    );
    expect(await bot.services.store.settings.moderators('local')).toBeUndefined();
    expect(await audits()).toBe(0);
  });

  it('none clears it; setting the same again changes nothing and writes nothing', async () => {
    await bot.run('/config moderators:ada', { actor: MOD });
    expect(replyText(await bot.run('/config moderators:ada', { actor: MOD }))).toBe('Nothing changed: that is the setting already.');
    expect(await audits()).toBe(1);
    const cleared = await bot.run('/config moderators:none', { actor: MOD });
    expect(replyText(cleared)).toContain('Cleared: only the platform’s own roles count now.');
    expect(await bot.services.store.settings.moderators('local')).toBeUndefined();
    expect((await bot.services.store.audit.recent('local', 1))[0]).toMatchObject({ before: { names: ['ada'] }, after: null });
    expect(replyText(await bot.run('/config moderators:none', { actor: MOD }))).toBe('Nothing changed: that is the setting already.');
    expect(await audits()).toBe(2);
  });

  it('refuses bad values, naming what was wrong, and stores nothing', async () => {
    const cases: [string, RegExp][] = [
      ['/config moderators:"ada, gr@ce"', /"gr@ce" is not a name/],
      [`/config moderators:${Array.from({ length: 21 }, (_, i) => `p${i}`).join(',')}`, /At most 20 names can be moderators \(got 21\)/],
      ['/config moderators:@everyone', /would make everyone a moderator/],
      [`/config moderators:${'a'.repeat(301)}`, /moderators: is 301 characters; the limit is 300/],
      ['/config roles:ada', /has no option `?roles/],
      ['/config show moderators:ada', /has no option `?moderators/],
    ];
    for (const [line, message] of cases) {
      const reply = await bot.run(line, { actor: MOD });
      expect(isError(reply), line).toBe(true);
      expect(replyText(reply), line).toMatch(message);
    }
    expect(await audits()).toBe(0);
  });

  it('on Discord takes a role mention, checks the role exists and keeps its name', async () => {
    bot = await swapBot(platformKnowing({ [ROLE]: 'Moderators' }));
    const reply = await bot.run(`/config moderators:<@&${ROLE}>`, { actor: MOD, workspace: GUILD });
    expect(field(replyText(reply), 'Moderators')).toBe(
      'members with the Manage Messages or Administrator permission, and members with the role @Moderators',
    );
    expect(await bot.services.store.settings.moderators(GUILD)).toEqual({ kind: 'discord-role', id: ROLE, name: 'Moderators' });

    const unknown = await bot.run('/config moderators:1250000000000000999', { actor: MOD, workspace: GUILD });
    expect(isError(unknown)).toBe(true);
    expect(replyText(unknown)).toBe('There is no role with id 1250000000000000999 here. Type @ and pick it from the list.');
    expect(await bot.services.store.settings.moderators(GUILD)).toEqual({ kind: 'discord-role', id: ROLE, name: 'Moderators' });
  });

  it('on Slack takes a user group, and a setting in one workspace means nothing in another', async () => {
    bot = await swapBot(platformKnowing({ S0614TZR7: 'research-leads' }));
    await bot.run('/config moderators:<!subteam^S0614TZR7|@leads>', { actor: MOD, workspace: 'slack:T111' });
    expect(await bot.services.store.settings.moderators('slack:T111')).toEqual({
      kind: 'slack-group',
      id: 'S0614TZR7',
      name: 'research-leads',
    });
    expect(field(replyText(await bot.run('/config', { workspace: 'slack:T111' })), 'Moderators')).toBe(
      'workspace admins and owners, and members of the user group @research-leads',
    );
    expect(await bot.services.store.settings.moderators('slack:T222')).toBeUndefined();
    expect(field(replyText(await bot.run('/config', { workspace: 'slack:T222' })), 'Moderators')).toBe('workspace admins and owners');
  });
});

/** A fresh bot whose platform is `chat`, replacing the one from beforeEach. */
async function swapBot(chat: ChatPort): Promise<TestBot> {
  await bot.close();
  return createTestBot({ chat });
}
