import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visibleStrings } from './support/block-kit.ts';
import { blockActionsPayload, BOB, interactiveForm, slashCommandForm, TEAM } from './support/payloads.ts';
import { startSlackTestBed, type SlackTestBed } from './support/test-bed.ts';

/**
 * Moderators as Slack says who they are: workspace admins and owners (users.info), and members of the
 * user group /config chose (usergroups.users.list). Bob owns everything here; each person tries every
 * moderator power on it.
 */
type SlackUser = typeof BOB;
const user = (id: string, name: string): SlackUser => ({ id, username: name, name, team_id: TEAM.id });
const CLEO = user('W333', 'cleo'); // a workspace admin
const DEV = user('W444', 'dev'); // in the @leads user group
const ERIN = user('W555', 'erin'); // neither
const LEADS = { id: 'S0LEADS1', handle: 'leads' };
const WORKSPACE = `slack:${TEAM.id}`;
const PATIENTLY = { timeout: 15_000, interval: 20 } as const;

let bed: SlackTestBed;
let sent = 0;
const store = () => bed.bot.services.store;
const claim = async (n: number) => (await store().claims.byNumber(WORKSPACE, n))!;

/**
 * Types a slash command as `who` and waits until cruxbot has answered it; returns what the person was
 * told privately (through the response URL), if anything. Commands are sent one at a time.
 */
async function slash(who: SlackUser, command: string, text: string): Promise<string> {
  const earlier = bed.fake.callsTo('response_url').length;
  const { status } = await bed.post({
    body: slashCommandForm({ command, text, user: who, responseUrl: bed.fake.responseUrl(`r${++sent}`) }),
  });
  expect(status).toBe(200);
  // The work was counted in flight before Slack heard the acknowledgement, so this waits for its answer.
  await expect.poll(() => bed.bot.services.inflight.active, PATIENTLY).toBe(0);
  return bed.fake
    .callsTo('response_url')
    .slice(earlier)
    .map((c) => [String(c.body.text ?? ''), ...visibleStrings(c.body.blocks ?? [])].join('\n'))
    .join('\n');
}

beforeEach(async () => {
  bed = await startSlackTestBed();
  sent = 0;
  for (const person of [CLEO, DEV, ERIN]) bed.fake.users.set(person.id, person.name);
  bed.fake.admins.add(CLEO.id);
  bed.fake.userGroups.set(LEADS.id, { handle: LEADS.handle, users: [DEV.id, 'W999'] });
  await slash(BOB, '/debate', 'new slug:scratch title:"A debate to delete"');
  await slash(BOB, '/debate', 'new slug:rewards title:"Is reward the optimization target?"');
  for (const text of [
    'Agents seek reward',
    'Scorers are broken',
    'Deals reduce faking',
    'Drift is random',
    'Goals drift randomly',
    'Polls help',
  ]) {
    await slash(BOB, '/claim', `add ${text}`);
  }
  await slash(BOB, '/poll', 'C6');
});
afterEach(async () => {
  await bed.close();
});

/** Every moderator power, each on its own piece of bob's, and how to tell it was used. */
const POWERS = [
  {
    name: 'edit',
    command: ['/claim', 'edit C1 text:"Agents seek the reward number"'],
    used: async () => (await claim(1)).text !== 'Agents seek reward',
  },
  { name: 'retract', command: ['/claim', 'retract C2'], used: async () => (await claim(2)).status === 'retracted' },
  { name: 'resolve', command: ['/claim', 'resolve C3 true'], used: async () => (await claim(3)).status === 'resolved-true' },
  { name: 'merge', command: ['/claim', 'merge C5 into:C4'], used: async () => (await claim(5)).status === 'retracted' },
  {
    name: 'close a poll',
    command: ['/poll', 'close C6'],
    used: async () => !(await store().polls.openForClaim(WORKSPACE, (await claim(6)).id)),
  },
  {
    name: 'delete a debate',
    command: ['/debate', 'delete scratch confirm:scratch'],
    used: async () => !(await store().debates.bySlug(WORKSPACE, 'scratch')),
  },
] as const;
const ALL = POWERS.map((p) => p.name);

async function tryEveryPower(who: SlackUser) {
  const told: string[] = [];
  for (const power of POWERS) {
    const [command, text] = power.command;
    told.push(await slash(who, command, text));
  }
  return { used: (await Promise.all(POWERS.map(async (p) => ((await p.used()) ? [p.name] : [])))).flat(), told };
}

describe('moderator powers on Slack', () => {
  it('a workspace admin (users.info is_admin) may use every one on bob’s claims, poll and debate', async () => {
    const { used } = await tryEveryPower(CLEO);
    expect(used).toEqual(ALL);
  });

  it('a member of the user group /config chose may too; Slack is asked once for the group and once for the person', async () => {
    await slash(CLEO, '/config', `moderators:<!subteam^${LEADS.id}|@${LEADS.handle}>`);
    const { used } = await tryEveryPower(DEV);
    expect(used).toEqual(ALL);
    expect(bed.fake.callsTo('usergroups.users.list').map((c) => c.body.usergroup)).toEqual([LEADS.id]);
    expect(bed.fake.callsTo('users.info').filter((c) => c.body.user === DEV.id)).toHaveLength(1);
  });

  it('a member in neither may use none: each is refused privately, saying who may', async () => {
    await slash(CLEO, '/config', `moderators:<!subteam^${LEADS.id}|@${LEADS.handle}>`);
    const { used, told } = await tryEveryPower(ERIN);
    expect(used).toEqual([]);
    expect(told[0]).toContain('Only bob, who wrote C1, or a moderator can edit it.');
    expect(told[5]).toMatch(
      /Only bob, who started `scratch`, or a moderator \(workspace \*admins\* and \*owners\*, and members of the user group \*@leads\*\)/,
    );
  });

  it('when Slack will not say who is in the group (a missing scope), its members get no moderator rights', async () => {
    await slash(CLEO, '/config', `moderators:<!subteam^${LEADS.id}|@${LEADS.handle}>`);
    bed.fake.on('usergroups.users.list', () => ({ ok: false, error: 'missing_scope', needed: 'usergroups:read' }));
    const { used } = await tryEveryPower(DEV);
    expect(used).toEqual([]);
  });
});

describe('a moderator power from a button on Slack', () => {
  it('the poll’s Close poll button: refused to a member in neither, used by an admin', async () => {
    const posted = await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('Poll · C6'));
    const click = async (who: SlackUser) => {
      const payload = blockActionsPayload({
        actionId: 'poll:close:1',
        messageTs: String(posted.response?.ts),
        responseUrl: bed.fake.responseUrl(`click-${who.id}`),
        user: who,
      });
      expect((await bed.post({ body: interactiveForm(payload) })).status).toBe(200);
      await expect.poll(() => bed.bot.services.inflight.active, PATIENTLY).toBe(0);
    };
    await click(ERIN);
    expect(await store().polls.openForClaim(WORKSPACE, (await claim(6)).id)).toBeDefined();
    const refusal = await bed.fake.waitFor('response_url', (c) =>
      /Only bob, who opened this poll, or a moderator/.test(JSON.stringify(c.body)),
    );
    expect(refusal.body.response_type ?? 'ephemeral').toBe('ephemeral');
    await click(CLEO);
    expect(await store().polls.openForClaim(WORKSPACE, (await claim(6)).id)).toBeUndefined();
  });
});

describe('/config on Slack', () => {
  it('an admin chooses a user group by mention; it is checked with Slack and shown by its handle', async () => {
    const told = await slash(CLEO, '/config', `moderators:<!subteam^${LEADS.id}|@old-handle>`);
    expect(told).toContain('workspace *admins* and *owners*, and members of the user group *@leads*');
    expect(await store().settings.moderators(WORKSPACE)).toEqual({ kind: 'slack-group', id: LEADS.id, name: 'leads' });
    expect(bed.fake.callsTo('usergroups.list')).toHaveLength(1);
  });

  it('a member who is not a moderator is told who may; an unknown group is refused; so is a person', async () => {
    const refused = await slash(ERIN, '/config', `moderators:<!subteam^${LEADS.id}|@leads>`);
    expect(refused).toContain('Only moderators can change cruxbot’s settings here: workspace *admins* and *owners*.');
    expect(bed.fake.callsTo('usergroups.list')).toHaveLength(0);

    expect(await slash(CLEO, '/config', 'moderators:<!subteam^S0NOPE|@nope>')).toContain('There is no user group with id `S0NOPE` here.');
    expect(await slash(CLEO, '/config', `moderators:<@${ERIN.id}|erin>`)).toContain('is a person. Give a user group');
    expect(await store().settings.moderators(WORKSPACE)).toBeUndefined();
  });

  it('without the usergroups:read scope, says which scope to add, and stores nothing', async () => {
    bed.fake.on('usergroups.list', () => ({ ok: false, error: 'missing_scope', needed: 'usergroups:read' }));
    const told = await slash(CLEO, '/config', `moderators:<!subteam^${LEADS.id}|@leads>`);
    expect(told).toContain('the Slack app needs the `usergroups:read` scope');
    expect(await store().settings.moderators(WORKSPACE)).toBeUndefined();
  });
});
