import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Logger } from '../core/logger.ts';
import { analyseThread, type ThreadAnalysis } from '../domain/threads/extract.ts';
import type { ExtractedClaim, ExtractedRelation, ThreadMessage } from '../domain/threads/thread.ts';

/**
 * An optional language model behind the same interface as the heuristics: any OpenAI-compatible
 * `chat/completions` endpoint (CRUXBOT_LLM_BASE_URL, _API_KEY, _MODEL) is asked for the thread's claims
 * and relations as JSON, checked with zod, and every claim must be a verbatim substring of its message.
 * On a timeout, an HTTP error, or an answer that does not fit, the heuristics' result stands.
 */

export interface LlmSettings {
  readonly baseUrl: string;
  readonly apiKey?: string;
  readonly model: string;
  readonly timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;
/** Longer threads are not sent: the answer would not come back within the time a reply may take. */
const MAX_PROMPT_CHARS = 60_000;

export function llmSettings(config: Config, timeoutMs = DEFAULT_TIMEOUT_MS): LlmSettings | undefined {
  if (!config.CRUXBOT_LLM_BASE_URL || !config.CRUXBOT_LLM_MODEL) return undefined;
  return {
    baseUrl: config.CRUXBOT_LLM_BASE_URL.replace(/\/+$/, ''),
    model: config.CRUXBOT_LLM_MODEL,
    timeoutMs,
    ...(config.CRUXBOT_LLM_API_KEY ? { apiKey: config.CRUXBOT_LLM_API_KEY } : {}),
  };
}

const AnswerSchema = z.object({
  claims: z
    .array(
      z.object({
        message: z.number().int().min(0),
        text: z.string().min(1).max(2000),
        kind: z.enum(['claim', 'premise', 'crux']),
        credence: z.number().min(0).max(1).optional(),
      }),
    )
    .max(500),
  relations: z
    .array(
      z.object({
        from: z.number().int().min(0),
        to: z.number().int().min(0),
        kind: z.enum(['supports', 'opposes', 'agrees', 'disagrees', 'crux-of']),
      }),
    )
    .max(1000),
});
type Answer = z.infer<typeof AnswerSchema>;

const INSTRUCTIONS = `You read a debate thread and list its argumentative units. Answer with one JSON object:
{"claims": [{"message": <index of the message>, "text": <an exact, verbatim substring of that message>, "kind": "claim" | "premise" | "crux", "credence"?: <a probability the author states, 0 to 1>}],
 "relations": [{"from": <index into claims>, "to": <index into claims>, "kind": "supports" | "opposes" | "agrees" | "disagrees" | "crux-of"}]}
A claim is a position someone could dispute; a premise is a reason or example given for a claim; a crux is a sentence that names what the disagreement turns on.
Relations inside a message: a premise "supports" the claim it backs. Relations across messages (reply relations): a unit of a later message that answers a unit of an earlier one "agrees" with it or "disagrees" with it (or "supports"/"opposes" it when it gives a reason for or against); a message answers the one it replies to, quotes (lines starting ">"), or names with @.
Copy each text exactly as written, one sentence or clause. Leave out greetings, thanks, quotes of others and questions that assert nothing.`;

export type Fetch = typeof fetch;

/** The model's claims and relations, or undefined (with a warning logged) when it cannot be used. */
export async function askModel(
  messages: readonly ThreadMessage[],
  settings: LlmSettings,
  log: Logger,
  fetchImpl: Fetch = fetch,
): Promise<Answer | undefined> {
  const thread = JSON.stringify(messages.map((m) => ({ index: m.index, author: m.author || 'unknown', text: m.text })));
  if (thread.length > MAX_PROMPT_CHARS) {
    log.info({ chars: thread.length }, 'thread too long for the language model; using the heuristics');
    return undefined;
  }
  try {
    const response = await fetchImpl(`${settings.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}) },
      body: JSON.stringify({
        model: settings.model,
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: INSTRUCTIONS },
          { role: 'user', content: thread },
        ],
      }),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    if (!response.ok) {
      log.warn({ status: response.status }, 'language model answered with an error; using the heuristics');
      return undefined;
    }
    const body = (await response.json()) as { choices?: { message?: { content?: unknown } }[] };
    const content = body.choices?.[0]?.message?.content;
    const parsed = AnswerSchema.safeParse(typeof content === 'string' ? JSON.parse(content) : undefined);
    if (!parsed.success) {
      log.warn({ issue: parsed.error.issues[0]?.message }, 'language model answer has the wrong shape; using the heuristics');
      return undefined;
    }
    return parsed.data;
  } catch (error) {
    log.warn({ err: (error as Error).message }, 'language model failed; using the heuristics');
    return undefined;
  }
}

/**
 * The heuristic analysis with the model's claims and relations in place of its own. A claim that is not
 * a verbatim substring of its message, or that lies in a quote or a repeat, is dropped; so is a relation
 * to a dropped claim.
 */
export function withModelClaims(analysis: ThreadAnalysis, answer: Answer): ThreadAnalysis {
  const claims: ExtractedClaim[] = [];
  const idOf = new Map<number, string>();
  answer.claims.forEach((c, i) => {
    const message = analysis.messages[c.message];
    const text = c.text.trim();
    const at = message ? message.text.indexOf(text) : -1;
    if (!message || !text || at === -1) return;
    const sentence = analysis.sentences.find((s) => s.message === c.message && at >= s.start && at < s.end);
    if (!sentence || sentence.quote || analysis.sources.has(sentence.id)) return;
    const reading = analysis.readings[sentence.id]!;
    const occurrences = new Set([c.message]);
    for (const [id, source] of analysis.sources) if (source === sentence.id) occurrences.add(analysis.sentences[id]!.message);
    const credence =
      reading.credence ?? (c.credence !== undefined ? { value: c.credence, written: String(c.credence), doubted: false } : undefined);
    const id = `c${claims.length + 1}`;
    idOf.set(i, id);
    claims.push({
      id,
      text,
      author: message.author,
      message: c.message,
      sentence: sentence.id,
      kind: c.kind,
      ...(credence ? { credence } : {}),
      occurrences: [...occurrences].sort((a, b) => a - b),
      score: Math.max(reading.score, 0.5),
      marksCrux: c.kind === 'crux' || reading.crux.crux,
      notCrux: reading.crux.notCrux,
    });
  });
  const relations: ExtractedRelation[] = answer.relations.flatMap((r) => {
    const from = idOf.get(r.from);
    const to = idOf.get(r.to);
    return from && to && from !== to ? [{ from, to, kind: r.kind }] : [];
  });
  return { ...analysis, claims, relations };
}

/** The thread analysed by the model when one is configured and answers well, else by the heuristics. */
export async function analyseWithModel(
  messages: readonly ThreadMessage[],
  settings: LlmSettings | undefined,
  log: Logger,
  fetchImpl: Fetch = fetch,
): Promise<{ analysis: ThreadAnalysis; by: 'model' | 'heuristics' }> {
  const analysis = analyseThread(messages);
  if (!settings) return { analysis, by: 'heuristics' };
  const answer = await askModel(messages, settings, log, fetchImpl);
  if (!answer) return { analysis, by: 'heuristics' };
  const merged = withModelClaims(analysis, answer);
  // An answer none of whose claims survive the checks is no answer.
  return merged.claims.length ? { analysis: merged, by: 'model' } : { analysis, by: 'heuristics' };
}
