import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { parseJsonThread } from '../../src/domain/threads/input.ts';
import { analyseWithModel, llmSettings, type LlmSettings } from '../../src/llm/thread-extractor.ts';

const THREAD = parseJsonThread(
  JSON.stringify({
    messages: [
      { author: 'alice', text: 'Goals randomly permute with every serial step. So misalignment grows over time.' },
      {
        author: 'bob',
        text: 'No, value change is directable by training data. I think the crux is whether values crystallize early.',
        replyTo: 0,
      },
    ],
  }),
);

/** A local stand-in for an OpenAI-compatible endpoint: records requests, answers as told. */
let server: Server | undefined;
const requests: { url?: string; auth?: string; body: Record<string, unknown> }[] = [];
/** `timeoutMs`: short only where the model is meant to hang; a loaded CI machine must not turn an answer into a timeout. */
async function fakeModel(
  answer: (req: IncomingMessage) => { status: number; body: unknown } | 'hang',
  timeoutMs = 15_000,
): Promise<LlmSettings> {
  requests.length = 0;
  server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    requests.push({ url: req.url, auth: req.headers.authorization, body: JSON.parse(raw) });
    const reply = answer(req);
    if (reply === 'hang') return; // never answers: the client's timeout must end it
    res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return llmSettings(
    loadConfig({
      DATABASE_PATH: ':memory:',
      CRUXBOT_LLM_BASE_URL: `http://127.0.0.1:${port}/v1/`,
      CRUXBOT_LLM_API_KEY: 'sk-test',
      CRUXBOT_LLM_MODEL: 'tiny',
    }),
    timeoutMs,
  )!;
}
afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

const chat = (content: unknown) => ({
  status: 200,
  body: { choices: [{ message: { role: 'assistant', content: JSON.stringify(content) } }] },
});

describe('a language model behind the same interface', () => {
  it('is used only when a base URL and a model are configured', () => {
    expect(llmSettings(loadConfig({ DATABASE_PATH: ':memory:' }))).toBeUndefined();
    expect(llmSettings(loadConfig({ DATABASE_PATH: ':memory:', CRUXBOT_LLM_BASE_URL: 'http://127.0.0.1:9/v1' }))).toBeUndefined();
  });

  it('asks for JSON with the thread, and keeps the verbatim claims and their relations; an invented quote is dropped', async () => {
    const settings = await fakeModel(() =>
      chat({
        claims: [
          { message: 0, text: 'Goals randomly permute with every serial step.', kind: 'claim' },
          { message: 1, text: 'value change is directable by training data.', kind: 'claim', credence: 0.8 },
          { message: 1, text: 'Values never change at all.', kind: 'claim' },
          { message: 1, text: 'I think the crux is whether values crystallize early.', kind: 'crux' },
        ],
        relations: [
          { from: 1, to: 0, kind: 'disagrees' },
          { from: 2, to: 0, kind: 'opposes' },
          { from: 3, to: 0, kind: 'crux-of' },
        ],
      }),
    );
    const { analysis, by } = await analyseWithModel(THREAD, settings, silentLogger);
    expect(by).toBe('model');
    expect(requests[0]).toMatchObject({
      url: '/v1/chat/completions',
      auth: 'Bearer sk-test',
      body: { model: 'tiny', response_format: { type: 'json_object' } },
    });
    expect(JSON.stringify(requests[0]!.body.messages)).toContain('Goals randomly permute');
    expect(analysis.claims.map((c) => [c.id, c.text, c.author, c.kind])).toEqual([
      ['c1', 'Goals randomly permute with every serial step.', 'alice', 'claim'],
      ['c2', 'value change is directable by training data.', 'bob', 'claim'],
      ['c3', 'I think the crux is whether values crystallize early.', 'bob', 'crux'],
    ]);
    expect(analysis.claims[1]!.credence?.value).toBe(0.8);
    expect(analysis.relations).toEqual([
      { from: 'c2', to: 'c1', kind: 'disagrees' },
      { from: 'c3', to: 'c1', kind: 'crux-of' },
    ]);
  });

  it.each([
    ['an HTTP error', () => ({ status: 500, body: { error: 'overloaded' } })],
    ['an answer of the wrong shape', () => chat({ claims: [{ message: 'first', text: 'x' }] })],
    ['content that is not JSON', () => ({ status: 200, body: { choices: [{ message: { content: 'Sure! Here are the claims:' } }] } })],
    [
      'no claim that is really in the thread',
      () => chat({ claims: [{ message: 0, text: 'Something nobody said.', kind: 'claim' }], relations: [] }),
    ],
    ['no answer before the timeout', () => 'hang' as const],
  ])('falls back to the heuristics on %s', async (_case, answer) => {
    const settings = await fakeModel(answer, _case === 'no answer before the timeout' ? 300 : undefined);
    const { analysis, by } = await analyseWithModel(THREAD, settings, silentLogger);
    expect(by).toBe('heuristics');
    expect(analysis.claims.some((c) => /directable by training data/.test(c.text))).toBe(true);
    expect(requests).toHaveLength(1);
  });
});
