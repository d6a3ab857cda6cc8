import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../../src/domain/threads/boilerplate.ts';
import { segmentMessage } from '../../../src/domain/threads/sentences.ts';

const sentences = (text: string) => segmentMessage(text).spans.map((s) => ({ text: text.slice(s.start, s.end), quote: s.quote }));
const texts = (text: string) => sentences(text).map((s) => s.text);

describe('cutting a message into sentences', () => {
  it('keeps every sentence a verbatim slice of the message', () => {
    const message = 'Agents game scorers.  They do!\nDo they? Yes.';
    for (const span of segmentMessage(message).spans)
      expect(message.slice(span.start, span.end)).toBe(message.slice(span.start, span.end).trim());
    expect(texts(message)).toEqual(['Agents game scorers.', 'They do!', 'Do they?', 'Yes.']);
  });

  it('does not break after abbreviations', () => {
    expect(texts('Dr. Smith agrees, e.g. on drift vs. data. Next sentence here.')).toEqual([
      'Dr. Smith agrees, e.g. on drift vs. data.',
      'Next sentence here.',
    ]);
  });

  it('splits a list written on one line, and list items on their own lines', () => {
    expect(
      texts('This happens under three conditions: - Goals permute at some rate. - Dangerous goals stay dangerous - It is opaque.'),
    ).toEqual(['This happens under three conditions:', 'Goals permute at some rate.', 'Dangerous goals stay dangerous', 'It is opaque.']);
    expect(texts('Two reasons:\n- data corrects drift\n- drift is slow')).toEqual(['Two reasons:', 'data corrects drift', 'drift is slow']);
  });

  it('joins a line that a mail client wrapped mid-sentence', () => {
    expect(texts('The agents were not trying to get\nhigh reward at all.')).toEqual([
      'The agents were not trying to get\nhigh reward at all.',
    ]);
  });

  it('splits a concession from its claim and a claim from its reason, but not inside a quotation', () => {
    expect(texts('I agree they are pliable, but my key claim is that data corrects them because change is symmetric.')).toEqual([
      'I agree they are pliable',
      'but my key claim is that data corrects them',
      'because change is symmetric.',
    ]);
    expect(texts('He wrote “it works, but only in toy settings with tiny models” yesterday.')).toHaveLength(1);
  });

  it('marks quoted lines, and leaves out the quote marker', () => {
    expect(sentences('> Goals drift randomly.\nI disagree with that.')).toEqual([
      { text: 'Goals drift randomly.', quote: true },
      { text: 'I disagree with that.', quote: false },
    ]);
  });
});

describe('boilerplate', () => {
  it('drops action bars, vote counts, signatures, link-only lines and moderator footnotes; keeps the words', () => {
    const lines = [
      'Drift is real.',
      'Reply · Share · Report · 12 points',
      '3 comments',
      'https://example.org/post/1',
      '[source](https://example.org/paper)',
      'Sent from my iPhone',
      '*Hello, users of CMV! This is a footnote from your moderators.',
      '> quoted words',
      '```',
      'code here',
      '```',
      '-- ',
      'Alice, PhD candidate',
    ];
    expect(classifyLines(lines)).toEqual([
      'content',
      'boilerplate',
      'boilerplate',
      'link',
      'link',
      'boilerplate',
      'boilerplate',
      'quote',
      'code',
      'code',
      'code',
      'boilerplate',
      'boilerplate',
    ]);
    expect(texts('Drift is real.\nReply · Share · Report\nhttps://example.org/x\n-- \nAlice')).toEqual(['Drift is real.']);
  });
});

describe('sentence boundaries that would cut a claim', () => {
  it('does not end a sentence at a "?" or "." inside a link', () => {
    expect(texts('According to https://example.com/r?id=5&x=2 the rate doubled. Then it fell.')).toEqual([
      'According to https://example.com/r?id=5&x=2 the rate doubled.',
      'Then it fell.',
    ]);
    expect(texts('See www.example.org/a.b?q=1 for the survey. It is short.')).toEqual([
      'See www.example.org/a.b?q=1 for the survey.',
      'It is short.',
    ]);
  });

  it('keeps a date and initials inside their sentence: "Jan. 2024.", "U.S. economy"', () => {
    expect(texts('Prices peaked in Jan. 2024. Then they fell.')).toEqual(['Prices peaked in Jan. 2024.', 'Then they fell.']);
    expect(texts('The U.S. economy grew. It slowed later.')).toEqual(['The U.S. economy grew.', 'It slowed later.']);
  });
});
