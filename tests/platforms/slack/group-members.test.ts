import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moderatorIds } from '../../../src/jobs/reminders.ts';
import { startSlackTestBed, type SlackTestBed } from './support/test-bed.ts';

let bed: SlackTestBed;
beforeEach(async () => {
  bed = await startSlackTestBed();
});
afterEach(async () => await bed.close());

describe('the moderators’ user group on Slack, for reminders', () => {
  it('lists its members with usergroups.users.list, so claim reminders reach them', async () => {
    bed.fake.userGroups.set('S0LEADS1', { handle: 'leads', users: ['W111', 'W333'] });
    const { services } = bed.bot;
    await services.store.settings.put(
      'slack:T111',
      'moderators',
      { kind: 'slack-group', id: 'S0LEADS1', name: 'leads' },
      { id: 'W111', name: 'ana' },
      '2026-11-23T12:00:00.000Z',
    );
    expect(await services.chats.get('slack')!.groupMembers!('slack:T111', 'S0LEADS1')).toEqual(['W111', 'W333']);
    expect(await moderatorIds(services, 'slack:T111')).toEqual(['W111', 'W333']);
    expect(bed.fake.callsTo('usergroups.users.list').map((c) => [c.body.usergroup, c.body.team_id])).toEqual([['S0LEADS1', 'T111']]);
  });

  it('without the usergroups:read scope, lists nobody (authors alone are reminded)', async () => {
    bed.fake.on('usergroups.users.list', () => ({ ok: false, error: 'missing_scope', needed: 'usergroups:read' }));
    expect(await bed.bot.services.chats.get('slack')!.groupMembers!('slack:T111', 'S0LEADS1')).toEqual([]);
  });
});
