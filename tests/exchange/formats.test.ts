import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { polisVote } from '../../src/domain/exchange/polis-write.ts';
import { readPolisFolder, readPolisGroups } from '../../src/tools/eval/polis-folder.ts';
import { polisGroupsReport } from '../../src/tools/eval/polis-groups.ts';
import { countRows } from '../support/rows.ts';
import { createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';
import { ADA, fileText, movingClock, richDebate, runWithFiles } from './support.ts';

let bot: TestBot;
const folders: string[] = [];
beforeEach(() => {
  bot = createTestBot({ clock: movingClock() });
});
afterEach(async () => {
  await bot.close();
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

describe('/debate export format:csv', () => {
  it('has one row per credence given: claim id and text, debate, person, time in UTC, credence, with proper quoting', async () => {
    await richDebate(bot);
    const reply = await bot.run('/debate export format:csv');
    expect(isError(reply), replyText(reply)).toBe(false);
    expect(reply.attachments).toHaveLength(1);
    expect(reply.attachments![0]).toMatchObject({ name: 'forecast.csv', contentType: 'text/csv; charset=utf-8' });
    const text = fileText(reply);
    expect(text.split('\n')[0]).toBe('claim_id,claim_text,debate,person_id,person,time,credence,given,poll');
    // The text with quotes and commas is quoted as RFC 4180 says, and reads back the same.
    expect(text).toContain('"Scores have risen ~20 points a year, ""steadily"""');
    const rows = csvParse(text);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({
      claim_id: 'C1',
      claim_text: 'SWE-bench Verified passes 90% by June 2027',
      debate: 'forecast',
      person_id: 'ada',
      person: 'ada',
      time: expect.stringMatching(/^2026-11-02T\d\d:\d\d:00\.000Z$/),
      credence: '0.6',
      given: '',
      poll: '',
    });
    expect(rows.map((r) => [r.claim_id, r.person_id, r.credence, r.given, r.poll]).slice(4, 8)).toEqual([
      ['C1', 'ada', '0.75', '', 'poll-1'],
      ['C1', 'bob', '0.25', '', 'poll-1'],
      ['C1', 'ada', '0.85', 'C2', ''],
      ['C1', 'bob', '0.2', '!C3', ''],
    ]);
    expect(rows[3]!.claim_text).toBe('Scores have risen ~20 points a year, "steadily"');
    expect(replyText(reply)).toMatch(/One row per credence given/);
  });

  it('leaves out the credences an open hidden poll keeps back, and says so', async () => {
    await richDebate(bot);
    await bot.run('/poll C2 hide:until-close', { actor: ADA });
    for (const format of ['csv', 'json', 'polis']) {
      const reply = await bot.run(`/debate export format:${format}`);
      expect(replyText(reply), format).toMatch(/The credences in C2 are left out: an open poll hides them until it closes/);
      const files = reply.attachments!.map((_, i) => fileText(reply, i)).join('\n');
      expect(files, format).not.toMatch(/C2,Scores have risen.*,0\.8,/);
    }
    const json = JSON.parse(fileText(await bot.run('/debate export format:json')));
    expect(json.credences.filter((c: { claim: string; given?: { claim: string } }) => c.claim === 'C2' || c.given?.claim === 'C2')).toEqual(
      [],
    );
    expect(
      csvParse(fileText(await bot.run('/debate export format:csv'))).filter((r) => r.claim_id === 'C2' || (r.given ?? '').includes('C2')),
    ).toEqual([]);
  });
});

describe('/debate export format:polis', () => {
  /** Two camps of seven who disagree on four claims and agree on one; one passes on each. */
  async function camps(): Promise<string[]> {
    await bot.run('/debate new slug:transit title:"What should the city do about traffic?"', { actor: ADA });
    const texts = [
      'Buses should be free',
      'Cycle lanes on every main road',
      'More parking, "urgently", in the centre',
      'Widen the ring road',
      'Fix the pavements',
    ];
    for (const text of texts) await bot.run(`/claim add text:"${text.replace(/"/g, '\\"')}"`, { actor: ADA });
    const { store } = bot.services;
    const claims = await store.claims.inDebate((await store.debates.require('local', 'transit')).id);
    const people = Array.from({ length: 14 }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);
    let minute = 0;
    for (const [i, person] of people.entries()) {
      const camp = i < 7 ? 0 : 1;
      for (const [j, claim] of claims.entries()) {
        const agree = j === 4 || j < 2 === (camp === 0);
        const value = i % 7 === j ? 0.5 : agree ? 0.9 : 0.1;
        // Everyone first said 50%, then changed their mind: the export logs both, the latest counts.
        for (const v of [0.5, value])
          await store.credences.insert({
            workspace: 'local',
            claimId: claim.id,
            userId: person,
            userName: person,
            value: v,
            at: new Date(Date.UTC(2026, 10, 2, 9, minute++)).toISOString(),
          });
      }
    }
    return people;
  }

  it('writes comments.csv, votes.csv and participants-votes.csv in Polis’s columns, and the groups reader finds the groups /groups finds', async () => {
    const people = await camps();
    const reply = await bot.run('/debate export format:polis');
    expect(isError(reply), replyText(reply)).toBe(false);
    expect(reply.attachments!.map((a) => a.name)).toEqual(['comments.csv', 'votes.csv', 'participants-votes.csv']);
    const [comments, votes, participants] = [0, 1, 2].map((i) => fileText(reply, i));
    // The headers of Polis's own exports.
    expect(comments!.split('\n')[0]).toBe('timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body');
    expect(votes!.split('\n')[0]).toBe('timestamp,datetime,comment-id,voter-id,vote');
    expect(participants!.split('\n')[0]).toBe('participant,group-id,n-comments,n-votes,n-agree,n-disagree,1,2,3,4,5');
    expect(comments).toContain('"More parking, ""urgently"", in the centre"');
    expect(csvParse(votes!)).toHaveLength(14 * 5 * 2);
    expect(csvParse(votes!)[0]).toMatchObject({ 'comment-id': '1', 'voter-id': '1', vote: '0', datetime: 'Mon Nov 02 09:00:00 UTC 2026' });

    const folder = mkdtempSync(join(tmpdir(), 'cruxbot-polis-'));
    folders.push(folder);
    for (const file of reply.attachments!) writeFileSync(join(folder, file.name), file.data);
    const report = polisGroupsReport(readPolisFolder(folder));
    expect(report.statements).toBe(5);
    expect(report.votes).toEqual({ read: 140, superseded: 70, skipped: 0 });

    // Participant n is the n-th person in id order (ada wrote the claims, so she is 0).
    const everyone = ['ada', ...people].sort();
    const fromPolis = new Map<string, string[]>();
    for (const p of report.participants) {
      if (p.group === null) continue;
      const label = report.groups.find((g) => g.id === p.group)!.label;
      fromPolis.set(label, [...(fromPolis.get(label) ?? []), everyone[Number(p.id)]!]);
    }
    const groups = replyText(await bot.run('/groups transit'));
    const fromChat = new Map(
      [...groups.matchAll(/Group (\w+) · (\d+) · ([\w, ]+)/g)].map((m) => [m[1]!, m[3]!.split(', ').map((s) => s.trim())]),
    );
    expect(fromChat.size).toBe(2);
    expect(fromPolis).toEqual(fromChat);
    // participants-votes.csv carries the same groups, as Polis's does.
    const polisGroups = readPolisGroups(folder);
    expect(new Set(polisGroups.values()).size).toBe(2);
    for (const p of report.participants) expect(polisGroups.get(p.id), p.id).toBe(p.group === null ? undefined : String(p.group));
  });

  it('maps a credence to a vote: agree above 50, disagree below, pass at exactly 50', () => {
    expect([0.01, 0.49, 0.5, 0.51, 0.99].map(polisVote)).toEqual([-1, -1, 0, 1, 1]);
  });
});

describe('importing bad JSON', () => {
  it('names the field that is wrong, with an example, and stores nothing', async () => {
    await richDebate(bot);
    const good = fileText(await bot.run('/debate export format:json'));
    const edit = (change: (doc: any) => void) => {
      const doc = JSON.parse(good);
      change(doc);
      return JSON.stringify(doc);
    };
    const cases: [string, string, RegExp][] = [
      [
        'version 9',
        edit((d) => (d.version = 9)),
        /file's version is 9; this cruxbot reads versions 1 and 2 \(e\.g\. "version": 2\)\. It was made by a newer cruxbot/,
      ],
      ['no version', edit((d) => delete d.version), /file's version is missing/],
      ['truncated', good.slice(0, Math.floor(good.length / 2)), /not valid JSON .*it looks cut off/],
      [
        'credence of 140',
        edit((d) => (d.credences[2].value = 140)),
        /credences\[2\]\.value is not valid \(it is 140\): a credence is a probability from 0 to 1 \(0\.7 is 70%\)/,
      ],
      ['a vote in no poll', edit((d) => (d.credences[4].poll = 'poll-9')), /credences\[4\]\.poll is poll-9, which is not one of its polls/],
      ['a poll kind it does not know', edit((d) => (d.polls[0].kind = 'ranked')), /polls\[0\]\.kind is not valid \(it is "ranked"\)/],
      [
        'a poll closing before it opens',
        edit((d) => (d.polls[0].closed.after = 2)),
        /polls\[0\]\.openedAfter and closed\.after must count credences/,
      ],
      [
        'two open polls on one claim',
        edit((d) => ((d.polls[1].claim = 'C1'), delete d.polls[0].closed)),
        /polls\[1\] opens on C1 while poll poll-1 on it is still open/,
      ],
      [
        'a resolution on a missing claim',
        edit((d) => (d.resolutions[0].claim = 'C42')),
        /resolutions\[0\] is on C42, which is not one of its claims/,
      ],
      ['a bad outcome', edit((d) => (d.resolutions[0].outcome = 'maybe')), /resolutions\[0\]\.outcome is not valid \(it is "maybe"\)/],
      ['a capture link to nothing', edit((d) => (d.captures[0].links[0].from = 7)), /captures\[0\] links item 7, which it does not have/],
    ];
    const tables = ['debates', 'claims', 'links', 'credences', 'polls', 'claim_resolutions', 'sim_runs', 'thread_captures', 'audit_log'];
    const count = async () => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await countRows(bot.services.store, t)])));
    for (const [what, text, message] of cases) {
      const before = await count();
      const reply = await runWithFiles(bot, '/debate import file:f.json', { 'f.json': text }, { workspace: 'elsewhere', actor: ADA });
      expect(isError(reply), what).toBe(true);
      expect(replyText(reply), what).toMatch(message);
      expect(replyText(reply), what).toMatch(/[Nn]othing was imported/);
      expect(await count(), what).toEqual(before);
    }
  });

  it('a problem found half-way through the writes rolls the whole import back', async () => {
    await richDebate(bot);
    const doc = JSON.parse(fileText(await bot.run('/debate export format:json')));
    // Merged into a debate where C3, the same text, has an open poll: the file's open poll on it cannot open.
    await bot.run('/debate new slug:here title:"Here"', { workspace: 'elsewhere', actor: ADA });
    await bot.run('/claim add text:"Already here"', { workspace: 'elsewhere', actor: ADA });
    await bot.run(`/claim add text:"${doc.claims[2].text}"`, { workspace: 'elsewhere', actor: ADA });
    await bot.run('/poll C2', { workspace: 'elsewhere', actor: ADA });
    const tables = ['claims', 'links', 'credences', 'polls', 'claim_resolutions', 'sim_runs', 'thread_captures', 'audit_log'];
    const count = async () => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await countRows(bot.services.store, t)])));
    const before = await count();
    const reply = await runWithFiles(
      bot,
      '/debate import file:f.json into:here',
      { 'f.json': JSON.stringify(doc) },
      { workspace: 'elsewhere', actor: ADA },
    );
    expect(replyText(reply)).toMatch(
      /C2 has an open poll here already, and the file's polls\[1\] would open another on it .* nothing was imported/,
    );
    expect(await count()).toEqual(before);

    doc.credences[9].given = { claim: doc.credences[9].claim, isTrue: true };
    const self = await runWithFiles(
      bot,
      '/debate import file:f.json',
      { 'f.json': JSON.stringify(doc) },
      { workspace: 'third', actor: ADA },
    );
    expect(replyText(self)).toMatch(/credences\[9\]\.given is C3, the claim it is in: a condition names another claim/);
    expect(await count()).toEqual(before);
  });

  it('a member’s import keeps claims and links, and none of the polls, resolutions, runs or captures of other people', async () => {
    await richDebate(bot);
    const json = fileText(await bot.run('/debate export format:json'));
    const reply = await runWithFiles(bot, '/debate import file:f.json', { 'f.json': json }, { workspace: 'elsewhere' });
    expect(replyText(reply)).toMatch(/The file's polls, resolutions, drift runs and thread captures \(6 in all\) were not imported/);
    for (const table of ['credences', 'polls', 'claim_resolutions', 'sim_runs', 'thread_captures', 'claim_deadlines'])
      expect(await countRows(bot.services.store, table, { workspace: 'elsewhere' }), table).toBe(0);
    expect(await countRows(bot.services.store, 'claims', { workspace: 'elsewhere' })).toBe(4);
  });
});
