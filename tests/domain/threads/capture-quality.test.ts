import { describe, expect, it } from 'vitest';
import { readableText } from '../../../src/domain/threads/clean.ts';
import { analyseThread, isBot } from '../../../src/domain/threads/extract.ts';
import { parseJsonThread, parseThread } from '../../../src/domain/threads/input.ts';
import { looksEnglish } from '../../../src/domain/threads/language.ts';
import { isQuestion, stanceOf } from '../../../src/domain/threads/markers.ts';
import { segmentMessage } from '../../../src/domain/threads/sentences.ts';

/** The failure patterns seen on threads the extractor had never seen, each on text written for the test. */

type Analysis = ReturnType<typeof analyseThread>;
const thread = (...messages: { author?: string; text: string; replyTo?: number }[]) =>
  analyseThread(parseJsonThread(JSON.stringify({ messages: messages.map((m) => ({ author: 'someone', ...m })) })));
const claimTexts = (a: Analysis) => a.claims.map((c) => c.text);
const texts = (text: string) => segmentMessage(text).spans.map((s) => text.slice(s.start, s.end));
const link = (a: Analysis, from: RegExp, to: RegExp) => {
  const f = a.claims.find((c) => from.test(c.text));
  const t = a.claims.find((c) => to.test(c.text));
  return f && t ? a.relations.find((r) => (r.from === f.id && r.to === t.id) || (r.from === t.id && r.to === f.id))?.kind : undefined;
};

describe('claim text is the words, not their markup', () => {
  it('decodes HTML entities and takes markdown off, keeping each claim a slice of the message it shows', () => {
    const a = thread({ text: 'It&#8217;s clear that **carbon markets** fail &amp; [a tax](https://example.org/tax?a=1&b=2) is needed.' });
    expect(claimTexts(a)).toEqual(['It’s clear that carbon markets fail & a tax is needed.']);
    for (const c of a.claims) expect(a.messages[c.message]!.text).toContain(c.text);
  });

  it('leaves code alone, and an underscore inside a name', () => {
    expect(readableText('Use `a**b**c` here.\n```\nx = **y**\n```\nsnake_case_name stays')).toBe(
      'Use `a**b**c` here.\n```\nx = **y**\n```\nsnake_case_name stays',
    );
    expect(readableText('&amp;#8217; twice escaped, &bogus; kept')).toBe('’ twice escaped, &bogus; kept');
  });
});

describe('sentence boundaries that would cut a claim', () => {
  it('a link with "?", "&" or "//" stays inside its sentence', () => {
    expect(texts('Per https://data.example.net//v2/r?id=5&sort=asc the rate doubled. Then it fell.')).toEqual([
      'Per https://data.example.net//v2/r?id=5&sort=asc the rate doubled.',
      'Then it fell.',
    ]);
  });

  it('a reply that starts "No." or "Yes." is cut after it; "No. 5" is not', () => {
    expect(texts('No. That is not how tariffs work. Yes. They raise prices.')).toEqual([
      'No.',
      'That is not how tariffs work.',
      'Yes.',
      'They raise prices.',
    ]);
    expect(texts('See No. 5 in the list. It is short.')).toEqual(['See No. 5 in the list.', 'It is short.']);
  });

  it('keeps "e.g.", "U.S.", "Dr." and dates inside, and numbers with ranges and arrows whole', () => {
    expect(texts('Dr. Okafor said the U.S. rate fell in Feb. 2023, e.g. in Ohio. Next.')).toEqual([
      'Dr. Okafor said the U.S. rate fell in Feb. 2023, e.g. in Ohio.',
      'Next.',
    ]);
    expect(texts('Uptake went from 16–24% → 1.4–6% over 3.5 years. That is a collapse.')).toEqual([
      'Uptake went from 16–24% → 1.4–6% over 3.5 years.',
      'That is a collapse.',
    ]);
  });

  it('an emoji ends a sentence when a capitalised one follows, and is kept with its own', () => {
    expect(texts('The pilot worked 🎉 Costs fell by half. Nice 👍')).toEqual(['The pilot worked 🎉', 'Costs fell by half.', 'Nice 👍']);
  });

  it('markdown list items and code blocks: items are sentences, code is not', () => {
    expect(texts('Two points:\n\n1. Fees are too high.\n2. Nobody reads the terms.\n\n```\nlet a = 1. b = 2.\n```\nThat is all.')).toEqual([
      'Two points:',
      'Fees are too high.',
      'Nobody reads the terms.',
      'That is all.',
    ]);
  });

  it('German, Chinese and Japanese are cut where their sentences end', () => {
    expect(texts('Das ist gut. Frau Dr. Weber sagt das z. B. auch. Ende.')).toEqual(['Das ist gut.', 'Frau Dr. Weber sagt das z. B. auch.', 'Ende.']);
    expect(texts('税收不公平。它伤害穷人！真的吗？')).toEqual(['税收不公平。', '它伤害穷人！', '真的吗？']);
    expect(texts('この税は不公平です。貧しい人を傷つけます。')).toEqual(['この税は不公平です。', '貧しい人を傷つけます。']);
  });
});

describe('what is not a claim', () => {
  it('clause fragments cut from a sentence elsewhere are not claims', () => {
    const a = thread(
      { text: 'Agents will game any metric we set in practice.' },
      { author: 'other', text: "which seem plausible in future systems. that's another discussion. The real problem is lab incentives." },
    );
    expect(claimTexts(a)).toEqual(['Agents will game any metric we set in practice.', 'The real problem is lab incentives.']);
  });

  it('a sentence ending in a colon that introduces a result is kept, with the result', () => {
    const a = thread({ text: 'We followed through and donated the $4K as requested:\nThe receipt shows the transfer went through on Monday.' });
    expect(claimTexts(a).join(' ')).toContain('We followed through and donated the $4K as requested:');
  });

  it('a sign-post ending in a colon is not a claim', () => {
    const a = thread({ text: 'Here are my reasons:\n- Rents rose faster than wages in every city.' });
    expect(claimTexts(a)).toEqual(['Rents rose faster than wages in every city.']);
  });

  it('a rhetorical question that asserts can be a claim; a real question is not', () => {
    expect(isQuestion("Isn't it obvious that subsidies distort the market?")).toBe(false);
    expect(isQuestion('What do subsidies do to the market?')).toBe(true);
    expect(claimTexts(thread({ text: "Isn't it obvious that subsidies distort the market?" }))).toEqual([
      "Isn't it obvious that subsidies distort the market?",
    ]);
  });
});

describe('stance', () => {
  it.each([
    ["Right but that's not what I'm arguing.", 'disagree'],
    ["You're not wrong, but the data says otherwise.", 'disagree'],
    ['Yeah, right, like that would ever work.', 'disagree'],
    ['😂 No, that gets it backwards.', 'disagree'],
    ['Interesting idea, but no, the numbers say otherwise.', 'disagree'],
    ['I agree, the numbers are clear.', 'agree'],
  ])('%s → %s', (sentence, stance) => {
    expect(stanceOf(sentence)).toBe(stance);
  });

  it('a bare "I don\'t think so." is not the claim: the counter-claim after it opposes what it answers', () => {
    const a = thread(
      { author: 'ana', text: 'Carbon taxes reduce emissions effectively.' },
      { author: 'ben', text: "I don't think so. Carbon taxes mostly shift emissions abroad." },
    );
    expect(claimTexts(a)).toEqual(['Carbon taxes reduce emissions effectively.', 'Carbon taxes mostly shift emissions abroad.']);
    expect(link(a, /shift emissions abroad/, /reduce emissions/)).toBe('disagrees');
  });
});

describe('relations', () => {
  it("a list's items back the lead-in above the list, not the last item", () => {
    const a = thread({
      text: 'The plant should close this year.\n- Running costs are rising fast.\n- Demand for its output keeps falling.\n- Solar power is now cheaper than coal.',
    });
    expect(link(a, /Running costs/, /plant should close/)).toBe('supports');
    expect(link(a, /Demand for/, /plant should close/)).toBe('supports');
    expect(link(a, /Running costs/, /Solar power/)).toBeUndefined();
    expect(link(a, /Demand for/, /Solar power/)).toBeUndefined();
  });

  it('a quote of text that is not in the thread does not link the reply to an unrelated claim', () => {
    const a = thread(
      { author: 'ana', text: 'Electric buses cut city noise a great deal.' },
      { author: 'ben', text: 'Trams are quieter than buses anyway.' },
      {
        author: 'cy',
        text: '> Electric cars are quieter than buses, says the report.\nThat report measured cars at parking speed, which proves nothing.',
      },
    );
    const reply = a.claims.find((c) => /parking speed/.test(c.text))!;
    expect(a.relations.filter((r) => r.from === reply.id)).toEqual([]);
  });

  it('an @mention says whom a reply answers', () => {
    const a = thread(
      { author: 'dana', text: 'Four-day weeks raise output per hour.' },
      { author: 'eli', text: 'Office rents will keep rising next year.' },
      { author: 'fay', text: '@dana output per hour rises only when the slowest hours are cut.' },
    );
    expect(a.claims.find((c) => /slowest hours/.test(c.text))?.text).toBe('output per hour rises only when the slowest hours are cut.');
    expect(link(a, /slowest hours/, /Four-day weeks/)).toBe('opposes');
    expect(link(a, /slowest hours/, /Office rents/)).toBeUndefined();
  });
});

describe('web-export and chat noise never becomes a claim', () => {
  it('reader-app footers, prompts, wallet addresses, cookie banners, crumbs, "Show more", profile lines', () => {
    const a = analyseThread(
      parseThread(
        [
          'Home > Opinion > Economy',
          'Mara Lind Profile picture',
          'We use cookies to improve your experience. Accept all cookies',
          'Minimum wage rises have not cut youth employment in the towns we studied.',
          'Show more',
          'Unroll available on Thread Reader',
          'Subscribe to get the latest posts in your inbox',
          'Follow @maralind for more threads like this',
          'Donate BTC: bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
          'Support us on Patreon to keep this going',
        ].join('\n'),
      ),
    );
    expect(claimTexts(a)).toEqual(['Minimum wage rises have not cut youth employment in the towns we studied.']);
  });

  it('a header every page repeats, and bot messages, are not claims', () => {
    const page = (body: string) => ({ author: 'writer', text: `The Weekly Ledger — independent news\n${body}` });
    const a = thread(
      page('Rail fares should be frozen for five years.'),
      page('A freeze would cost the operators very little.'),
      page('Most commuters have no other way to work.'),
      { author: 'AutoModerator', text: 'Your post must be at least 100 characters long to be approved here.' },
      { author: 'RemindMeBot', text: 'I will be messaging you in 2 days to remind you of this thread.' },
    );
    expect(claimTexts(a)).toEqual([
      'Rail fares should be frozen for five years.',
      'A freeze would cost the operators very little.',
      'Most commuters have no other way to work.',
    ]);
    expect(isBot('Talbot')).toBe(false);
    expect(isBot('github-actions[bot]')).toBe(true);
  });
});

describe('languages', () => {
  it('an English sentence with a French phrase is English', () => {
    expect(looksEnglish("C'est la vie, the market decides.")).toBe(true);
    expect(claimTexts(thread({ text: "C'est la vie, the market decides who wins in the end." }))).toEqual([
      "C'est la vie, the market decides who wins in the end.",
    ]);
  });

  it('a message in another language is left as it is, and counted so the summary can say so', () => {
    const a = thread(
      { text: 'Die Steuer ist ungerecht und schadet der Wirtschaft. Das ist klar.' },
      { text: 'The tax is unfair to poor families.' },
    );
    expect(claimTexts(a)).toEqual(['The tax is unfair to poor families.']);
    expect(a.stats.otherLanguage).toBe(1);
  });
});
