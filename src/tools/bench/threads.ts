import { chooseCandidates } from '../../domain/threads/candidates.ts';
import { analyseThread } from '../../domain/threads/extract.ts';
import { summarizeThread } from '../../domain/threads/summary.ts';
import type { ThreadMessage } from '../../domain/threads/thread.ts';
import { ms, perSecond } from './measure.ts';
import type { BenchSuite } from './types.ts';

/**
 * Thread extraction on a long synthetic debate (10,000 messages by 40 people: claims, reasons, quotes,
 * re-pasted paragraphs, credences, cruxes), beside the floor: cutting the same text into sentences
 * with Intl.Segmenter and nothing else.
 */
export function syntheticThread(count: number, seed = 7): ThreadMessage[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const subjects = [
    'goal drift',
    'value change',
    'reward seeking',
    'specification gaming',
    'an objection channel',
    'self-training',
    'crystallization',
    'serial reasoning',
  ];
  const claims = [
    'is mostly random',
    'is directable by training data',
    'generalizes better than it looks',
    'is unlikely to emerge',
    'detects hidden misalignment',
    'grows with every serial step',
  ];
  const openers = ['I think', 'No,', 'I agree that', 'It seems likely that', 'I doubt that', 'My key claim is that'];
  const reasons = [
    'because the data keeps correcting it',
    'since nobody checks the latent reasoning',
    'for example in toy settings',
    'as we saw with broken scorers',
  ];
  const messages: ThreadMessage[] = [];
  for (let i = 0; i < count; i++) {
    let text = `${pick(openers)} ${pick(subjects)} ${pick(claims)}, ${pick(reasons)}. ${pick(subjects)} ${pick(claims)} in case ${i % 97}.`;
    if (i % 50 === 0) text += ` I'd put ${10 + (i % 80)}% on ${pick(subjects)} mattering most.`;
    if (i % 70 === 0) text += ` I think the crux might be whether ${pick(subjects)} ${pick(claims)}.`;
    if (i > 0 && i % 9 === 0) text = `> ${messages[i - 1]!.text.split('. ')[0]}\n${text}`;
    if (i > 10 && i % 23 === 0) text = messages[i - 7]!.text;
    messages.push({
      index: i,
      id: `m${i}`,
      author: `person${Math.floor(next() * 40)}`,
      text,
      ...(i > 0 && i % 4 === 0 ? { replyTo: i - 1 } : {}),
    });
  }
  return messages;
}

export const threadsBench: BenchSuite = {
  name: 'threads',
  async run({ quick }) {
    const count = quick ? 2_000 : 10_000;
    const thread = syntheticThread(count);
    analyseThread(thread.slice(0, 200)); // warm up the regular expressions and the segmenter

    const start = performance.now();
    const analysis = analyseThread(thread);
    const extraction = performance.now() - start;

    const summaryStart = performance.now();
    const summary = summarizeThread(analysis);
    chooseCandidates(analysis, summary);
    const summaryTime = performance.now() - summaryStart;

    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    const floorStart = performance.now();
    let sentences = 0;
    for (const message of thread) for (const _ of segmenter.segment(message.text)) sentences++;
    const floor = performance.now() - floorStart;

    return [
      {
        case: `extract claims and relations from a ${count.toLocaleString('en-US')}-message thread`,
        value: `${perSecond(count, extraction).replace('/s', ' messages/s')} (${ms(extraction)}; ${analysis.claims.length.toLocaleString('en-US')} claims, ${analysis.relations.length.toLocaleString('en-US')} relations)`,
        floor: `Intl.Segmenter sentences only: ${perSecond(count, floor).replace('/s', ' messages/s')} (${ms(floor)}, ${sentences.toLocaleString('en-US')} sentences)`,
      },
      { case: `summary and candidates on top (debates, positions, key claims)`, value: ms(summaryTime) },
    ];
  },
};
