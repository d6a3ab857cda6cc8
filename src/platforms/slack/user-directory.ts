import type { Logger } from '../../core/logger.ts';
import type { WebClient } from './delivery.ts';
import { slackErrorCode } from './slack-errors.ts';

/** Names change rarely; an hour-old one is fine to show. */
const NAME_TTL_MS = 60 * 60_000;
/** Admin rights decide what someone may do, so a demoted admin loses them within minutes. */
const ROLE_TTL_MS = 5 * 60_000;
/** When Slack did not answer, an admin is not kept waiting long for their rights to come back. */
const FAILED_ROLE_TTL_MS = 30_000;
const MAX_ENTRIES = 5_000;

interface Entry {
  readonly name: string | undefined;
  /** A workspace admin or owner (`is_admin`, `is_owner`): a cruxbot moderator. */
  readonly admin: boolean;
  /** The person's profile time zone (`tz`, IANA): how their dates are read unless they chose one. */
  readonly timeZone: string | undefined;
  /** Until when the name, and the admin flag, are trusted. */
  readonly nameUntil: number;
  readonly roleUntil: number;
}

/**
 * What users.info (scope `users:read`) says about people, by user id: display names, cached for an
 * hour (a captured message or a thread names its authors, and Slack's payloads carry only ids), and
 * whether they are a workspace admin or owner, trusted for five minutes.
 */
export class UserDirectory {
  private readonly entries = new Map<string, Entry>();
  private readonly lookups = new Map<string, Promise<void>>();

  constructor(
    private readonly client: WebClient,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The name cached for `id`, without asking Slack. */
  known(id: string): string | undefined {
    const entry = this.entries.get(id);
    return entry && entry.nameUntil > this.clock() ? entry.name : undefined;
  }

  /** Looks up every id not yet cached, in parallel; failures leave the id unnamed. */
  async resolve(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !((this.entries.get(id)?.nameUntil ?? 0) > this.clock()));
    await Promise.all(missing.map((id) => this.lookUp(id)));
  }

  async name(id: string): Promise<string | undefined> {
    await this.resolve([id]);
    return this.known(id);
  }

  /** The profile time zone cached for `id`, without asking Slack (the moderator check has just asked). */
  knownTimeZone(id: string): string | undefined {
    const entry = this.entries.get(id);
    return entry && entry.nameUntil > this.clock() ? entry.timeZone : undefined;
  }

  /** Whether `id` is a workspace admin or owner; false when Slack cannot say (it grants nothing by doubt). */
  async isAdmin(id: string): Promise<boolean> {
    if (!((this.entries.get(id)?.roleUntil ?? 0) > this.clock())) await this.lookUp(id);
    return this.entries.get(id)?.admin ?? false;
  }

  /** One users.info call per id at a time: a burst of requests from one person shares it. */
  private lookUp(id: string): Promise<void> {
    let pending = this.lookups.get(id);
    if (!pending) {
      pending = this.fetchUser(id).finally(() => this.lookups.delete(id));
      this.lookups.set(id, pending);
    }
    return pending;
  }

  private async fetchUser(id: string): Promise<void> {
    let name: string | undefined;
    let admin = false;
    let timeZone: string | undefined;
    let answered = false;
    try {
      const { user } = await this.client.users.info({ user: id });
      name = user?.profile?.display_name || user?.real_name || user?.name || undefined;
      timeZone = typeof user?.tz === 'string' && user.tz ? user.tz : undefined;
      admin = user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
      answered = true;
    } catch (error) {
      this.log.debug({ user: id, code: slackErrorCode(error) }, 'slack: users.info failed; showing the user id, not an admin');
    }
    const now = this.clock();
    this.entries.delete(id);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, { name, admin, timeZone, nameUntil: now + NAME_TTL_MS, roleUntil: now + (answered ? ROLE_TTL_MS : FAILED_ROLE_TTL_MS) });
  }
}
