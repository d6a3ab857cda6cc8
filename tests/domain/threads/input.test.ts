import { describe, expect, it } from 'vitest';
import { detectFormat, parseJsonThread, parsePlainThread, parseThread } from '../../../src/domain/threads/input.ts';

describe('a JSON thread', () => {
  it('GIVEN {messages: [{author, text, ts?, replyTo?}]} THEN each message keeps its author, text, time and the message it answers', () => {
    const messages = parseJsonThread(
      JSON.stringify({
        messages: [
          { author: 'alice', text: 'Agents game broken scorers.', ts: '2026-11-20T10:00:00Z' },
          { author: 'bob', text: 'No, they were being clever.', ts: 1763632860, replyTo: 0 },
          { id: 'x9', author: 'carol', text: 'Both can be true.' },
          { author: 'dave', text: 'Agreed.', replyTo: 'x9' },
        ],
      }),
    );
    expect(messages.map((m) => [m.index, m.author, m.text, m.replyTo])).toEqual([
      [0, 'alice', 'Agents game broken scorers.', undefined],
      [1, 'bob', 'No, they were being clever.', 0],
      [2, 'carol', 'Both can be true.', undefined],
      [3, 'dave', 'Agreed.', 2],
    ]);
    expect(messages[0]!.at?.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(messages[1]!.at?.toISOString()).toBe('2025-11-20T10:01:00.000Z');
  });

  it('accepts a bare array of messages', () => {
    expect(parseJsonThread('[{"author": "a", "text": "hello there"}]')).toHaveLength(1);
  });

  it('names what is wrong: bad JSON, a wrong shape, a reply to a later message, a bad time', () => {
    expect(() => parseJsonThread('{"messages": [')).toThrow(/not valid JSON/);
    expect(() => parseJsonThread('{"msgs": []}')).toThrow(/expected shape .*messages: .*expected array/);
    expect(() => parseJsonThread('{"messages": [{"author": 3, "text": "x"}]}')).toThrow(/messages\[0\]\.author/);
    expect(() => parseJsonThread('{"messages": [{"author": "a", "text": "x", "replyTo": 0}]}')).toThrow(
      /messages\[0\]\.replyTo: 0 is not an earlier message/,
    );
    expect(() => parseJsonThread('{"messages": [{"author": "a", "text": "x", "ts": "soon"}]}')).toThrow(
      /messages\[0\]\.ts: "soon" is not a time/,
    );
  });
});

describe('a plain-text thread', () => {
  it('GIVEN `author:` prefixes THEN each prefix starts a message and the lines after it belong to it', () => {
    const messages = parsePlainThread(
      'alice: Agents game scorers.\nThey did at my lab.\n\nbob: No, they were being clever.\nNote: this is a note.',
    );
    expect(messages.map((m) => [m.author, m.text])).toEqual([
      ['alice', 'Agents game scorers.\nThey did at my lab.'],
      ['bob', 'No, they were being clever.\nNote: this is a note.'],
    ]);
  });

  it('GIVEN no prefixes THEN blank lines separate messages', () => {
    const messages = parsePlainThread('First message,\nstill first.\n\nSecond message.\n\n\nThird.');
    expect(messages.map((m) => m.text)).toEqual(['First message,\nstill first.', 'Second message.', 'Third.']);
    expect(messages.every((m) => m.author === '')).toBe(true);
  });

  it('GIVEN a web export with one message per line THEN list items and the answer under a quote stay with their message', () => {
    const messages = parsePlainThread(
      'It happens under two conditions:\n- goals permute\n- nobody notices\n> I do not understand what this means.\nWhat I mean is that goals change.\nAnother comment.',
    );
    expect(messages.map((m) => m.text)).toEqual([
      'It happens under two conditions:\n- goals permute\n- nobody notices',
      '> I do not understand what this means.\nWhat I mean is that goals change.',
      'Another comment.',
    ]);
  });

  it('is chosen by content or file name', () => {
    expect(detectFormat('  {"messages": []}')).toBe('json');
    expect(detectFormat('alice: hi', 'thread.json')).toBe('json');
    expect(detectFormat('alice: {not json}')).toBe('text');
    expect(parseThread('\uFEFFalice: hi\nbob: hello')).toHaveLength(2);
  });
});
