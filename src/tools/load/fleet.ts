import { setTimeout as sleep } from 'node:timers/promises';
import { startBotProcess, type BotProcess, type BotProcessOptions } from './bot-process.ts';
import type { Fleet, Target } from './drive-slack.ts';

/** Time for replies a killed bot had already sent to reach the fake Web API before its requests are written off. */
const LAST_REPLIES_MS = 250;

/** One process of an instance: the first, or the one started after a kill. */
class Incarnation implements Target {
  dying = false;
  readonly gone: Promise<void>;
  readonly eventsUrl: string;
  private markGone!: () => void;

  constructor(
    readonly instance: number,
    readonly bot: BotProcess,
  ) {
    this.eventsUrl = bot.eventsUrl;
    this.gone = new Promise((resolve) => (this.markGone = resolve));
  }

  async kill(): Promise<void> {
    this.dying = true;
    await this.bot.kill();
    await sleep(LAST_REPLIES_MS);
    this.markGone();
  }
}

/** What happened to the instance killed halfway. */
export interface KillReport {
  readonly instance: number;
  /** The request about to start when it was killed. */
  readonly atRequest: number;
  /** From SIGKILL until its new process listened again (or gave up). */
  readonly downMs: number;
  /** Whether the new process started; if not, why. */
  readonly restarted: true | string;
}

/**
 * N bot processes on one database, behind a round-robin balancer that skips an instance that is down
 * (as a load balancer's health check would). With `killAt`, the last instance is SIGKILLed as that request
 * starts, and started again while the others carry the load.
 */
export class BotFleet implements Fleet {
  private readonly live: Incarnation[];
  private turn = 0;
  private restarting: Promise<void> | undefined;
  private cpuOfKilled = 0;
  kill: KillReport | undefined;

  private constructor(
    bots: BotProcess[],
    private readonly options: BotProcessOptions,
    private readonly killAt: number | undefined,
    private readonly progress: (line: string) => void,
  ) {
    this.live = bots.map((bot, i) => new Incarnation(i + 1, bot));
  }

  /** Starts `instances` processes at once (they migrate under a lock and race for the due polls). */
  static async start(
    instances: number,
    options: BotProcessOptions,
    o: { killAt?: number; progress?: (line: string) => void } = {},
  ): Promise<BotFleet> {
    const started = await Promise.allSettled(Array.from({ length: instances }, () => startBotProcess(options)));
    const bots = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await Promise.all(bots.map((bot) => bot.kill()));
      throw failed.reason;
    }
    return new BotFleet(bots, options, o.killAt, o.progress ?? (() => {}));
  }

  get size(): number {
    return this.live.length;
  }

  pick(): Target {
    const up = this.live.filter((t) => !t.dying);
    // With every instance down a request still goes somewhere, and is written off as in flight at the kill.
    return up.length ? up[this.turn++ % up.length]! : this.live[0]!;
  }

  starting(index: number): void {
    if (index !== this.killAt || this.restarting) return;
    const victim = this.live[this.live.length - 1]!;
    const slot = this.live.length - 1;
    this.restarting = (async () => {
      const at = performance.now();
      this.cpuOfKilled += victim.bot.cpuMs() ?? 0;
      this.progress(`request ${index + 1}: kill -9 instance ${victim.instance}, then start it again…`);
      await victim.kill();
      const report = { instance: victim.instance, atRequest: index + 1 };
      try {
        const bot = await startBotProcess(this.options);
        // Its start-up is not work of the run, as the first processes' was not.
        this.cpuOfKilled -= bot.cpuMs() ?? 0;
        this.live[slot] = new Incarnation(victim.instance, bot);
        this.kill = { ...report, downMs: performance.now() - at, restarted: true };
        this.progress(`instance ${victim.instance} is back after ${(this.kill.downMs / 1000).toFixed(1)} s`);
      } catch (error) {
        this.kill = { ...report, downMs: performance.now() - at, restarted: error instanceof Error ? error.message : String(error) };
      }
    })();
  }

  /**
   * CPU time of every process so far, where the system says: a killed one's as last read before the kill,
   * a restarted one's since it listened.
   */
  cpuMs(): number | undefined {
    const each = this.live.map((t) => (t.dying ? 0 : t.bot.cpuMs()));
    return each.some((ms) => ms === undefined) ? undefined : each.reduce((sum: number, ms) => sum + ms!, this.cpuOfKilled);
  }

  /** Waits for a restart under way, then SIGTERMs every instance; their exit codes, by instance. */
  async stop(): Promise<(number | null)[]> {
    await this.restarting?.catch(() => {});
    return await Promise.all(this.live.map((t) => (t.dying ? Promise.resolve(null) : t.bot.stop())));
  }
}
