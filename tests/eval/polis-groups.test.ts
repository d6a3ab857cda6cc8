import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { conversationFolders, evaluateGroups } from '../../src/tools/eval/groups.ts';
import type { PolisGroupsReport } from '../../src/tools/eval/polis-groups.ts';
import { writePolisFixture } from '../support/polis-fixture.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-polis-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `cruxbot …` in-process and captures what it prints. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  const code = await runCli(args);
  vi.restoreAllMocks();
  return { code, out, err };
}

describe('cruxbot groups --polis <folder> --json', () => {
  it('prints the participants with their groups, each group’s representative statements, consensus and divisive ones', async () => {
    const folder = join(dir, 'transport');
    writePolisFixture(folder);
    const { code, out } = await cli(['groups', '--polis', folder, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as PolisGroupsReport;
    expect(report.conversation).toBe('transport');
    expect(report.statements).toBe(7); // the hidden comment is left out
    expect(report.votes).toEqual({ read: 163, superseded: 1, skipped: 20 });
    expect(report.participants).toHaveLength(21);
    const groupOf = new Map(report.participants.map((p) => [p.id, p.group]));
    expect(groupOf.get('99')).toBeNull();
    const camp0 = new Set(Array.from({ length: 10 }, (_, i) => groupOf.get(String(i))));
    const camp1 = new Set(Array.from({ length: 10 }, (_, i) => groupOf.get(String(10 + i))));
    expect(camp0.size).toBe(1);
    expect(camp1.size).toBe(1);
    expect([...camp0][0]).not.toBe([...camp1][0]);
    expect(report.groups.map((g) => [g.label, g.size])).toEqual([
      ['A', 10],
      ['B', 10],
    ]);
    expect(report.groups[0]!.representative[0]).toMatchObject({ significant: true });
    expect(report.consensus[0]).toMatchObject({ statement: '6', side: 'agree', text: 'Pavements need repair, "urgently"' });
    expect(report.divisive.map((s) => s.statement).sort()).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('prints a readable summary without --json', async () => {
    const folder = join(dir, 'transport');
    writePolisFixture(folder);
    const { code, out } = await cli(['groups', '--polis', folder]);
    expect(code).toBe(0);
    expect(out).toContain('transport: 21 participants, 7 statements shown');
    expect(out).toMatch(/2 groups \(silhouette 0\.\d+\): A 10, B 10; 1 left out for too few votes/);
    expect(out).toContain('Consensus:\n  agree');
  });

  it('refuses a missing folder, a missing file and a bad header, saying which', async () => {
    expect(await cli(['groups', '--polis', join(dir, 'nope')])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/There is no folder at .*nope/),
    });
    mkdirSync(join(dir, 'half'));
    writeFileSync(join(dir, 'half', 'votes.csv'), 'timestamp,datetime,comment-id,voter-id,vote\n');
    expect(await cli(['groups', '--polis', join(dir, 'half')])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/half has no comments.csv: a Polis export folder holds votes.csv and comments.csv/),
    });
    writeFileSync(join(dir, 'half', 'comments.csv'), 'id,text\n1,hello\n');
    expect((await cli(['groups', '--polis', join(dir, 'half')])).err).toMatch(
      /comments.csv does not look like a Polis export: its header should be/,
    );
    expect(await cli(['groups'])).toMatchObject({ code: 2, err: expect.stringMatching(/Usage: cruxbot groups --polis/) });
    expect(await cli(['groups', '--polis'])).toMatchObject({ code: 2 });
  });
});

describe('the groups evaluation', () => {
  it('GIVEN Polis’s groups are the two camps THEN the adjusted Rand index is 1', () => {
    const folder = join(dir, 'transport');
    writePolisFixture(folder);
    const e = evaluateGroups(folder);
    expect(e).toMatchObject({
      conversation: 'transport',
      participants: 21,
      oursPlaced: 20,
      polisPlaced: 20,
      both: 20,
      ours: [10, 10],
      polis: [10, 10],
    });
    expect(e.ari).toBe(1);
    expect(e.silhouetteOurs).toBeCloseTo(e.silhouettePolis, 12);
  });

  it('expands a folder of conversations', () => {
    writePolisFixture(join(dir, 'b'));
    writePolisFixture(join(dir, 'a'));
    expect(conversationFolders([dir])).toEqual([join(dir, 'a'), join(dir, 'b')]);
    expect(conversationFolders([join(dir, 'a')])).toEqual([join(dir, 'a')]);
  });
});
