import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/storage/index.ts';
import { createTestBot, replyText, type TestBot } from '../support/harness.ts';
import { postgresBinaries, startCluster, type Cluster } from '../../src/tools/postgres-cluster.ts';

/**
 * The PostgreSQL server stops while the bot runs (a failover, a restart for an upgrade) and comes back.
 * A server of its own, so stopping it touches no other suite.
 */
describe.runIf(postgresBinaries())('the database goes away while the bot runs, and comes back', () => {
  let cluster: Cluster;
  let bot: TestBot;
  beforeAll(async () => {
    cluster = await startCluster();
    bot = createTestBot({ store: await openPostgres(cluster.url, { max: 4 }) });
  }, 60_000);
  afterAll(async () => {
    await bot?.services.store.close();
    cluster?.destroy();
  });

  const say = async (line: string) => replyText(await bot.run(line));

  it('answers "try again" while it is down, writes nothing half-way, and works again once it is back', async () => {
    expect(await say('/debate new slug:outage title:"Does it survive a restart?"')).toMatch(/outage/);
    expect(await say('/claim add text:"Written before the outage"')).toMatch(/\bC1\b/);
    expect(await say('/credence C1 60')).toMatch(/60%/);

    cluster.stop();
    for (const line of ['/claim add text:"Written while the server is down"', '/credence C1 90']) {
      expect(await say(line), line).toMatch(/The database is not reachable right now, so nothing was saved\. Try again in a moment\./);
    }
    expect(await say('/claim show C1')).toMatch(/not reachable right now/);

    cluster.start();
    // The pool reconnects by itself: the first request after the restart already succeeds.
    expect(await say('/claim add text:"Written after the outage"')).toMatch(/\bC2\b/);
    const list = await say('/claim list');
    expect(list).toContain('Written before the outage');
    expect(list).toContain('Written after the outage');
    expect(list).not.toContain('while the server is down');
    // The credence given during the outage was not kept: the team still sees 60%.
    expect(await say('/credence show C1')).toMatch(/60%/);
    expect(await say('/credence show C1')).not.toMatch(/90%/);
  }, 60_000);
});
