import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { createRegistry } from '../../src/core/registry.ts';
import { checkDatabase, checksPass } from '../../src/tools/load/checks.ts';
import { sqliteDatabase } from '../../src/tools/load/database.ts';
import { seedDuePolls, seedWorkload } from '../../src/tools/load/seed.ts';
import { buildWorkload } from '../../src/tools/load/workload.ts';

describe('the load run’s checks of the database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cruxbot-load-checks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('catch an acknowledged claim that is not stored, and a due poll nobody closed', async () => {
    const database = sqliteDatabase(join(dir, 'checks.db'));
    const workload = buildWorkload({ requests: 40, teams: 1, people: 3, seededClaims: 3 });
    const commands = createRegistry(COMMANDS);
    const services = await database.openServices();
    await seedWorkload(services, commands, workload, 1);
    const polls = await seedDuePolls(services, commands, workload, 1);
    await services.store.close();
    const add = workload.requests.find((r) => r.kind === 'claim add')!;

    // GIVEN the bot said it added a claim, but no bot ever ran: nothing was stored and the poll is still open.
    const checks = await checkDatabase({
      database,
      workload,
      samples: [{ kind: 'claim add', outcome: 'ok', index: add.index, instance: 1 }],
      workers: workload.requests.map(() => 0),
      seededUpTo: new Map([['slack:TLOAD01', 4]]),
      polls,
      updates: new Map(),
    });

    expect(checks).toMatchObject({ acknowledged: 1, stored: 0, lost: 1, numbersTwice: 0, numberGaps: 0 });
    expect(checks.polls).toEqual({ total: 1, closedOnce: 0, oneCloseMessage: 0 });
    expect(checksPass(checks)).toBe(false);
  });
});
