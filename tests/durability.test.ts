import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * Every acknowledged change is committed before the reply: kill the bot with SIGKILL in the middle of a
 * burst of writes, and every write it acknowledged is still there, in a database that passes its checks.
 */
const ROOT = join(import.meta.dirname, '..');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-kill-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('durability', () => {
  it('keeps every acknowledged claim after a SIGKILL mid-burst', async () => {
    const dbPath = join(dir, 'cruxbot.db');
    // A burst of adds from one person: the write limit (tested on its own) is off, so every add reaches the store.
  const env = { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_PATH: dbPath, CRUXBOT_CLAIM_ADDS_PER_MINUTE: '0' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const acknowledged = new Set<number>();
    let output = '';
    const killed = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      for (const match of output.matchAll(/^C(\d+) · open$/gm)) acknowledged.add(Number(match[1]));
      output = output.slice(Math.max(0, output.lastIndexOf('\n')));
      if (acknowledged.size >= 150 && !child.killed) child.kill('SIGKILL');
    });
    child.stdin.on('error', () => {}); // the pipe breaks when the process dies mid-write
    child.stdin.write('/debate new burst title:"A burst of writes"\n');
    for (let i = 1; i <= 5000; i++) child.stdin.write(`/claim add Burst claim number ${i} tags:burst\n`);

    expect(await killed).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(150);

    const db = new Database(dbPath);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => db.prepare("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')").run()).not.toThrow();
    const stored = new Map(
      db
        .prepare('SELECT number, text FROM claims')
        .all()
        .map((r) => [(r as { number: number }).number, (r as { text: string }).text]),
    );
    for (const n of acknowledged) expect(stored.get(n)).toBe(`Burst claim number ${n}`);
    // No half-written rows: each stored claim has its tag and its audit row.
    const claims = db.prepare('SELECT count(*) FROM claims').pluck().get();
    expect(db.prepare("SELECT count(*) FROM claim_tags WHERE tag = 'burst'").pluck().get()).toBe(claims);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'claim.add'").pluck().get()).toBe(claims);
    db.close();

    const restarted = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env,
      input: `/claim show C${Math.max(...acknowledged)}\n`,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(restarted.status).toBe(0);
    expect(restarted.stdout).toContain(`Burst claim number ${Math.max(...acknowledged)}`);
  });
});
