import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extractFile, summarizeFile } from '../../src/thread-files.ts';

/**
 * `cruxbot extract --llm` and `summarize --llm` against a local stand-in for an OpenAI-compatible
 * endpoint on 127.0.0.1: what the model says is used, but only what is verbatim in the thread.
 */

let dir: string;
const threadFile = () => join(dir, 'thread.json');
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-llm-cli-'));
  writeFileSync(
    threadFile(),
    JSON.stringify({
      messages: [
        { author: 'alice', text: 'Remote work makes teams slower. Reviews wait a day for an answer.' },
        { author: 'bob', text: 'No, our review times fell after we went remote. Written reviews are faster to give.', replyTo: 0 },
      ],
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let server: Server | undefined;
let prompts: string[] = [];
async function fakeModel(content: unknown, status = 200): Promise<Record<string, string>> {
  prompts = [];
  server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as { messages: { content: string }[] };
    prompts.push(body.messages.map((m) => m.content).join('\n'));
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify(status === 200 ? { choices: [{ message: { content: JSON.stringify(content) } }] } : { error: 'down' }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { CRUXBOT_LLM_BASE_URL: `http://127.0.0.1:${port}/v1`, CRUXBOT_LLM_MODEL: 'tiny' };
}
afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

async function run(fn: typeof extractFile, args: string[], env: Record<string, string>) {
  let out = '';
  let err = '';
  const code = await fn(args, { out: (t) => (out += t), err: (t) => (err += t), color: false }, env);
  return { code, out, err };
}

const ANSWER = {
  claims: [
    { message: 0, text: 'Remote work makes teams slower.', kind: 'claim' },
    { message: 0, text: 'Reviews wait a day for an answer.', kind: 'premise' },
    { message: 1, text: 'our review times fell after we went remote.', kind: 'claim' },
    // Not in the thread: the model made it up, so it is dropped, and so is the relation to it.
    { message: 1, text: 'Offices are obsolete.', kind: 'claim' },
  ],
  relations: [
    { from: 1, to: 0, kind: 'supports' },
    { from: 2, to: 0, kind: 'disagrees' },
    { from: 3, to: 0, kind: 'opposes' },
  ],
};

describe('cruxbot extract --llm', () => {
  it("uses the model's kinds and reply relations, keeping only text found verbatim in the thread", async () => {
    const env = await fakeModel(ANSWER);
    const { code, out, err } = await run(extractFile, [threadFile(), '--json', '--llm'], env);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { claims: { id: string; text: string; kind: string }[]; relations: { from: string; to: string; kind: string }[] };
    expect(json.claims.map((c) => [c.text, c.kind])).toEqual([
      ['Remote work makes teams slower.', 'claim'],
      ['Reviews wait a day for an answer.', 'premise'],
      ['our review times fell after we went remote.', 'claim'],
    ]);
    expect(json.relations).toEqual([
      { from: 'c2', to: 'c1', kind: 'supports' },
      { from: 'c3', to: 'c1', kind: 'disagrees' },
    ]);
    // The prompt asks for the same kinds and for reply relations, and carries the thread.
    expect(prompts[0]).toContain('"claim" | "premise" | "crux"');
    expect(prompts[0]).toMatch(/reply relations/i);
    expect(prompts[0]).toContain('our review times fell');
  });

  it('falls back to the heuristics, saying so, when the model answers with an error', async () => {
    const env = await fakeModel(undefined, 500);
    const { code, out, err } = await run(extractFile, [threadFile(), '--json', '--llm'], env);
    expect(code).toBe(0);
    expect(err).toMatch(/language model answered with an error/);
    expect(err).toMatch(/heuristics' claims/);
    const json = JSON.parse(out) as { claims: { text: string }[] };
    expect(json.claims.some((c) => c.text.includes('review times fell'))).toBe(true);
  });

  it('refuses --llm with no model configured, naming the settings and an example', async () => {
    const { code, out, err } = await run(extractFile, [threadFile(), '--llm'], {});
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/CRUXBOT_LLM_BASE_URL and CRUXBOT_LLM_MODEL/);
    expect(err).toMatch(/e\.g\. CRUXBOT_LLM_BASE_URL=http/);
  });

  it('refuses a base URL that is not a URL, naming it', async () => {
    const { code, err } = await run(extractFile, [threadFile(), '--llm'], { CRUXBOT_LLM_BASE_URL: 'localhost', CRUXBOT_LLM_MODEL: 'x' });
    expect(code).toBe(1);
    expect(err).toMatch(/--llm: .*CRUXBOT_LLM_BASE_URL/);
  });
});

describe('cruxbot summarize --llm', () => {
  it("summarizes from the model's claims", async () => {
    const env = await fakeModel(ANSWER);
    const { code, out, err } = await run(summarizeFile, [threadFile(), '--llm'], env);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(prompts).toHaveLength(1);
    expect(out).toContain('Remote work makes teams slower');
    expect(out).not.toContain('Offices are obsolete');
  });
});
