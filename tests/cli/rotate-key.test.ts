import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSecretKey } from '../../src/core/sealed.ts';
import { SealedInstallationStore } from '../../src/platforms/slack/installations.ts';
import { openStore } from '../../src/storage/index.ts';
import { rows } from '../support/rows.ts';

const ROOT = join(import.meta.dirname, '../..');
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const installation = (team: string) =>
  ({
    team: { id: team, name: team },
    enterprise: undefined,
    isEnterpriseInstall: false,
    bot: { token: `xoxb-${team}`, scopes: ['commands'], id: 'B1', userId: 'UBOT' },
    user: { id: 'U1', token: undefined, scopes: undefined },
  }) as never;

function cli(env: Record<string, string>) {
  return spawnSync(process.execPath, ['bin/cruxbot.js', 'rotate-key'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: dir!, ...env },
    encoding: 'utf8',
  });
}

describe('cruxbot rotate-key', () => {
  it('re-seals the stored Slack tokens with the new key, opening the old ones with the previous key', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cruxbot-rotate-'));
    const path = join(dir, 'cruxbot.db');
    const oldText = randomBytes(32).toString('hex');
    const newText = randomBytes(32).toString('base64');
    const store = openStore(path);
    const sealed = new SealedInstallationStore(store, [parseSecretKey(oldText)!]);
    await sealed.storeInstallation(installation('TONE'));
    await sealed.storeInstallation(installation('TTWO'));
    await store.close();

    const missing = cli({ DATABASE_PATH: path, CRUXBOT_SECRET_KEY: newText });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('2 could not be opened with CRUXBOT_SECRET_KEY or CRUXBOT_PREVIOUS_SECRET_KEY (team:TONE, team:TTWO)');

    const run = cli({ DATABASE_PATH: path, CRUXBOT_SECRET_KEY: newText, CRUXBOT_PREVIOUS_SECRET_KEY: oldText });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Re-sealed 2 Slack installs with key ${parseSecretKey(newText)!.id}; 0 already used it.`);

    const after = openStore(path);
    expect((await rows(after, 'slack_installations')).map((r) => r.key_id)).toEqual([
      parseSecretKey(newText)!.id,
      parseSecretKey(newText)!.id,
    ]);
    const opened = await new SealedInstallationStore(after, [parseSecretKey(newText)!]).fetchInstallation({
      teamId: 'TTWO',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(opened.bot?.token).toBe('xoxb-TTWO');
    await after.close();
  });

  it('a key that is not 32 bytes is a sentence, not a stack trace', () => {
    dir = mkdtempSync(join(tmpdir(), 'cruxbot-rotate-'));
    const run = cli({ DATABASE_PATH: join(dir, 'x.db'), CRUXBOT_SECRET_KEY: 'short' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('CRUXBOT_SECRET_KEY: must be 32 random bytes, as 64 hex characters or base64');
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
