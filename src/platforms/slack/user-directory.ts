import type { Logger } from '../../core/logger.ts';
import type { WebClient } from './delivery.ts';
import { slackErrorCode } from './slack-errors.ts';

const TTL_MS = 60 * 60_000;
const MAX_ENTRIES = 5_000;

/**
 * People's display names by user id (users.info, scope `users:read`), cached for an hour: a captured
 * message or a thread names its authors, and Slack's payloads carry only their ids.
 */
export class UserDirectory {
  private readonly names = new Map<string, { name: string | undefined; expires: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The name cached for `id`, without asking Slack. */
  known(id: string): string | undefined {
    const entry = this.names.get(id);
    return entry && entry.expires > this.clock() ? entry.name : undefined;
  }

  /** Looks up every id not yet cached, in parallel; failures leave the id unnamed. */
  async resolve(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => {
      const entry = this.names.get(id);
      return !entry || entry.expires <= this.clock();
    });
    await Promise.all(missing.map((id) => this.lookUp(id)));
  }

  async name(id: string): Promise<string | undefined> {
    await this.resolve([id]);
    return this.known(id);
  }

  private async lookUp(id: string): Promise<void> {
    let name: string | undefined;
    try {
      const { user } = await this.client.users.info({ user: id });
      name = user?.profile?.display_name || user?.real_name || user?.name || undefined;
    } catch (error) {
      this.log.debug({ user: id, code: slackErrorCode(error) }, 'slack: users.info failed; showing the user id');
    }
    if (this.names.size >= MAX_ENTRIES) this.names.delete(this.names.keys().next().value!);
    this.names.set(id, { name, expires: this.clock() + TTL_MS });
  }
}
