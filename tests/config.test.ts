import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('defaults to the local database and no platforms', () => {
    const config = loadConfig({});
    expect(config.DATABASE_PATH).toBe('data/cruxbot.db');
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.PORT).toBe(3000);
  });

  it('treats empty values in .env as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '  ' }).SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('names a database folder that does not exist', () => {
    expect(() => loadConfig({ DATABASE_PATH: '/no/such/folder/cruxbot.db' })).toThrow(
      /DATABASE_PATH: the folder \/no\/such\/folder does not exist/,
    );
  });

  it('names each bad value, and never echoes a secret', () => {
    let message = '';
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token-not-bot', PORT: 'eighty', LOG_LEVEL: 'loud' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/SLACK_BOT_TOKEN: must start with xoxb-/);
    expect(message).toMatch(/PORT:/);
    expect(message).toMatch(/LOG_LEVEL:/);
    expect(message).not.toContain('xoxp-user-token-not-bot');
  });

  it('asks for what a platform needs', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'abcdefghijklmnop' })).toThrow(/DISCORD_APPLICATION_ID: required with DISCORD_TOKEN/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_APP_TOKEN or SLACK_SIGNING_SECRET/);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).SLACK_SIGNING_SECRET).toBe('s');
    expect(() => loadConfig({ DISCORD_PUBLIC_KEY: 'ab'.repeat(32) })).toThrow(/DISCORD_TOKEN: required with DISCORD_PUBLIC_KEY/);
    const key = 'k'.repeat(43);
    expect(() => loadConfig({ SLACK_CLIENT_ID: '111.222' })).toThrow(
      /SLACK_CLIENT_SECRET: required[\s\S]*SLACK_SIGNING_SECRET: required[\s\S]*CRUXBOT_SECRET_KEY: required/,
    );
    expect(() =>
      loadConfig({ SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 'c', SLACK_SIGNING_SECRET: 's', CRUXBOT_SECRET_KEY: 'too-short' }),
    ).toThrow(/CRUXBOT_SECRET_KEY: must be 32 random bytes/);
    expect(() =>
      loadConfig({
        SLACK_CLIENT_ID: '111.222',
        SLACK_CLIENT_SECRET: 'c',
        SLACK_SIGNING_SECRET: 's',
        CRUXBOT_SECRET_KEY: key,
        SLACK_BOT_TOKEN: 'xoxb-1',
      }),
    ).toThrow(/SLACK_BOT_TOKEN: leave it unset with SLACK_CLIENT_ID/);
    expect(
      loadConfig({ SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 'c', SLACK_SIGNING_SECRET: 's', CRUXBOT_SECRET_KEY: key })
        .SLACK_CLIENT_ID,
    ).toBe('111.222');
    expect(() => loadConfig({ DISCORD_PUBLIC_KEY: 'not-hex' })).toThrow(
      /DISCORD_PUBLIC_KEY: must be the 64 hex characters of the Public Key/,
    );
  });

  it('takes PUBLIC_URL as the base of shared links, and says what a good one looks like', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://cruxbot.example.org/' }).PUBLIC_URL).toBe('https://cruxbot.example.org');
    expect(loadConfig({ PUBLIC_URL: 'https://example.org/cruxbot' }).PUBLIC_URL).toBe('https://example.org/cruxbot');
    expect(loadConfig({}).PUBLIC_URL).toBeUndefined();
    expect(() => loadConfig({ PUBLIC_URL: 'cruxbot.example.org' })).toThrow(/PUBLIC_URL: must be the http\(s\) address people open/);
    expect(() => loadConfig({ PUBLIC_URL: 'https://example.org/?x=1' })).toThrow(/PUBLIC_URL: must be a plain address without \? or #/);
  });
});
