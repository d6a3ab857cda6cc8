import { describe, expect, it } from 'vitest';
import { mentionedUsers, slackTextToPlain, unescapeSlack } from '../../../src/platforms/slack/slack-text.ts';

const names = new Map([['U222', 'Bob']]);

describe('Slack text back into words', () => {
  it('GIVEN a captured message THEN mentions are named, links show where they go, escapes are undone', () => {
    const text =
      'See <@U222> and <@U999> in <#C111|research> &amp; <!here>: <https://example.org/p|the paper> &lt;3 <mailto:a@b.org|a@b.org>';
    expect(slackTextToPlain(text, { links: 'label-and-url', userName: (id) => names.get(id) })).toBe(
      'See @Bob and @U999 in #research & @here: the paper (https://example.org/p) <3 a@b.org',
    );
  });

  it('GIVEN slash-command text (Slack adds labels itself) THEN what was typed', () => {
    expect(slackTextToPlain('<@U222|bob> said <http://example.org|example.org> and <https://x.org/a>', { links: 'typed' })).toBe(
      '@bob said example.org and https://x.org/a',
    );
    expect(slackTextToPlain('<!subteam^S1|@design> <!date^1700000000^{date}|Nov 14>', { links: 'typed' })).toBe('@design Nov 14');
  });

  it('undoes escapes in the right order, so text that shows an escape keeps it', () => {
    expect(unescapeSlack('&amp;lt; is how you write &lt;')).toBe('&lt; is how you write <');
  });

  it('lists the people mentioned, once each', () => {
    expect(mentionedUsers('<@U1> <@U2|bo> <@U1> <#C1>')).toEqual(['U1', 'U2']);
  });
});
