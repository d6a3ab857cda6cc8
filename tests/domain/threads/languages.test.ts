import { describe, expect, it } from 'vitest';
import { analyseThread, extractionJson } from '../../../src/domain/threads/extract.ts';
import { parseJsonThread } from '../../../src/domain/threads/input.ts';
import { languageName, otherLanguageOf } from '../../../src/domain/threads/language.ts';
import { summarizeThread } from '../../../src/domain/threads/summary.ts';
import { nothingArguedReply, summaryReply } from '../../../src/views/thread-summary.ts';
import { renderReplyText } from '../../../src/platforms/console/render.ts';

const MIXED = parseJsonThread(
  JSON.stringify({
    messages: [
      { author: 'ana', text: 'Carbon taxes cut emissions faster than permits, because the price is known in advance.' },
      { author: 'luc', text: "Je ne suis pas d'accord, le prix des permis est plus stable que les taxes dans la pratique." },
      { author: 'kenji', text: '炭素税は排出量を減らすが、政治的に導入が難しいと思います。' },
      { author: 'ben', text: "C'est la vie, the market decides which firms survive the price." },
    ],
  }),
);

type Json = { messages: { index: number; lang?: string; captured?: boolean }[]; claims: { message: number; text: string }[] };

describe('messages in other languages', () => {
  it('are marked with their language in --json and not cut into claims; an English sentence with a French phrase is English', () => {
    const analysis = analyseThread(MIXED);
    const json = extractionJson(analysis) as Json;
    expect(json.messages.map((m) => [m.index, m.lang, m.captured])).toEqual([
      [0, undefined, undefined],
      [1, 'fr', false],
      [2, 'ja', false],
      [3, undefined, undefined],
    ]);
    const claimMessages = new Set(json.claims.map((c) => c.message));
    expect(claimMessages.has(1) || claimMessages.has(2)).toBe(false);
    expect(json.claims.some((c) => c.message === 3 && c.text.includes('the market decides'))).toBe(true);
    expect(analysis.stats.otherLanguages).toEqual(['fr', 'ja']);
  });

  it('are named in the summary as skipped', () => {
    const analysis = analyseThread(MIXED);
    const source = { messages: MIXED, origin: 'mixed.json' };
    const reply = summaryReply({ source, analysis, summary: summarizeThread(analysis), candidates: 3, links: analysis.relations.length });
    expect(renderReplyText(reply, { color: false, width: 120 })).toMatch(
      /2 messages in other languages left as they are \(French, Japanese\)/,
    );
  });

  it('a thread only in other languages says which, plainly', () => {
    const only = parseJsonThread(
      JSON.stringify({
        messages: [
          { author: 'a', text: 'Der Preis ist nicht stabil, weil die Politik sich auch ändert.' },
          { author: 'b', text: 'Цена на выбросы должна расти каждый год.' },
        ],
      }),
    );
    const analysis = analyseThread(only);
    expect(analysis.claims).toEqual([]);
    const text = renderReplyText(nothingArguedReply({ messages: only, origin: 'only.json' }, analysis), { color: false, width: 200 });
    expect(text).toMatch(/2 messages in other languages, which I leave as they are \((German, Russian|Russian, German)\)/);
  });

  it('are told apart by script first, then by function words', () => {
    expect(otherLanguageOf('El precio es más estable porque los permisos se venden con anticipación.')).toBe('es');
    expect(otherLanguageOf('Het is niet zo dat een belasting altijd werkt.')).toBe('nl');
    expect(otherLanguageOf('碳税比排放许可更有效。')).toBe('zh');
    expect(otherLanguageOf('탄소세가 더 효과적입니다.')).toBe('ko');
    expect(languageName('und')).toBe('an unrecognised language');
  });
});
