import { runText } from '../../core/dispatch.ts';
import { toPlainText } from '../../core/markup.ts';
import type { CommandRegistry } from '../../core/registry.ts';
import type { Reply } from '../../core/reply.ts';
import type { Services } from '../../services.ts';
import { closedLoop } from './closed-loop.ts';
import { outcomeOf, type Sample } from './samples.ts';
import { slackRequest } from './seed.ts';
import { personId, placeOf, type Workload } from './workload.ts';

/**
 * The floor: the same requests, from the same people in the same channels (`workers[i]` sent request
 * i over Slack), straight into the command core (`runText`, as the console does) with no HTTP, no
 * signing and no Block Kit. One at a time: the core is synchronous, so more at once would only queue
 * them, and each figure is the work itself.
 */
export async function driveConsole(o: {
  readonly services: Services;
  readonly commands: CommandRegistry;
  readonly workload: Workload;
  readonly workers: readonly number[];
  readonly deadline: number;
}): Promise<{ samples: Sample[]; sent: number }> {
  const samples: Sample[] = [];
  const loop = { concurrency: 1, total: o.workload.requests.length, deadline: o.deadline };
  const sent = await closedLoop(loop, async (index) => {
    const request = o.workload.requests[index]!;
    const { team, channel } = placeOf(o.workload, o.workers[index] ?? 0);
    const started = performance.now();
    const reply = await runText(
      `/${request.command} ${request.text}`,
      slackRequest(o.services, o.commands, team, channel, personId(team, request.person)),
    );
    const replyMs = performance.now() - started;
    samples.push({ kind: request.kind, outcome: outcomeOf(wordsOf(reply), reply.accent === 'error'), replyMs });
  });
  return { samples, sent };
}

function wordsOf(reply: Reply): string {
  return reply.blocks.map((b) => (b.type === 'text' || b.type === 'context' ? toPlainText(b.text) : '')).join('\n');
}
