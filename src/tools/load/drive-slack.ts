import { closedLoop } from './closed-loop.ts';
import type { Delivery, FakeSlackWebApi } from './fake-web-api.ts';
import { outcomeOf, type Sample } from './samples.ts';
import { postSigned, slashCommandForm } from './slash-request.ts';
import { personId, placeOf, type Workload } from './workload.ts';

/** One bot process a request can be sent to. */
export interface Target {
  /** Which instance (1, 2, …): a restarted one keeps its number. */
  readonly instance: number;
  readonly eventsUrl: string;
  /** Set the moment before it is killed: a request to it that fails now was in flight at the kill. */
  readonly dying: boolean;
  /** Resolves once it has been killed and replies it had already sent have had time to arrive. */
  readonly gone: Promise<void>;
}

/** The instances, as a load balancer sees them: the next live one for each request. */
export interface Fleet {
  pick(): Target;
  /** Called as request `index` starts (the run kills an instance halfway). */
  starting?(index: number): void;
}

export interface SlackDrive {
  readonly fleet: Fleet;
  readonly signingSecret: string;
  readonly fake: FakeSlackWebApi;
  readonly workload: Workload;
  readonly concurrency: number;
  /** No request starts after this (`performance.now()`). */
  readonly deadline: number;
  /** A reply that has not arrived this long after its request is counted as missing. */
  readonly replyTimeoutMs: number;
}

/**
 * Sends the workload's slash commands to the bot's events URL, signed, `concurrency` at a time. Each
 * worker types in its own channel and gets its own response URL per request, so every reply the fake
 * Web API receives (chat.postMessage or chat.postEphemeral to that channel, or that response URL) is
 * matched to the one request waiting for it.
 */
export async function driveSlack(o: SlackDrive): Promise<{ samples: Sample[]; sent: number; unexpected: number; workers: number[] }> {
  const waiting = new Map<string, (delivery: Delivery) => void>();
  let unexpected = 0;
  o.fake.onDelivery((delivery) => {
    const key = delivery.responseId !== undefined ? `response:${delivery.responseId}` : `channel:${delivery.channel}`;
    const settle = waiting.get(key);
    if (settle) settle(delivery);
    else unexpected++;
  });

  const samples: Sample[] = [];
  // Which worker (so which team and channel) sent each request: the floor sends each from the same place.
  const workers: number[] = [];
  const loop = { concurrency: o.concurrency, total: o.workload.requests.length, deadline: o.deadline };
  const sent = await closedLoop(loop, async (index, worker) => {
    const request = o.workload.requests[index]!;
    workers[index] = worker;
    const { team, channel } = placeOf(o.workload, worker);
    const keys = [`response:${index}`, `channel:${channel}`];
    let timer: NodeJS.Timeout | undefined;
    const reply = new Promise<Delivery | undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), o.replyTimeoutMs);
      for (const key of keys) waiting.set(key, resolve);
    });
    const done = () => {
      clearTimeout(timer);
      for (const key of keys) waiting.delete(key);
    };

    const body = slashCommandForm({
      team,
      user: personId(team, request.person),
      channel,
      command: request.command,
      text: request.text,
      responseUrl: o.fake.responseUrl(String(index)),
      triggerId: `${index}.load.slash`,
    });
    o.fleet.starting?.(index);
    const target = o.fleet.pick();
    const { instance } = target;
    const killed = target.gone.then(() => 'killed' as const);
    const started = performance.now();
    const status = await Promise.race([postSigned(target.eventsUrl, body, o.signingSecret).catch(() => 0), killed]);
    const ackMs = performance.now() - started;
    if (status === 'killed' || (status !== 200 && target.dying)) {
      done();
      samples.push({ kind: request.kind, outcome: 'in flight at kill', instance, index });
      return;
    }
    if (status !== 200) {
      done();
      samples.push({ kind: request.kind, outcome: 'HTTP error', instance, index });
      return;
    }
    const delivery = await Promise.race([reply, killed]);
    done();
    if (delivery === 'killed') {
      samples.push({ kind: request.kind, outcome: 'in flight at kill', ackMs, instance, index });
      return;
    }
    if (!delivery) {
      samples.push({ kind: request.kind, outcome: 'no reply', ackMs, instance, index });
      return;
    }
    const outcome = outcomeOf(delivery.text, delivery.text.startsWith(':warning:'));
    samples.push({ kind: request.kind, outcome, ackMs, replyMs: delivery.at - started, instance, index });
  });
  return { samples, sent, unexpected, workers };
}
