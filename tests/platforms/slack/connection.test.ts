import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { PLATFORMS } from '../../../src/platforms/index.ts';
import { slackConnectionFrom } from '../../../src/platforms/slack/start.ts';

describe('which Slack connection the settings ask for', () => {
  it('Socket Mode when SLACK_APP_TOKEN is set (it wins over a signing secret)', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' });
    expect(slackConnectionFrom(config)).toEqual({ mode: 'socket', appToken: 'xapp-1' });
  });

  it('the HTTP receiver on PORT (and HOST, if set) with SLACK_SIGNING_SECRET', () => {
    expect(slackConnectionFrom(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toEqual({
      mode: 'http',
      signingSecret: 's',
      port: 3000,
    });
    expect(
      slackConnectionFrom(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '8080', HOST: '127.0.0.1' })),
    ).toEqual({
      mode: 'http',
      signingSecret: 's',
      port: 8080,
      host: '127.0.0.1',
    });
  });

  it('names a HOST that is not an address', () => {
    expect(() => loadConfig({ HOST: 'local host; rm -rf' })).toThrow(/HOST: must be an address to listen on/);
  });

  it('starts Slack from npm start only when SLACK_BOT_TOKEN is set', () => {
    const slack = PLATFORMS.find((p) => p.name === 'slack')!;
    expect(slack.enabled(loadConfig({}))).toBe(false);
    expect(slack.enabled(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toBe(true);
  });
});
