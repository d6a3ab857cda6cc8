import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { createRegistry } from '../../../src/core/registry.ts';
import { closeDuePolls } from '../../../src/jobs/poll-closer.ts';
import { ConsoleSession } from '../../../src/platforms/console/session.ts';
import { createServices, type Services } from '../../../src/services.ts';

/** A poll in the console: the message is "posted" as printed text and edits are printed as they happen. */
let dir: string;
let services: Services;
let printed: string[];
let now: Date;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-console-poll-'));
  now = new Date('2026-11-23T12:00:00Z');
  services = createServices(loadConfig({ DATABASE_PATH: join(dir, 'db.sqlite') }), { log: silentLogger, clock: () => now });
  printed = [];
});
afterEach(async () => {
  await services.store.close();
  rmSync(dir, { recursive: true, force: true });
});

const session = (name: string) =>
  new ConsoleSession(services, createRegistry(COMMANDS), { id: name, name }, { color: false, width: 100 }, (t) => printed.push(t));

describe('a poll in the console', () => {
  it('remembers its message, prints the edit when someone records a credence, and again when it closes at its time', async () => {
    const ada = session('ada');
    await ada.run('/debate new slug:drift title:"Does misalignment grow with serial steps?"');
    await ada.run('/claim add Goals drift randomly with every serial step');
    await ada.run('/poll C1 closes:2h');
    expect(printed.at(-1)).toContain('Poll · C1');
    expect((await services.store.polls.openForClaim('local', 1))?.message).toMatchObject({ platform: 'console' });

    const ben = session('ben');
    await ben.run('/credence C1 80');
    const edit = printed.find((p) => p.startsWith('(message 1 updated)'));
    expect(edit).toMatch(/Team forecast\s+80%/);
    expect(printed.at(-1)).toContain('Recorded P(C1) = 80%.');

    now = new Date('2026-11-23T14:00:01Z');
    await closeDuePolls(services);
    expect(printed.at(-1)).toMatch(/^\(message 1 updated\)\nPoll closed · C1/);
    expect(printed.at(-1)).toContain('at its closing time');
  });

  it('votes by typing (the console has no buttons): a yes/no poll, and a choice poll with shares per option', async () => {
    const ada = session('ada');
    await ada.run('/debate new slug:drift title:"Does misalignment grow with serial steps?"');
    await ada.run('/claim add Goals drift randomly with every serial step');
    await ada.run('/poll C1 closes:2h');
    expect(printed.at(-1)).toContain('/poll vote P1 70');

    const ben = session('ben');
    await ben.run('/poll vote P1 70');
    expect(printed.find((p) => p.startsWith('(message 1 updated)'))).toMatch(/Team forecast\s+70%/);
    expect(printed.at(-1)).toContain('You: 70% on C1.');

    await ada.run('/poll new kind:choice options:"OpenAI | Google DeepMind | Anthropic" Which lab ships first?');
    expect(printed.at(-1)).toContain('Question · P2');
    expect(printed.at(-1)).toContain('/poll vote P2 A:50 B:30 C:20');
    await ben.run('/poll vote P2 A:20 B:20 C:40');
    expect(printed.at(-1)).toContain('You, on P2: A 25% · B 25% · C 50%.');
    expect(printed.at(-1)).toContain('Your shares summed to 80%, so I scaled them to 100%.');
    const edit = printed.filter((p) => p.startsWith('(message 2 updated)')).at(-1);
    expect(edit).toMatch(/C {2}Anthropic\s+50% │/);

    await ada.run('/poll resolve P2 C');
    expect(printed.join('\n')).toContain('Resolved P2 to C: Anthropic.');
    expect((await services.store.polls.byId('local', 2))?.resolvedOption).toBe(2);
  });
});
