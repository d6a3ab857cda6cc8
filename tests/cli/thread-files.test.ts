import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile, summarizeFile } from '../../src/thread-files.ts';
import { DEBATE_THREAD, SMALL_TALK } from '../domain/threads/threads.fixture.ts';

let dir: string;
const file = (name: string) => join(dir, name);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-cli-'));
  writeFileSync(file('thread.txt'), DEBATE_THREAD);
  writeFileSync(file('chat.txt'), SMALL_TALK);
  writeFileSync(file('empty.json'), '{"messages": []}');
  writeFileSync(file('broken.json'), '{"messages": [\n  {"author": "a", "text": "x"},\n]}');
  writeFileSync(file('latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  writeFileSync(
    file('thread.json'),
    JSON.stringify({
      messages: [
        { author: 'alice', text: 'Goals randomly permute with every serial step, so misalignment grows.' },
        { author: 'bob', text: 'No, value change is directable by training data.', replyTo: 0 },
        { author: 'carol', text: "I'd put 70% on drift being directable. I think the crux is whether values crystallize early." },
      ],
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(fn: typeof summarizeFile, args: string[]) {
  let out = '';
  let err = '';
  const code = await fn(args, { out: (t) => (out += t), err: (t) => (err += t), color: false });
  return { code, out, err };
}

describe('cruxbot extract <file> --json', () => {
  it('prints {messages, claims, relations}; every claim is a verbatim substring of its message', async () => {
    const { code, out } = await run(extractFile, [file('thread.json'), '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      messages: { index: number; author: string; text: string }[];
      claims: { id: string; text: string; author: string; message: number; kind: string; credence?: number }[];
      relations: { from: string; to: string; kind: string }[];
    };
    expect(json.messages.map((m) => m.author)).toEqual(['alice', 'bob', 'carol']);
    for (const claim of json.claims) {
      expect(json.messages[claim.message]!.text).toContain(claim.text);
      expect(['claim', 'premise', 'crux']).toContain(claim.kind);
    }
    expect(json.claims.find((c) => c.credence !== undefined)).toMatchObject({ author: 'carol', credence: 0.7 });
    expect(json.claims.find((c) => c.kind === 'crux')?.text).toBe('I think the crux is whether values crystallize early.');
    const ids = new Set(json.claims.map((c) => c.id));
    for (const r of json.relations) {
      expect(ids.has(r.from) && ids.has(r.to)).toBe(true);
      expect(['supports', 'opposes', 'agrees', 'disagrees', 'crux-of']).toContain(r.kind);
    }
    expect(json.relations.some((r) => r.kind === 'disagrees')).toBe(true);
  });

  it('without --json lists claims and relations as text', async () => {
    const { code, out } = await run(extractFile, [file('thread.txt')]);
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+ claims and \d+ relations in 10 messages/);
    expect(out).toMatch(/c\d+ +crux +#7 +carol +I think the crux might be/);
  });
});

describe('cruxbot summarize <file>', () => {
  it('prints the summary as text, without buttons', async () => {
    const { code, out } = await run(summarizeFile, [file('thread.txt')]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Thread summary · 10 messages, 5 people/);
    expect(out).toContain('Explicit cruxes');
    expect(out).toContain('e-9');
    expect(out).not.toMatch(/Add all|buttons/);
  });

  it('says when a file has nothing argumentative', async () => {
    const { code, out } = await run(summarizeFile, [file('chat.txt')]);
    expect(code).toBe(0);
    expect(out).toMatch(/found no argumentative content/);
  });

  it.each([
    [[], /give the thread file/],
    [['missing.txt'], /there is no file at .*missing\.txt/],
    [['empty.json'], /has no messages: the thread is empty/],
    [['broken.json'], /The thread is not valid JSON/],
    [['latin1.txt'], /is not UTF-8 text/],
  ])('refuses %j with a message and exit code 1', async (args, message) => {
    const { code, err, out } = await run(
      summarizeFile,
      (args as string[]).map((a) => file(a)),
    );
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^cruxbot: /);
    expect(err).toMatch(message);
  });
});

describe('the cruxbot command', () => {
  it('runs extract from the shell and exits 1 on a missing file', async () => {
    const bin = resolve(import.meta.dirname, '../../bin/cruxbot.js');
    const exec = promisify(execFile);
    const ok = await exec(process.execPath, [bin, 'extract', file('thread.json'), '--json']);
    expect(JSON.parse(ok.stdout).claims.length).toBeGreaterThan(0);
    await expect(exec(process.execPath, [bin, 'extract', file('nope.txt')])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/no file at/),
    });
  });
});
