import { inspect } from '../support/db-state.ts';
import { countRows, rows, type Row } from '../support/rows.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import type { Actor } from '../../src/core/context.ts';
import { runText } from '../../src/core/dispatch.ts';
import { createRegistry } from '../../src/core/registry.ts';
import type { MessageRef, Reply } from '../../src/core/reply.ts';
import { ALICE, BOB, createTestBot, isError, replyText, recordMessageEdits, type TestBot } from '../support/harness.ts';

const MOD: Actor = { id: 'mo', name: 'mo', isModerator: true };
const OTHER_WORKSPACE = 'slack:T999';

let bot: TestBot;
let updates: { ref: MessageRef; reply: Reply }[];
/** The file itself, read-only: for SQLite's own integrity checks. */
const db = () => inspect(bot.services.store);
const count = async (table: string, where: Row = {}) => await countRows(bot.services.store, table, where);
const column = async (table: string, name: string, where: Row = {}) => (await rows(bot.services.store, table, where)).map((r) => r[name]);
const numbers = async () => ((await column('claims', 'number', { workspace: 'local' })) as number[]).sort((a, b) => a - b);
const texts = async () =>
  (await rows(bot.services.store, 'claims', { workspace: 'local' })).sort((a, b) => Number(a.number) - Number(b.number)).map((r) => r.text);

/**
 * Two debates in one workspace. `drift` (bob's) keeps C1 and C2. `rewards` (alice's) holds C3–C5 with
 * tags, three links (one to C1 in the other debate), credences (one on C1 given C3), an open poll whose
 * message was posted, a resolution, a drift run, a thread capture, and two channels working on it.
 */
beforeEach(async () => {
  bot = createTestBot();
  updates = recordMessageEdits(bot);
  const { store } = bot.services;

  await bot.run('/debate new slug:drift title:"Does misalignment grow with serial steps?"', { actor: BOB, channel: 'side' });
  await bot.run('/claim add Goals drift randomly with every serial step', { actor: BOB, channel: 'side' });
  await bot.run('/claim add Corrective data undoes drift', { actor: BOB, channel: 'side' });
  await bot.run('/link C2 C1 opposes', { actor: BOB, channel: 'side' });
  await bot.run('/credence C1 60', { actor: BOB, channel: 'side' });
  await bot.run('/poll C2', { channel: 'side' });

  await bot.run('/debate new slug:rewards title:"Is reward the optimization target?"');
  await bot.run('/claim add Agents game broken scorers tags:spec-gaming');
  await bot.run('/claim add text:"Reward seeking is instrumental" tags:reward-seeking,terminal', { actor: BOB });
  await bot.run('/claim add Scorers will be fixed in time');
  await bot.run('/debate use rewards', { channel: 'third' });
  await bot.run('/link C4 C3 supports');
  await bot.run('/link C5 C3 crux-of');
  await bot.run('/link C4 C1 supports across:true', { actor: BOB });
  await bot.run('/credence C3 70');
  await bot.run('/credence C3 40', { actor: BOB });
  await bot.run('/credence C1 80 given:C3', { actor: BOB });
  const poll = await bot.run('/poll C4');
  await poll.onSent?.({ platform: 'test', channel: 'general', id: 'poll-on-c4' });
  await bot.run('/claim resolve C5 true');

  const c1 = (await store.claims.byNumber('local', 1))!;
  const c4 = (await store.claims.byNumber('local', 4))!;
  const run = async (claimId: number) =>
    await store.simRuns.insert({
      workspace: 'local',
      kind: 'run',
      input: {},
      summary: {},
      headline: 'P(D) 3%',
      claimId,
      createdBy: 'alice',
      at: '2026-11-23T12:00:00Z',
    });
  await run(c1.id); // R1, kept
  await run(c4.id); // R2, goes with its claim
  // /capture found a candidate in a thread that says what C4 says.
  const capture = await store.captures.insert(
    {
      workspace: 'local',
      channel: 'general',
      debateId: (await store.debates.bySlug('local', 'rewards'))!.id,
      origin: 'thread',
      messageCount: 3,
      createdBy: 'alice',
      createdAt: '2026-11-23T12:00:00Z',
    },
    [{ text: 'A candidate', kind: 'claim', author: 'carol' }],
    [],
  );
  await store.captures.settle(capture.id, 0, 'existing', c4.id);

  // The same slug in another workspace, which nothing here may touch.
  await bot.run('/debate new slug:rewards title:"Elsewhere"', { workspace: OTHER_WORKSPACE });
  await bot.run('/claim add Another workspace’s claim', { workspace: OTHER_WORKSPACE });
});
afterEach(async () => await bot.close());

describe('/debate delete', () => {
  it('without confirm: says what would go and how to confirm, and deletes nothing', async () => {
    const reply = await bot.run('/debate delete rewards');
    expect(isError(reply)).toBe(false);
    expect(reply.ephemeral).toBe(true);
    expect(replyText(reply)).toContain(
      'Is reward the optimization target? holds 3 claims, 3 links, 3 tags, 3 credences, 1 poll, 1 resolution, 1 drift run, 1 thread capture.',
    );
    expect(replyText(reply)).toContain('/debate delete rewards confirm:rewards');
    expect(replyText(reply)).toContain('Nothing has been deleted.');
    expect(await count('claims', { workspace: 'local' })).toBe(5);
  });

  it('with a confirm: that is not the slug: refuses, names the slug, deletes nothing', async () => {
    const auditBefore = await count('audit_log');
    const reply = await bot.run('/debate delete rewards confirm:drift');
    expect(isError(reply)).toBe(true);
    expect(replyText(reply)).toContain(
      'confirm: must repeat the debate\'s slug, rewards, to delete it (got "drift"). Nothing was deleted.',
    );
    expect(await count('claims', { workspace: 'local' })).toBe(5);
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('its creator deletes it and everything in it, in every table; the other debate and workspace keep all of theirs', async () => {
    const reply = await bot.run('/debate delete rewards confirm:rewards');
    expect(isError(reply)).toBe(false);
    expect(reply.ephemeral).toBeFalsy();
    expect(replyText(reply)).toContain(
      'alice deleted Is reward the optimization target? (rewards) and everything in it: 3 claims, 3 links, 3 tags, 3 credences, 1 poll, 1 resolution, 1 drift run, 1 thread capture. 2 channels no longer have it as the current debate',
    );

    expect(await texts()).toEqual(['Goals drift randomly with every serial step', 'Corrective data undoes drift']);
    expect(await bot.services.store.debates.bySlug('local', 'rewards')).toBeUndefined();
    expect(await count('claim_tags')).toBe(0);
    expect(await count('links', { workspace: 'local' })).toBe(1); // C2 opposes C1
    expect((await rows(bot.services.store, 'credences', { workspace: 'local' })).map(({ user_id, value }) => ({ user_id, value }))).toEqual(
      [{ user_id: 'bob', value: 0.6 }],
    );
    expect(await count('polls', { workspace: 'local' })).toBe(1); // the poll on C2
    expect(await count('claim_resolutions')).toBe(0);
    expect(await column('sim_runs', 'number')).toEqual([1]);
    expect(await count('thread_captures')).toBe(0);
    expect(await count('thread_capture_items')).toBe(0);
    expect(await column('channel_debates', 'channel', { workspace: 'local' })).toEqual(['side']);
    expect(await bot.services.store.search.claims('local', 'scorers', { limit: 10 })).toEqual([]);
    expect(db().pragma('foreign_key_check')).toEqual([]);
    expect(db().pragma('integrity_check', { simple: true })).toBe('ok');

    expect((await bot.services.store.claims.list(OTHER_WORKSPACE, { limit: 10 })).total).toBe(1);
    expect((await bot.services.store.debates.bySlug(OTHER_WORKSPACE, 'rewards'))?.title).toBe('Elsewhere');
  });

  it('writes one audit row with what went, and keeps the audit log of what was in it', async () => {
    const before = await count('audit_log', { workspace: 'local' });
    await bot.run('/debate delete rewards confirm:rewards');
    expect(await count('audit_log', { workspace: 'local' })).toBe(before + 1);
    expect((await bot.services.store.audit.recent('local', 1))[0]).toMatchObject({
      actorId: 'alice',
      action: 'debate.delete',
      entity: 'debate:rewards',
      before: {
        title: 'Is reward the optimization target?',
        claims: 3,
        links: 3,
        tags: 3,
        credences: 3,
        polls: 1,
        resolutions: 1,
        simRuns: 1,
        captures: 1,
        channels: 2,
        numbers: { first: 3, last: 5 },
      },
    });
    expect(await count('audit_log', { action: 'claim.add', entity: 'C4' })).toBe(1);
  });

  it('retires the message of its open poll, so its buttons no longer take votes', async () => {
    await bot.run('/debate delete rewards confirm:rewards');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.ref.id).toBe('poll-on-c4');
    expect(replyText(updates[0]!.reply)).toBe('This poll on C4 is closed: alice deleted its debate, rewards.');
    expect(updates[0]!.reply.components ?? []).toEqual([]);
  });

  it('never gives its claim and run numbers again: the next claim is C6 and the next run R3', async () => {
    await bot.run('/debate delete rewards confirm:rewards');
    const next = await bot.run('/claim add Drift is directable by data', { channel: 'side' });
    expect(next.title).toBe('C6 · open');
    const run = await bot.services.store.simRuns.insert({
      workspace: 'local',
      kind: 'run',
      input: {},
      summary: {},
      headline: 'h',
      claimId: null,
      createdBy: 'bob',
      at: '2026-11-23T12:00:00Z',
    });
    expect(run.number).toBe(3);
  });

  it('never gives its poll or capture ids again, so a button from an old message never reaches a new poll', async () => {
    const { store } = bot.services;
    const oldPoll = (await store.polls.openForClaim('local', (await store.claims.byNumber('local', 4))!.id))!;
    const oldCapture = Math.max(...((await column('thread_captures', 'id', { workspace: 'local' })) as number[]));
    await bot.run('/debate delete rewards confirm:rewards');

    await bot.run('/claim add Drift is directable by data', { channel: 'side' });
    await bot.run('/poll C6', { channel: 'side' });
    const newPoll = (await store.polls.openForClaim('local', (await store.claims.byNumber('local', 6))!.id))!;
    expect(newPoll.id).toBeGreaterThan(oldPoll.id);

    const stale = await bot.interact(`poll:vote:${oldPoll.id}:75`, {}, { actor: BOB, channel: 'general' });
    expect(isError(stale)).toBe(true);
    expect(await count('credences', { poll_id: newPoll.id })).toBe(0);

    const capture = await store.captures.insert(
      {
        workspace: 'local',
        channel: 'side',
        debateId: null,
        origin: 'thread',
        messageCount: 1,
        createdBy: 'bob',
        createdAt: '2026-11-23T13:00:00Z',
      },
      [{ text: 'Another candidate', kind: 'claim', author: 'carol' }],
      [],
    );
    expect(capture.id).toBeGreaterThan(oldCapture);
  });

  it('its JSON export, imported after the delete, brings it back under its own claim numbers', async () => {
    const exported = await bot.run('/debate export format:json debate:rewards');
    const file = exported.attachments![0]!;
    await bot.run('/debate delete rewards confirm:rewards');
    const imported = await runText(
      '/debate import file:rewards.json',
      {
        actor: ALICE,
        workspace: 'local',
        channel: { id: 'general' },
        platform: 'test',
        services: bot.services,
        commands: createRegistry(COMMANDS),
      },
      { readAttachment: (name) => ({ name, data: file.data }) },
    );
    expect(isError(imported), replyText(imported)).toBe(false);
    expect(await numbers()).toEqual([1, 2, 3, 4, 5]);
    expect((await bot.services.store.claims.byNumber('local', 4))?.text).toBe('Reward seeking is instrumental');
  });

  it('a channel that was working on it is told to pick a debate', async () => {
    await bot.run('/debate delete rewards confirm:rewards');
    const reply = await bot.run('/claim add Orphan');
    expect(isError(reply)).toBe(true);
    expect(replyText(reply)).toMatch(/This channel has no current debate\. Pick one with \/debate use/);
  });

  it('someone who neither started it nor moderates may not delete it, or even preview it; a moderator may', async () => {
    for (const line of ['/debate delete rewards', '/debate delete rewards confirm:rewards']) {
      const refused = await bot.run(line, { actor: BOB });
      expect(isError(refused), line).toBe(true);
      expect(replyText(refused)).toMatch(/Only alice, who started rewards, or a moderator \(.*\) can delete it\./);
    }
    expect(await count('claims', { workspace: 'local' })).toBe(5);
    const done = await bot.run('/debate delete rewards confirm:rewards', { actor: MOD });
    expect(replyText(done)).toMatch(/^Deleted rewards\nmo deleted/);
  });

  it('refuses a debate that is not in this workspace, and bad input, changing nothing', async () => {
    const cases: [string, RegExp, Actor?][] = [
      ['/debate delete nowhere confirm:nowhere', /There is no debate nowhere here/],
      ['/debate delete', /missing `?debate/],
      ['/debate delete Bad_Slug!', /debate: expected a debate slug/],
      [`/debate delete rewards confirm:${'x'.repeat(41)}`, /confirm: is 41 characters; the limit is 40/],
    ];
    for (const [line, message, actor] of cases) {
      const reply = await bot.run(line, { actor: actor ?? ALICE, workspace: 'slack:T111' });
      expect(isError(reply), line).toBe(true);
      expect(replyText(reply), line).toMatch(message);
    }
    const elsewhere = await bot.run('/debate delete drift confirm:drift', { workspace: OTHER_WORKSPACE, actor: MOD });
    expect(replyText(elsewhere)).toMatch(/There is no debate drift here/);
    expect(await count('claims', { workspace: 'local' })).toBe(5);
  });
});
