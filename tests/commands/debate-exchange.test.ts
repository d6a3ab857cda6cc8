import { countRows } from '../support/rows.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { runText } from '../../src/core/dispatch.ts';
import { createRegistry } from '../../src/core/registry.ts';
import type { Reply } from '../../src/core/reply.ts';
import { loadDemo } from '../../src/demo.ts';
import { IMPORT_MAX_BYTES } from '../../src/domain/exchange/document.ts';
import { BOB, createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';
import { HOSTILE_TEXTS } from '../support/map-fixtures.ts';

let bot: TestBot;
beforeEach(() => {
  bot = createTestBot();
});
afterEach(async () => await bot.close());

/**
 * Runs a command line as the console does, where an attachment option names a file: here the files
 * are held in memory, by name.
 */
function runWithFiles(
  line: string,
  files: Record<string, string | Uint8Array>,
  options: { workspace?: string; channel?: string; moderator?: boolean } = {},
) {
  return runText(
    line,
    {
      actor: { id: 'alice', name: 'alice', ...(options.moderator ? { isModerator: true } : {}) },
      workspace: options.workspace ?? 'local',
      channel: { id: options.channel ?? 'general' },
      platform: 'test',
      services: bot.services,
      commands: createRegistry(COMMANDS),
    },
    {
      readAttachment: (name) => {
        const data = files[name];
        if (data === undefined) throw new Error(`test file ${name} missing`);
        return { name, data: typeof data === 'string' ? new TextEncoder().encode(data) : data };
      },
    },
  );
}

const fileText = (reply: Reply) => new TextDecoder().decode(reply.attachments![0]!.data);
const counts = async () => {
  const one = async (table: string) => await countRows(bot.services.store, table);
  return { debates: await one('debates'), claims: await one('claims'), links: await one('links'), audit: await one('audit_log') };
};

async function hostileDebate(workspace = 'local'): Promise<void> {
  const run = (line: string) => bot.run(line, { workspace });
  await run('/debate new slug:hostile title:"Quotes \\"and\\" <html> & {braces}"');
  for (const text of HOSTILE_TEXTS) {
    await run(`/claim add text:"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}" tags:spec-gaming,drift`);
  }
  await run('/link C2 C1 supports');
  await run('/link C3 C1 opposes');
  await run('/link C4 C2 crux-of');
  await run('/link C5 C1 refines');
  await run('/link C6 C5 duplicates');
  await run('/link C7 C3 supports');
  await run('/link C1 C7 opposes'); // a cycle of support and attack
  await run('/claim retract C6');
}

describe('/debate export', () => {
  beforeEach(async () => {
    await loadDemo(bot.services, { workspace: 'local', channel: 'general' });
  });

  it('attaches the debate in each format, named after it', async () => {
    const expected = {
      json: ['reward-seeking.json', 'application/json', /"format": "cruxbot-debate"/],
      argdown: ['reward-seeking.argdown', 'text/plain; charset=utf-8', /^\[C1\]: Agents trained on huge piles/m],
      dot: ['reward-seeking.dot', 'text/vnd.graphviz; charset=utf-8', /^digraph crux_map \{/],
      mermaid: ['reward-seeking.mmd', 'text/plain; charset=utf-8', /^flowchart BT$/m],
    } as const;
    for (const [format, [name, type, content]] of Object.entries(expected)) {
      const reply = await bot.run(`/debate export format:${format}`);
      expect(isError(reply), format).toBe(false);
      expect(reply.attachments?.[0]?.name).toBe(name);
      expect(reply.attachments?.[0]?.contentType).toBe(type);
      expect(fileText(reply)).toMatch(content);
      expect(replyText(reply)).toMatch(/8 claims, 7 links/);
    }
    expect((await bot.run('/debate export')).attachments?.[0]?.name).toBe('reward-seeking.json');
    expect((await bot.run('/debate export argdown debate:goal-drift')).attachments?.[0]?.name).toBe('goal-drift.argdown');
  });

  it('names an unknown format or debate', async () => {
    expect(replyText(await bot.run('/debate export format:xml'))).toMatch(
      /format: must be one of json, argdown, dot, mermaid, csv, polis, html \(got "xml"\)/,
    );
    expect(replyText(await bot.run('/debate export json debate:nope'))).toMatch(/no debate nope/);
  });
});

describe('/debate import', () => {
  it('JSON round-trips exactly: a debate exported, imported elsewhere by a moderator and exported again is the same file', async () => {
    await hostileDebate();
    const first = fileText(await bot.run('/debate export format:json'));
    const imported = await runWithFiles('/debate import file:hostile.json', { 'hostile.json': first }, { workspace: 'elsewhere', moderator: true });
    expect(isError(imported)).toBe(false);
    expect(replyText(imported)).toMatch(
      /Imported Quotes "and" <html> & \{braces\} as hostile: 7 claims \(C1, C2, C3, C4, C5, C6, C7\) and 7 links/,
    );
    const again = fileText(await bot.run('/debate export format:json', { workspace: 'elsewhere' }));
    expect(again).toBe(first);
    // The importer's channel now works on the imported debate; the audit names the importer and the file.
    expect((await bot.services.store.debates.currentFor('elsewhere', 'general'))?.slug).toBe('hostile');
    expect((await bot.services.store.audit.recent('elsewhere'))[0]).toMatchObject({
      action: 'debate.import',
      actorId: 'alice',
      after: { file: 'hostile.json', format: 'json', links: 7 },
    });
  });

  it('Argdown round-trips claims, links, tags, statuses and the root (a moderator’s import)', async () => {
    await hostileDebate();
    const argdown = fileText(await bot.run('/debate export format:argdown'));
    const reply = await runWithFiles('/debate import hostile.argdown', { 'hostile.argdown': argdown }, { workspace: 'elsewhere', moderator: true });
    expect(isError(reply)).toBe(false);
    const structure = async (workspace: string) => {
      const { store } = bot.services;
      const debate = await store.debates.require(workspace, 'hostile');
      return {
        title: debate.title,
        claims: (await store.claims.inDebate(debate.id)).map((c) => ({
          id: c.number,
          text: c.text.replace(/\s+/g, ' '),
          tags: c.tags,
          status: c.status,
        })),
        links: (await store.links.inDebate(debate.id)).map((l) => `C${l.fromNumber} ${l.kind} C${l.toNumber}`).sort(),
        root: (await store.claims.byId(workspace, debate.rootClaimId!))?.number,
      };
    };
    expect(await structure('elsewhere')).toEqual(await structure('local'));
    expect(fileText(await bot.run('/debate export format:argdown', { workspace: 'elsewhere' }))).toBe(argdown);
  });

  it('reads hand-written Argdown: untitled statements, arguments, both relation directions, tags and data', async () => {
    const argdown = [
      '===',
      'title: Is reward the optimization target?',
      'slug: hand-written',
      '===',
      '',
      '[Reward seeking]: Capable agents will seek reward itself. #reward-seeking {credence: 0.4}',
      '  <+ <Observed gaming>: Agents game broken scorers. #(Spec Gaming)',
      '  <- [Clever]: Gaming is cleverness at the task as scored.',
      '    + Sycophancy is likelier than editing the reward.',
      '  +> [Risk]: Risk rises with reward seeking.',
      '',
      '[Generalization]: What matters is behaviour where no one checks. {cruxOf: [Reward seeking]}',
    ].join('\n');
    const reply = await runWithFiles('/debate import notes.argdown', { 'notes.argdown': argdown });
    expect(isError(reply)).toBe(false);
    expect(replyText(reply)).toMatch(/Imported Is reward the optimization target\? as hand-written: 6 claims/);
    expect(replyText(reply)).toMatch(/Credences in the file \(\{credence: …\}\) were not imported/);
    const outline = replyText(await bot.run('/map format:text'));
    expect(outline).toContain('C1  Capable agents will seek reward itself.');
    expect(outline).toContain('+ C2  Agents game broken scorers.');
    expect(outline).toContain('− C3  Gaming is cleverness at the task as scored.');
    expect(outline).toContain('+ C4  Sycophancy is likelier than editing the reward.');
    expect(outline).toContain('◆ crux C6  What matters is behaviour where no one checks.');
    expect((await bot.services.store.claims.byNumber('local', 2))?.tags).toEqual(['spec-gaming']);
    expect(replyText(await bot.run('/claim show C1'))).toMatch(/supports C5 Risk rises with reward seeking/);
  });

  it('merges into an existing debate: claims with the same text are reused, new ones added with new numbers', async () => {
    await loadDemo(bot.services, { workspace: 'local', channel: 'general' });
    const argdown = [
      '[Root]: Agents trained on huge piles of auto-generated tasks will learn to seek reward for its own sake, not just to solve the tasks.',
      '  <- [New]: A brand new objection.',
    ].join('\n');
    const before = await counts();
    const reply = await runWithFiles('/debate import file:more.argdown into:reward-seeking', { 'more.argdown': argdown });
    expect(replyText(reply)).toMatch(/Added 1 claim \(C17\) and 1 link to reward-seeking\./);
    expect(replyText(reply)).toMatch(/1 claim was already there with the same text \(C1\)/);
    expect(await counts()).toMatchObject({ debates: before.debates, claims: before.claims + 1, links: before.links + 1 });
    expect(replyText(await bot.run('/claim show C17'))).toMatch(/opposes C1/);
  });

  it("keeps the file's claim ids when they are free here, and gives new numbers when they cannot be kept", async () => {
    await bot.run('/debate new first title:"First"');
    await bot.run('/claim add Already C1 here');
    const kept = await runWithFiles('/debate import a.argdown', { 'a.argdown': '[C7]: seven\n  <+ [C3]: three' });
    expect(replyText(kept)).toMatch(/2 claims \(C3, C7\) and 1 link/);
    expect(replyText(await bot.run('/claim show C3'))).toMatch(/supports C7 seven/);
    const renumbered = await runWithFiles('/debate import b.argdown', { 'b.argdown': '[C0]: zero\n\n[C01]: one\n\n[C1]: also one' });
    expect(replyText(renumbered)).toMatch(/3 claims \(C8, C9, C10\)/);
    expect(replyText(renumbered)).toMatch(/Its claims got new numbers: the file's ids are taken here, or are not ids like C12/);
  });

  it('refuses bad files with a message naming what is wrong, and writes nothing', async () => {
    await loadDemo(bot.services, { workspace: 'local', channel: 'general' });
    const json = fileText(await bot.run('/debate export format:json debate:reward-seeking'));
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['/debate import picture.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe]), /picture\.png is not a text file/],
      [
        '/debate import big.json',
        new Uint8Array(IMPORT_MAX_BYTES + 1).fill(32),
        /big\.json is 2\.0 MB; an import file can be at most 2 MB/,
      ],
      ['/debate import broken.json', '{"format": "cruxbot-debate", ', /not valid JSON/],
      ['/debate import other.json', '{"hello": "world"}', /not a cruxbot debate export/],
      [
        '/debate import notes.txt',
        'just some words\nand more words',
        /No claims found: the file is neither a cruxbot JSON export nor Argdown with \[statements\]/,
      ],
      ['/debate import pcs.argdown', '<A>: x\n\n(1) premise\n----\n(2) conclusion', /Line 3: premise–conclusion structures/],
      ['/debate import orphan.argdown', '  <+ [A]: floating', /Line 1: the relation "<\+" has no statement above it/],
      [
        '/debate import missing.json',
        json.replace('"to": "C1"', '"to": "C99"'),
        /The link C2 supports C99 names C99, which is not a claim in the file/,
      ],
      ['/debate import kind.json', json.replace('"kind": "supports"', '"kind": "endorses"'), /links\[0\]\.kind is not valid/],
      ['/debate import self.argdown', '[A]: a\n  <- [A]', /Claim A is linked to itself/],
      [
        '/debate import loop.argdown',
        '[A]: a {refines: [B]}\n[B]: b {refines: [A]}',
        /The file's link B refines A would make a loop of refinements; nothing was imported/,
      ],
      ['/debate import taken.json', json, /A debate reward-seeking already exists here. Merge into it with into:reward-seeking/],
    ];
    for (const [line, data, message] of cases) {
      const before = await counts();
      const name = line.split(' ').pop()!;
      const reply = await runWithFiles(line, { [name]: data });
      expect(isError(reply), line).toBe(true);
      expect(replyText(reply), line).toMatch(message);
      expect(await counts(), line).toEqual(before);
    }
  });

  it('a refinement loop with the claims already in the debate rolls the whole merge back', async () => {
    await bot.run('/debate new drift title:"Drift?"');
    await bot.run('/claim add Values drift');
    await bot.run('/claim add Values drift randomly');
    await bot.run('/link C2 C1 refines');
    const before = await counts();
    const argdown = [
      '[New]: An unrelated new claim',
      '',
      '[Old]: Values drift {refines: [Sharper]}',
      '[Sharper]: Values drift randomly',
    ].join('\n');
    const reply = await runWithFiles('/debate import loop.argdown into:drift', { 'loop.argdown': argdown });
    expect(replyText(reply)).toMatch(
      /The file's link Old refines Sharper would make a loop of refinements with the claims of drift; nothing was imported/,
    );
    expect(await counts()).toEqual(before);
  });

  it('a chat user cannot make the bot read a path on its host, and into: with slug: is refused', async () => {
    expect(replyText(await bot.run('/debate import file:/etc/passwd'))).toMatch(/file: expected an attached file/);
    await bot.run('/debate new drift title:"Drift?"');
    const reply = await runWithFiles('/debate import a.argdown into:drift slug:x', { 'a.argdown': '[A]: a' });
    expect(replyText(reply)).toMatch(/Give into: to add to a debate, or slug: to create one, not both/);
    expect(replyText(await runWithFiles('/debate import a.argdown into:nope', { 'a.argdown': '[A]: a' }))).toMatch(/no debate nope/);
  });

  it('a moderator’s import keeps the claims’ authors and the debate’s creator', async () => {
    await loadDemo(bot.services, { workspace: 'local', channel: 'general' });
    const json = fileText(await bot.run('/debate export format:json debate:goal-drift'));
    await runWithFiles('/debate import goal-drift.json', { 'goal-drift.json': json }, { workspace: 'elsewhere', moderator: true });
    expect(replyText(await bot.run('/claim show C9', { workspace: 'elsewhere', actor: BOB }))).toMatch(/Author: ada/);
    expect((await bot.services.store.debates.require('elsewhere', 'goal-drift')).createdBy).toBe('ada');
  });

  it('a member’s import cannot forge: the claims are theirs, open and dated now, the file’s authors only quoted', async () => {
    await loadDemo(bot.services, { workspace: 'local', channel: 'general' });
    await bot.run('/claim resolve C9 true', { actor: { id: 'ada', name: 'ada', isModerator: true } });
    const json = fileText(await bot.run('/debate export format:json debate:goal-drift'));
    expect(json).toContain('"ada"');
    await runWithFiles('/debate import goal-drift.json', { 'goal-drift.json': json }, { workspace: 'elsewhere' });
    const card = replyText(await bot.run('/claim show C9', { workspace: 'elsewhere', actor: BOB }));
    expect(card).toMatch(/Author: alice/);
    expect(card).toMatch(/Status: open/);
    expect(card).toMatch(/“ada” according to goal-drift\.json/);
    const claims = await bot.services.store.claims.inDebate((await bot.services.store.debates.require('elsewhere', 'goal-drift')).id);
    expect(claims.every((c) => c.authorId === 'alice' && c.status === 'open' && c.createdAt === '2026-11-23T12:00:00.000Z')).toBe(true);
    expect((await bot.services.store.debates.require('elsewhere', 'goal-drift')).createdBy).toBe('alice');
  });

  it('JSON keeps every credence with its history and conditions: export, import by a moderator, export again is the same file', async () => {
    await hostileDebate();
    await bot.run('/credence C1 60');
    await bot.run('/credence C1 70'); // history: 60% then 70%
    await bot.run('/credence C2 3:1', { actor: BOB });
    await bot.run('/credence C2 40 given:!C1');
    const first = fileText(await bot.run('/debate export format:json'));
    expect(JSON.parse(first).credences).toHaveLength(4);
    const imported = await runWithFiles('/debate import file:h.json', { 'h.json': first }, { workspace: 'elsewhere', moderator: true });
    expect(replyText(imported)).toContain('With 4 credences, their history and conditions kept.');
    expect(fileText(await bot.run('/debate export format:json', { workspace: 'elsewhere' }))).toBe(first);
    expect(replyText(await bot.run('/credence show C2', { workspace: 'elsewhere' }))).toMatch(/75%/);

    const member = await runWithFiles('/debate import file:h.json slug:copy', { 'h.json': first }, { workspace: 'third' });
    expect(replyText(member)).toContain('4 credences in the file were not imported: they speak for other people');
    expect(await countRows(bot.services.store, 'credences', { workspace: 'third' })).toBe(0);
  });

  it('refuses a file whose credence names a claim it does not have, importing nothing', async () => {
    await hostileDebate();
    await bot.run('/credence C1 60');
    const file = JSON.parse(fileText(await bot.run('/debate export format:json')));
    file.credences[0].claim = 'C99';
    const reply = await runWithFiles('/debate import file:h.json', { 'h.json': JSON.stringify(file) }, { workspace: 'elsewhere', moderator: true });
    expect(replyText(reply)).toMatch(/credences\[0\] is in C99, which is not one of its claims/);
    expect(await countRows(bot.services.store, 'claims', { workspace: 'elsewhere' })).toBe(0);
  });
});
