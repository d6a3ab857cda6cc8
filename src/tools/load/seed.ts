import { runText, type RequestContext } from '../../core/dispatch.ts';
import { toPlainText } from '../../core/markup.ts';
import type { CommandRegistry } from '../../core/registry.ts';
import type { Block } from '../../core/reply.ts';
import type { Services } from '../../services.ts';
import { seededRandom } from '../../domain/credences/seeded-random.ts';
import { DEBATE_SLUG, personId, placeOf, sentence, type Workload } from './workload.ts';
import { sqliteConnection } from '../../storage/index.ts';

/** A request as it reaches dispatch when `person` of `team` types in `channel` on Slack. */
export function slackRequest(services: Services, commands: CommandRegistry, team: string, channel: string, person: string): RequestContext {
  return {
    actor: { id: person, name: person.toLowerCase() },
    workspace: `slack:${team}`,
    channel: { id: channel },
    platform: 'slack',
    services,
    commands,
  };
}

/**
 * Gives each team the debate the requests work on, through the commands themselves: `load-test`
 * (current in every worker's channel), its seeded claims in a tree of supports and opposes, and
 * credences from a third of the people on the first claims. Commits without waiting for the disk
 * (the run itself is measured with full sync).
 */
export async function seedWorkload(services: Services, commands: CommandRegistry, workload: Workload, workers: number): Promise<void> {
  // SQLite only: PostgreSQL's throwaway cluster is fast enough to seed with every commit durable.
  const db = sqliteConnection(services.store);
  const random = seededRandom(7);
  db?.pragma('synchronous = OFF');
  try {
    for (const team of workload.teams) {
      const channels = Array.from({ length: workers }, (_, w) => placeOf(workload, w))
        .filter((p) => p.team === team)
        .map((p) => p.channel);
      const as = (i: number, channel = channels[0] ?? 'CLOADSEED') =>
        slackRequest(services, commands, team, channel, personId(team, i % workload.people));
      await seedLine('/debate new slug:load-test title:"Do goals drift with every serial step, or follow the data?"', as(0));
      for (const channel of channels.slice(1)) await seedLine(`/debate use ${DEBATE_SLUG}`, as(0, channel));
      for (let n = 1; n <= workload.seededClaims; n++) await seedLine(`/claim add text:"${sentence(random)}"`, as(n));
      for (let n = 2; n <= workload.seededClaims; n++) {
        await seedLine(`/link C${n} C${Math.floor(n / 2)} ${n % 5 === 0 ? 'crux-of' : n % 3 === 0 ? 'opposes' : 'supports'}`, as(n));
      }
      const raters = Math.max(1, Math.floor(workload.people / 3));
      for (let p = 0; p < raters; p++) {
        for (let n = 1; n <= Math.min(30, workload.seededClaims); n++)
          await seedLine(`/credence C${n} ${5 + Math.floor(random() * 91)}%`, as(p));
      }
    }
  } finally {
    db?.pragma('synchronous = FULL');
  }
}

/** A poll the run opened, and where its message is (a message the fake Web API never posted, but the bot edits). */
export interface SeededPoll {
  readonly workspace: string;
  readonly claim: number;
  readonly channel: string;
  readonly ts: string;
}

/**
 * Gives each team `perTeam` more claims (numbered after the seeded ones, so no request touches them) with
 * a poll each that is already due: it was opened a minute and a second ago to close in a minute. The
 * instances' poll closers then race to close them as they start; each must close once.
 */
export async function seedDuePolls(
  services: Services,
  commands: CommandRegistry,
  workload: Workload,
  perTeam: number,
): Promise<SeededPoll[]> {
  const random = seededRandom(11);
  const earlier: Services = { ...services, clock: () => new Date(Date.now() - 61_000) };
  const polls: SeededPoll[] = [];
  for (const team of workload.teams) {
    const { channel } = placeOf(workload, workload.teams.indexOf(team));
    for (let p = 0; p < perTeam; p++) {
      const person = slackRequest(services, commands, team, channel, personId(team, p % workload.people));
      const claim = workload.seededClaims + p + 1;
      await seedLine(`/claim add text:"${sentence(random)}"`, person);
      const reply = await runText(`/poll C${claim} closes:1m`, { ...person, services: earlier });
      if (reply.accent === 'error' || !reply.onSent)
        throw new Error(`seeding a poll on C${claim} failed: ${reply.blocks.map(words).join(' ')}`);
      const ts = `1600000000.${String(polls.length + 1).padStart(6, '0')}`;
      await reply.onSent({ platform: 'slack', channel, id: ts });
      polls.push({ workspace: `slack:${team}`, claim, channel, ts });
    }
  }
  return polls;
}

async function seedLine(line: string, request: RequestContext): Promise<void> {
  const reply = await runText(line, request);
  if (reply.accent === 'error') throw new Error(`seeding the load test failed at "${line}": ${reply.blocks.map(words).join(' ')}`);
}

function words(block: Block): string {
  return block.type === 'text' || block.type === 'context' ? toPlainText(block.text) : '';
}
