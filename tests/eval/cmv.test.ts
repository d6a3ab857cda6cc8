import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseThread } from '../../src/domain/threads/extract.ts';
import { parseJsonThread } from '../../src/domain/threads/input.ts';
import { loadCmvThreads } from '../../src/tools/eval/cmv.ts';
import { f1, matchUnits, precision, recall, wordSet } from '../../src/tools/eval/match.ts';
import { everySentenceAsClaims, halfOf, scoreThread, toThreadJson, withTrivialRelations } from '../../src/tools/eval/score.ts';

/**
 * A thread written for this test in the annotated data set's format: `N.txt`, `N.metadata` with turns
 * as UTF-8 byte ranges, and `N.ann` spans (byte offsets too) and relations. The curly quotes and the
 * accented letter make byte and string offsets differ, as in the real files.
 */
let dir: string;
const TITLE = 'CMV: Café owners’ tips are theft.';
const POST = '\n\nI think tips let owners pay less. For example, my café pays €2 an hour.\n';
const REPLY = '\nNo, tips are a choice customers make. Nobody forces anyone to tip.\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-cmv-'));
  const text = TITLE + POST + REPLY;
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  const at = (needle: string) => bytes(text.slice(0, text.indexOf(needle)));
  const span = (needle: string) => `${at(needle)} ${at(needle) + bytes(needle)}\t${needle}`;
  const titleEnd = bytes(TITLE);
  const postEnd = titleEnd + bytes(POST);
  writeFileSync(join(dir, '4.txt'), text);
  writeFileSync(
    join(dir, '4.metadata'),
    [
      `Title 0 ${titleEnd} `,
      'Source http://example.org ',
      `Content op1 owen ${titleEnd} ${postEnd} `,
      `Content r1 rita ${postEnd} ${bytes(text)} `,
      'Delta Yes',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, '4.ann'),
    [
      `T1\tmain_claim ${span('Café owners’ tips are theft.')}`,
      `T2\tclaim ${span('I think tips let owners pay less.')}`,
      `T3\tpremise ${span('my café pays €2 an hour.')}`,
      `T4\tclaim ${span('tips are a choice customers make.')}`,
      `T5\tpremise ${span('Nobody forces anyone to tip.')}`,
      'A1\tType1 T1 interpretation',
      'R1\tsupport Arg1:T2 Arg2:T1',
      'R2\tsupport Arg1:T3 Arg2:T2',
      'R3\trebuttal Arg1:T4 Arg2:T2',
      'R4\tsupport Arg1:T5 Arg2:T4',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, '5.txt'), 'no metadata or annotation: skipped');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading the annotated threads', () => {
  it('slices spans and turns by UTF-8 byte offsets, and makes the title and post one message', () => {
    const [thread, ...rest] = loadCmvThreads(dir);
    expect(rest).toEqual([]);
    expect(thread!.turns.map((t) => t.author)).toEqual(['owen', 'rita']);
    expect(thread!.turns[0]!.text.startsWith('CMV: Café owners’ tips are theft.\n\n')).toBe(true);
    expect(thread!.spans.map((s) => [s.id, s.kind, s.text, s.turn])).toEqual([
      ['T1', 'main_claim', 'Café owners’ tips are theft.', 0],
      ['T2', 'claim', 'I think tips let owners pay less.', 0],
      ['T3', 'premise', 'my café pays €2 an hour.', 0],
      ['T4', 'claim', 'tips are a choice customers make.', 1],
      ['T5', 'premise', 'Nobody forces anyone to tip.', 1],
    ]);
    expect(thread!.relations.map((r) => r.polarity)).toEqual(['support', 'support', 'attack', 'support']);
    // The files do not say which turn answers which, so the extractor is given no reply-to.
    expect(JSON.parse(toThreadJson(thread!)).messages[1]).toEqual({ author: 'rita', text: REPLY });
  });

  it('scores the extractor: claims matched on half the gold words, units, and the polarity of matched relations', () => {
    const [thread] = loadCmvThreads(dir);
    const tally = scoreThread(thread!, analyseThread(parseJsonThread(toThreadJson(thread!))));
    expect(tally.claims.gold).toBe(3);
    expect(tally.claims.tp).toBeGreaterThanOrEqual(2);
    expect(tally.units.gold).toBe(5);
    expect(tally.relationsGold).toBe(4);
    expect(tally.polarityCorrect).toBeLessThanOrEqual(tally.relationsFound);
  });

  it('counts every emitted unit as a claim prediction, and every gold relation in the relation recall', () => {
    const [thread] = loadCmvThreads(dir);
    const analysis = analyseThread(parseJsonThread(toThreadJson(thread!)));
    const tally = scoreThread(thread!, analysis);
    expect(tally.claims.predicted).toBe(analysis.claims.length);
    expect(tally.units.predicted).toBe(analysis.claims.length);
    expect(tally.relations.gold).toBe(4);
    expect(tally.relations.predicted).toBe(analysis.relations.filter((r) => r.kind !== 'crux-of').length);
    expect(tally.crossRelations.gold).toBe(1);
  });

  it('scores the every-sentence floor with the trivial relations: later units support the first, a first opposes the last message', () => {
    const [thread] = loadCmvThreads(dir);
    const floor = withTrivialRelations(everySentenceAsClaims(analyseThread(parseJsonThread(toThreadJson(thread!)))));
    const text = (id: string) => floor.claims.find((c) => c.id === id)!.text;
    expect(floor.relations.map((r) => [text(r.from), r.kind, text(r.to)])).toContainEqual([
      'No, tips are a choice customers make.',
      'opposes',
      'CMV: Café owners’ tips are theft.',
    ]);
    const tally = scoreThread(thread!, floor);
    // Found: T2 supports T1, T5 supports T4. Missed: T3 supports T2 and T4 rebuts T2 (the baseline always points at a first unit).
    expect(tally.relations.tp).toBe(2);
    expect(tally.relations.predicted).toBe(floor.relations.length);
  });
});

describe('the fixed split', () => {
  it('puts a thread in the same half every time, by its name alone, and fills both halves', () => {
    const names = Array.from({ length: 60 }, (_, i) => String(i));
    const halves = names.map(halfOf);
    expect(names.map(halfOf)).toEqual(halves);
    expect(halves.filter((h) => h === 'tune').length).toBeGreaterThan(15);
    expect(halves.filter((h) => h === 'report').length).toBeGreaterThan(15);
  });
});

describe('matching predicted claims to gold spans', () => {
  const unit = (key: string, text: string, turn = 0) => ({ key, turn, words: wordSet(text) });

  it('needs half the gold words, in the same message; each span goes once, to the closest prediction', () => {
    const gold = [unit('T1', 'tips let owners pay less'), unit('T2', 'nobody forces anyone to tip')];
    const predicted = [
      unit('c1', 'I think tips let owners pay less than they should'),
      unit('c2', 'tips let owners'),
      unit('c3', 'nobody forces anyone to tip', 1),
    ];
    // c1 and c2 both hold half of T1's words; c2 is the closer fit (3 of its 3 words). c3 is in another message.
    expect([...matchUnits(predicted, gold)]).toEqual([['T1', 'c2']]);
    expect([...matchUnits([predicted[0]!], gold)]).toEqual([['T1', 'c1']]);
    expect([...matchUnits([unit('c9', 'a b c d e f g h i j k l tips let owners pay less')], gold, { strict: true })]).toEqual([]);
  });

  it('computes precision, recall and F1, and zero when there is nothing', () => {
    expect([precision({ tp: 2, predicted: 4, gold: 8 }), recall({ tp: 2, predicted: 4, gold: 8 })]).toEqual([0.5, 0.25]);
    expect(f1({ tp: 2, predicted: 4, gold: 8 })).toBeCloseTo(1 / 3, 10);
    expect(f1({ tp: 0, predicted: 0, gold: 0 })).toBe(0);
  });
});
