import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { createRegistry } from '../../../src/core/registry.ts';
import { consoleActor, ConsoleSession, operatorName } from '../../../src/platforms/console/session.ts';
import { createTestBot, isError, replyText, type TestBot } from '../../support/harness.ts';

/**
 * Who moderates the console's local workspace: the operator (the account running it) always; anyone
 * else (`.as <name>`, `--as <name>`) only when /config names them.
 */
let bot: TestBot;
let session: ConsoleSession;
beforeEach(async () => {
  bot = createTestBot();
  session = new ConsoleSession(bot.services, createRegistry(COMMANDS), consoleActor('bob'), { color: false, width: 100 }, () => {});
  await session.run('/debate new slug:rewards title:"Is reward the optimization target?"');
  await session.run('/claim add Agents will learn to seek reward');
});
afterEach(async () => await bot.close());

const as = (name?: string) => session.setActor(consoleActor(name));
const c1 = async () => (await bot.services.store.claims.byNumber('local', 1))!;

describe('moderators in the console', () => {
  it('the operator is one without any setting, and may edit, merge or retract anyone’s claim', async () => {
    as();
    expect(session.who.name).toBe(userInfo().username);
    expect(replyText(await session.run('/config show'))).toMatch(/^You: a moderator$/m);
    const edited = await session.run('/claim edit C1 text:"Agents will learn to seek the reward number"');
    expect(isError(edited), replyText(edited)).toBe(false);
    expect((await c1()).text).toBe('Agents will learn to seek the reward number');
  });

  it('someone else (.as cy) is not, and may neither change bob’s claim nor the settings', async () => {
    as('cy');
    expect(replyText(await session.run('/config show'))).toMatch(/^You: not a moderator$/m);
    expect(isError(await session.run('/claim retract C1'))).toBe(true);
    const config = await session.run('/config moderators:cy');
    expect(replyText(config)).toMatch(/Only moderators can change cruxbot’s settings here: the operator/);
    expect((await c1()).status).toBe('open');
    expect(await bot.services.store.settings.moderators('local')).toBeUndefined();
  });

  it('a name the operator configures is one from the next command on, and not after it is cleared', async () => {
    as();
    await session.run('/config moderators:cy,ada');
    as('cy');
    expect(isError(await session.run('/claim retract C1 reason:"a duplicate"'))).toBe(false);
    expect((await c1()).status).toBe('retracted');

    as();
    await session.run('/config moderators:none');
    as('cy');
    const refused = await session.run('/claim edit C1 text:"cy’s now"');
    expect(isError(refused)).toBe(true);
    expect(replyText(refused)).toMatch(/Only bob, who wrote C1, or a moderator can edit it/);
  });

  it('the operator’s name is the account’s', () => {
    expect(operatorName()).toBe(userInfo().username);
    expect(consoleActor()).toEqual({ id: operatorName(), name: operatorName() });
  });
});

describe('the console process', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cruxbot-console-mods-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // One Node process with tsx: allow for a loaded machine.
  it('says who is a moderator on .as, and lets a configured name act on others’ claims', { timeout: 60_000 }, () => {
    const me = userInfo().username;
    const input = [
      '/debate new slug:rewards title:"Is reward the optimization target?"',
      '.as bob',
      '/claim add Agents will learn to seek reward',
      '.as cy',
      '/claim edit C1 text:"cy was here"',
      `.as ${me}`,
      '/config moderators:cy',
      '.as cy',
      '/claim edit C1 text:"cy was here"',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: join(import.meta.dirname, '../../..'),
      input,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_PATH: join(dir, 'cruxbot.db') },
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('You are now bob.\n');
    expect(run.stdout).toContain('You are now cy.\n');
    expect(run.stdout).toContain('✖ Only bob, who wrote C1, or a moderator can edit it.');
    expect(run.stdout).toContain(`You are now ${me} (a moderator).\n`);
    expect(run.stdout).toContain('You are now cy (a moderator).\n');
    expect(run.stdout).toMatch(/Edited C1\./);
    expect(run.stdout.indexOf('Edited C1.')).toBeGreaterThan(run.stdout.indexOf('You are now cy (a moderator).'));
  });
});
