import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * Two bot processes on one database file, each adding claims as fast as it can: every write lands,
 * none fails with "database is locked", and the numbers people see are 1..N, each given once.
 */
const ROOT = join(import.meta.dirname, '../..');
const PER_PROCESS = 500;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-two-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the console over `lines` until its input ends; resolves with everything it printed. */
function consoleRun(dbPath: string, lines: readonly string[]): Promise<{ code: number | null; output: string }> {
  // A burst of adds from one person: the write limit (tested on its own) is off, so every add reaches the store.
  const env = { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_PATH: dbPath, CRUXBOT_CLAIM_ADDS_PER_MINUTE: '0', LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

describe('two processes on one database file', () => {
  it(`add ${PER_PROCESS} claims each to one debate: no error, ${2 * PER_PROCESS} claims, numbers 1..${2 * PER_PROCESS} once each`, async () => {
    const dbPath = join(dir, 'cruxbot.db');
    const setup = await consoleRun(dbPath, ['/debate new race title:"Two writers"']);
    expect(setup.output).toMatch(/Debate race/);

    const lines = (who: string) => Array.from({ length: PER_PROCESS }, (_, i) => `/claim add Claim ${i + 1} from process ${who}`);
    const [a, b] = await Promise.all([consoleRun(dbPath, lines('A')), consoleRun(dbPath, lines('B'))]);
    for (const run of [a, b]) {
      expect(run.code).toBe(0);
      expect(run.output).not.toMatch(/locked|busy|went wrong|UNIQUE|error/i);
      expect([...run.output.matchAll(/^C\d+ · open$/gm)]).toHaveLength(PER_PROCESS);
    }

    const db = new Database(dbPath, { readonly: true });
    try {
      const numbers = db.prepare<[], number>("SELECT number FROM claims WHERE workspace = 'local' ORDER BY number").pluck().all();
      expect(numbers).toEqual(Array.from({ length: 2 * PER_PROCESS }, (_, i) => i + 1));
      const byProcess = db
        .prepare<[], { who: string; n: number }>('SELECT substr(text, -1) AS who, count(*) AS n FROM claims GROUP BY who ORDER BY who')
        .all();
      expect(byProcess).toEqual([
        { who: 'A', n: PER_PROCESS },
        { who: 'B', n: PER_PROCESS },
      ]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 120_000);
});
