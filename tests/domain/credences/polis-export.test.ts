import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/domain/credences/csv.ts';
import { parsePolisExport } from '../../../src/domain/credences/polis-export.ts';

describe('parseCsv', () => {
  it('handles quoted commas, line breaks, doubled quotes, CRLF and a byte-order mark', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi""\nthere"\r\n2,,\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"\nthere'],
      ['2', '', ''],
    ]);
  });

  it('keeps empty fields at the end of a line, and text after a closing quote', () => {
    expect(parseCsv('a,b,\n"x"y,z')).toEqual([
      ['a', 'b', ''],
      ['xy', 'z'],
    ]);
  });

  it('refuses a quote that never closes', () => {
    expect(() => parseCsv('a,"b\n1,2')).toThrow(/never closed/);
  });
});

const COMMENTS = `timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
1,Mon,0,5,2,1,1,"Buses should be free, everywhere"
2,Mon,1,6,1,1,-1,Spam that a moderator hid
3,Mon,2,7,0,2,0,"A ""quoted"" idea"
`;
const VOTES = `timestamp,datetime,comment-id,voter-id,vote
10,Mon,0,1,1
11,Mon,0,2,-1
12,Mon,2,1,-1
13,Mon,1,3,1
20,Mon,0,1,-1
15,Mon,2,2,0
`;

describe('parsePolisExport', () => {
  it('builds people × shown comments from the latest vote per pair, leaving hidden comments out', () => {
    const conversation = parsePolisExport(VOTES, COMMENTS);
    expect(conversation.statements.map((s) => [s.id, s.text])).toEqual([
      ['0', 'Buses should be free, everywhere'],
      ['2', 'A "quoted" idea'],
    ]);
    // Voter 3 voted only on the hidden comment: a participant with an empty row.
    expect(conversation.participants).toEqual(['1', '2', '3']);
    // Voter 1 changed their mind on comment 0 at t=20.
    expect([...conversation.matrix.values]).toEqual([-1, -1, -1, 0, NaN, NaN]);
    expect(conversation).toMatchObject({ votesRead: 6, votesSuperseded: 1, votesSkipped: 1 });
  });

  it('names the file and the header it expected when the header is wrong', () => {
    expect(() => parsePolisExport('voter,vote\n1,1\n', COMMENTS)).toThrow(
      /votes.csv does not look like a Polis export: its header should be "timestamp,datetime,comment-id,voter-id,vote", but it is "voter,vote"/,
    );
    expect(() => parsePolisExport(VOTES, '')).toThrow(/comments.csv does not look like a Polis export.*the file is empty/);
  });

  it('names the line of a malformed vote', () => {
    expect(() => parsePolisExport(`${VOTES}16,Mon,0,4,yes\n`, COMMENTS)).toThrow(/votes.csv line 8: expected .* a vote of 1, 0 or -1/);
  });
});
