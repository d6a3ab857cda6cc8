import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPng } from '../../../src/render/png.ts';

/** The console as a user runs it: `npm start` (node --import tsx src/main.ts) with piped input. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-console-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ROOT = join(import.meta.dirname, '../../..');

function start(input: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_PATH: join(dir, 'cruxbot.db'), ...env },
    timeout: 30_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['bin/cruxbot.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_PATH: join(dir, 'cruxbot.db'), ...env },
    timeout: 30_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const EXAMPLE = `
/debate new slug:reward-seeking title:"Is reward the optimization target of capable agents?"
/claim add Agents game broken scoring functions when the tasks are shoddy
/claim add text:"Reward seeking is more likely instrumental than terminal" tags:reward-seeking
/link from:C2 to:C1 kind:supports
/claim show C1
/map format:text
`;

describe('the console', () => {
  it('runs the issue’s example from piped input and exits 0 at the end', () => {
    const { code, out } = start(EXAMPLE);
    expect(code).toBe(0);
    expect(out).toContain('C1 · open');
    expect(out).toContain('C2 · open');
    expect(out).toContain('C2 supports C1');
    expect(out).toMatch(/Links in \(1\)\s+C2 supports this: Reward seeking is more likely instrumental than terminal/);
    expect(out).toContain(
      'C1  Agents game broken scoring functions when the tasks are shoddy\n└─ + C2  Reward seeking is more likely instrumental than terminal',
    );
  });

  it('keeps everything across a restart', () => {
    start(EXAMPLE);
    const { out } = start('/claim show C2\n');
    expect(out).toContain('Reward seeking is more likely instrumental than terminal');
    expect(out).toMatch(/Tags\s+#reward-seeking/);
  });

  it('prints a bad command’s message and carries on', () => {
    const { code, out } = start('/nonsense\n/claim show C1\n/debate list\n');
    expect(code).toBe(0);
    expect(out).toContain('Unknown command /nonsense');
    expect(out).toContain('No debates yet');
  });

  it('refuses to start on a file that is not SQLite, saying so, and exits non-zero', () => {
    const path = join(dir, 'notes.db');
    writeFileSync(path, 'not a database at all '.repeat(200));
    const { code, err, out } = start('/help\n', { DATABASE_PATH: path });
    expect(code).toBe(1);
    expect(err).toContain('is not a SQLite database');
    expect(err).not.toMatch(/at .*\.ts:\d+/);
    expect(out).toBe('');
  });

  it('refuses a database folder that does not exist', () => {
    const { code, err } = start('/help\n', { DATABASE_PATH: join(dir, 'missing', 'x.db') });
    expect(code).toBe(1);
    expect(err).toMatch(/DATABASE_PATH: the folder .*missing does not exist/);
  });
});

describe('the cruxbot command', () => {
  it('`cruxbot demo` loads the sample debates once, and `cruxbot run` shows them', () => {
    const first = cli(['demo']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Loaded reward-seeking: 8 claims, 7 links, 56 credences/);
    expect(first.out).toMatch(/Loaded goal-drift: 8 claims, 9 links, 62 credences/);
    expect(cli(['demo']).out).toMatch(/reward-seeking is already there/);

    const picture = cli(['run', '/map']);
    expect(picture.code).toBe(0);
    const saved = /Image saved: (\S+crux-map-reward-seeking\.png)/.exec(picture.out);
    expect(saved, picture.out).not.toBeNull();
    expect(isPng(readFileSync(saved![1]!))).toBe(true);
    const map = cli(['run', '/map format:text']);
    expect(map.out).toContain('Will capable agents learn to seek reward itself');
    expect(map.out).toMatch(/◆ crux C7/);
    const drift = cli(['run', '/map goal-drift format:text']);
    expect(drift.out).toMatch(/C9  The probability that an agent is dangerously misaligned/);
    // Five processes start here, one drawing a picture: more than the default time on a busy machine.
  }, 90_000);

  it('`cruxbot run` acts as --as and exits 1 on an error reply', () => {
    cli(['demo']);
    expect(cli(['run', '--as', 'zed', '/claim edit C1 text:"mine now"']).code).toBe(1);
    expect(cli(['run', '--as', 'ada', '/claim edit C1 text:"Agents will learn to seek reward"']).code).toBe(0);
    expect(cli(['run', '/claim show C1']).out).toContain('Agents will learn to seek reward');
  });

  it('`cruxbot help` lists its verbs; an unknown verb exits 2', () => {
    expect(cli(['help']).out).toMatch(/cruxbot run/);
    expect(cli(['frobnicate']).code).toBe(2);
  });
});
