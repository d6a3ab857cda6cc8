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
});
