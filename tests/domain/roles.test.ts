import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { isNamedModerator, moderatorGroupId, moderatorKindOf, parseModerators } from '../../src/domain/roles.ts';

const GUILD = 'discord:1200000000000000001';
const TEAM = 'slack:T111';

/** The UserError's code and message, so a test reads what the person would. */
function refusal(workspace: string, input: string): { code: string; message: string } {
  try {
    parseModerators(workspace, input);
  } catch (error) {
    if (error instanceof UserError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error(`"${input}" was accepted in ${workspace}`);
}

describe('which kind of moderators a workspace names', () => {
  it('GIVEN a workspace id THEN its platform decides: a Discord role, a Slack user group, or console names', () => {
    expect(moderatorKindOf(GUILD)).toBe('discord-role');
    expect(moderatorKindOf(TEAM)).toBe('slack-group');
    expect(moderatorKindOf('local')).toBe('names');
  });
});

describe('/config moderators: on Discord', () => {
  it('GIVEN a role mention or a bare role id THEN the role is kept by id', () => {
    expect(parseModerators(GUILD, '<@&1250000000000000001>')).toEqual({ kind: 'discord-role', id: '1250000000000000001' });
    expect(parseModerators(GUILD, ' 1250000000000000001 ')).toEqual({ kind: 'discord-role', id: '1250000000000000001' });
  });

  it('GIVEN none (any case) THEN the setting is cleared', () => {
    expect(parseModerators(GUILD, 'None')).toBeNull();
  });

  it('GIVEN a person, @everyone (by name or by the server’s own id) or words THEN it is refused, saying what to give', () => {
    expect(refusal(GUILD, '<@1800000000000000002>')).toMatchObject({
      code: 'config.person',
      message: expect.stringMatching(/is a person\. Give a role/),
    });
    expect(refusal(GUILD, '@everyone')).toMatchObject({ code: 'config.everyone' });
    expect(refusal(GUILD, '<@&1200000000000000001>')).toMatchObject({
      code: 'config.everyone',
      message: expect.stringMatching(/That is @everyone/),
    });
    expect(refusal(GUILD, 'Moderators')).toMatchObject({
      code: 'config.bad-role',
      message: expect.stringMatching(/"Moderators" is not a role\. Type @ and pick the role/),
    });
    expect(refusal(GUILD, '<!subteam^S0123|@leads>')).toMatchObject({ code: 'config.bad-role' });
  });
});

describe('/config moderators: on Slack', () => {
  it('GIVEN a user-group mention as Slack sends it THEN the group id and its handle are kept', () => {
    expect(parseModerators(TEAM, '<!subteam^S0614TZR7|@research-leads>')).toEqual({
      kind: 'slack-group',
      id: 'S0614TZR7',
      name: 'research-leads',
    });
    expect(parseModerators(TEAM, '<!subteam^S0614TZR7>')).toEqual({ kind: 'slack-group', id: 'S0614TZR7' });
    expect(parseModerators(TEAM, 'S0614TZR7')).toEqual({ kind: 'slack-group', id: 'S0614TZR7' });
  });

  it('GIVEN a person, a broadcast or a role THEN it is refused', () => {
    expect(refusal(TEAM, '<@W222|bob>')).toMatchObject({ code: 'config.person', message: expect.stringMatching(/Give a user group/) });
    expect(refusal(TEAM, '<!channel>')).toMatchObject({ code: 'config.everyone' });
    expect(refusal(TEAM, '<!here>')).toMatchObject({ code: 'config.everyone' });
    expect(refusal(TEAM, '<@&1250000000000000001>')).toMatchObject({ code: 'config.bad-group' });
    expect(refusal(TEAM, 'leads')).toMatchObject({
      code: 'config.bad-group',
      message: expect.stringMatching(/"leads" is not a user group/),
    });
  });
});

describe('/config moderators: in the console', () => {
  it('GIVEN names separated by commas or spaces THEN each is kept once, without a leading @', () => {
    expect(parseModerators('local', 'ada, @grace bob,ada')).toEqual({ kind: 'names', names: ['ada', 'grace', 'bob'] });
  });

  it('GIVEN a name with other characters, or more than twenty THEN it is refused, naming the bad one', () => {
    expect(refusal('local', 'ada, gr@ce')).toMatchObject({ code: 'config.bad-name', message: expect.stringContaining('"gr@ce"') });
    const many = Array.from({ length: 21 }, (_, i) => `p${i}`).join(',');
    expect(refusal('local', many)).toMatchObject({
      code: 'config.too-many-names',
      message: 'At most 20 names can be moderators (got 21).',
    });
  });

  it('GIVEN names THEN only those names count, and there is no group to look up', () => {
    const names = parseModerators('local', 'ada,bob')!;
    expect(isNamedModerator(names, 'bob')).toBe(true);
    expect(isNamedModerator(names, 'cy')).toBe(false);
    expect(isNamedModerator(undefined, 'bob')).toBe(false);
    expect(moderatorGroupId(names)).toBeUndefined();
    expect(moderatorGroupId(parseModerators(GUILD, '1250000000000000001')!)).toBe('1250000000000000001');
  });
});
