import type { EarlierText } from '../domain/claims.ts';
import type { AuditEntry, AuditRecord } from '../domain/audit.ts';
import type { Claim, ClaimFilter, ClaimStatus, NewClaim } from '../domain/claims.ts';
import type { Credence, CredenceCondition, LatestCredence, MyCredence, NewCredence } from '../domain/credences/credence.ts';
import type { CruxGraph } from '../domain/crux-graph.ts';
import type { Debate, DebateContents, DebateOverview, DebateSummary } from '../domain/debates.ts';
import type { Link, LinkKind } from '../domain/links.ts';
import type { NewPoll, NewPollVote, Poll, PollVote } from '../domain/polls.ts';
import type { Resolution } from '../domain/resolutions.ts';
import type { Moderators } from '../domain/roles.ts';
import type { Setting, SettingKey, SettingValue } from '../domain/settings.ts';
import type { DueReminder, PersonSettings, ReminderDigest, ResolveBy } from '../domain/forecasts.ts';
import type { NewShareLink, ShareLink } from '../domain/share-links.ts';
import type { SimRun, SimRunKind } from '../domain/sim-runs.ts';
import type { Capture, CaptureItem, CaptureItemStatus, CaptureLink, NewCaptureItem } from '../domain/threads/captures.ts';
import type { MessageRef } from '../core/reply.ts';

/*
 * The storage ports: what the rest of cruxbot may ask of a database, every method async. One backend
 * implements them (storage/sqlite/, the embedded default); nothing outside storage/ knows which.
 * Every method takes the workspace where rows belong to one; none reads across workspaces.
 */

/** Every change, with who made it and the values before and after. Written in the change's transaction. */
export interface AuditStore {
  record(entry: AuditEntry): Promise<void>;
  recent(workspace: string, limit?: number): Promise<AuditRecord[]>;
  /**
   * Forgets what the log says about deleted claims: the before and after values (their texts, tags,
   * credences) of every row about one of these claim numbers, or a link or merge with one at either end,
   * are cleared; who did what, and when, stays. Returns how many rows were cleared.
   */
  forgetClaims(workspace: string, numbers: readonly number[]): Promise<number>;
}

/** Claims and their tags. Every method takes the workspace; none reads across workspaces. */
export interface ClaimStore {
  insert(claim: NewClaim): Promise<Claim>;
  byNumber(workspace: string, number: number): Promise<Claim | undefined>;
  byId(workspace: string, id: number): Promise<Claim | undefined>;
  /** The claim, or a UserError naming the id that does not exist here. */
  require(workspace: string, number: number): Promise<Claim>;
  /** Replaces the text; the text it had is kept (see `earlierTexts`) when it changes. */
  setText(workspace: string, id: number, text: string, at: string, by?: string): Promise<void>;
  /** The texts the claim had before its edits, oldest first. */
  earlierTexts(workspace: string, id: number): Promise<EarlierText[]>;
  /** Row ids of the debate's claims whose text was edited (they have an earlier text). */
  editedInDebate(workspace: string, debateId: number): Promise<number[]>;
  setTags(id: number, tags: readonly string[]): Promise<void>;
  setStatus(workspace: string, id: number, status: ClaimStatus, at: string): Promise<void>;
  countInDebate(debateId: number): Promise<number>;
  /** The claims with these row ids that are in the workspace, by number (ids elsewhere are left out). */
  byIds(workspace: string, ids: readonly number[]): Promise<Claim[]>;
  inDebate(debateId: number): Promise<Claim[]>;
  list(workspace: string, filter: ClaimFilter): Promise<{ claims: Claim[]; total: number }>;
  /** Tags used in the workspace that start with `prefix`, most used first. */
  tagCounts(workspace: string, prefix: string, limit: number): Promise<{ tag: string; n: number }[]>;
  recent(workspace: string, limit: number): Promise<Claim[]>;
}

/**
 * Credences: an append-only history. Reads return each person's latest row per claim and condition.
 * Every method takes the workspace.
 */
export interface CredenceStore {
  insert(credence: NewCredence): Promise<Credence>;
  /** This person's latest credence in the claim under this condition (none: unconditional). */
  latestOf(workspace: string, userId: string, claimId: number, given?: CredenceCondition): Promise<Credence | undefined>;
  /** Everyone's latest credences in the claim, conditional ones included. */
  latestForClaim(workspace: string, claimId: number): Promise<Credence[]>;
  /** Everyone's latest plain credence in the claim; with `upToId`, as it stood when that row was the newest. */
  latestUnconditional(workspace: string, claimId: number, upToId?: number): Promise<LatestCredence[]>;
  /** Everyone's latest credences in every claim of the debate, conditional ones included. */
  latestInDebate(workspace: string, debateId: number): Promise<LatestCredence[]>;
  /**
   * The same rows, handed to `visit` one at a time (in no promised order) and never held all at once: for
   * reads that keep a compact summary of a big debate's credences.
   */
  eachLatestInDebate(workspace: string, debateId: number, visit: (credence: LatestCredence) => void): Promise<void>;
  latestUnconditionalInDebate(workspace: string, debateId: number): Promise<LatestCredence[]>;
  /**
   * The same rows reduced to what a matrix needs (row id, person, their name, claim row id, value), handed
   * to `visit` one at a time in no promised order, never held all at once and never made into objects.
   */
  eachLatestPlainInDebate(
    workspace: string,
    debateId: number,
    visit: (id: number, userId: string, userName: string, claimId: number, value: number) => void,
  ): Promise<void>;
  /** A person's latest conditional credences in the claim, or given the claim. */
  conditionalsAround(workspace: string, userId: string, claimId: number): Promise<LatestCredence[]>;
  /** A person's latest credences, by claim number, with the claims' text and status. */
  byUser(workspace: string, userId: string, page: { limit: number; offset: number }): Promise<{ credences: MyCredence[]; total: number }>;
  /** Every credence row of the debate's claims, oldest first: the history a lossless export keeps. */
  historyInDebate(workspace: string, debateId: number): Promise<Credence[]>;
  /** The id of the newest credence row of any workspace (a poll remembers it as its baseline). */
  newestId(): Promise<number>;
}

/** Debates, and which debate each channel is working on. */
export interface DebateStore {
  create(debate: { workspace: string; slug: string; title: string; createdBy: string; createdByName: string; at: string }): Promise<Debate>;
  bySlug(workspace: string, slug: string): Promise<Debate | undefined>;
  byId(workspace: string, id: number): Promise<Debate | undefined>;
  require(workspace: string, slug: string): Promise<Debate>;
  list(workspace: string): Promise<DebateSummary[]>;
  setRoot(workspace: string, debateId: number, claimId: number | null): Promise<void>;
  currentFor(workspace: string, channel: string): Promise<Debate | undefined>;
  setCurrent(workspace: string, channel: string, debateId: number, at: string): Promise<void>;
  /** Claims by status, links, crux links and the top `tags` tags: counted in the database. */
  overview(workspace: string, debateId: number, tags: number): Promise<DebateOverview>;
  /** Counts what the debate holds. */
  contents(workspace: string, debateId: number): Promise<DebateContents>;
  /**
   * Deletes the debate and everything in it; returns what it held. Call inside a transaction. Its
   * claim and run numbers, and its poll and capture ids, are retired, so they are never given again
   * (an old message's `C4` or its buttons never reach something new).
   */
  deleteWithContents(workspace: string, debateId: number): Promise<DebateContents>;
}

/** Typed links between claims of one workspace. */
export interface LinkStore {
  /** Adds the link; returns it and whether it is new (the same link twice is a no-op, not an error). */
  add(link: { workspace: string; fromClaimId: number; toClaimId: number; kind: LinkKind; authorId: string; at: string }): Promise<{
    link: Link;
    created: boolean;
  }>;
  between(workspace: string, fromClaimId: number, toClaimId: number): Promise<Link[]>;
  remove(workspace: string, linkId: number): Promise<void>;
  /** Gives a link new ends, keeping its kind, author and time (a merge moves links this way). */
  repoint(workspace: string, linkId: number, fromClaimId: number, toClaimId: number): Promise<void>;
  outgoing(workspace: string, claimId: number): Promise<Link[]>;
  incoming(workspace: string, claimId: number): Promise<Link[]>;
  /** Links whose two claims are both in the debate. */
  inDebate(debateId: number): Promise<Link[]>;
  /**
   * The debate's links that touch a claim within `depth` links of `claimId` (either direction, through
   * claims of the debate), so every such claim's neighbours are all known: a recursive query, not the graph.
   */
  around(debateId: number, claimId: number, depth: number): Promise<Link[]>;
  refines(workspace: string): Promise<Link[]>;
}

/** Polls on claims, and where their messages live. */
export interface PollStore {
  insert(poll: NewPoll): Promise<Poll>;
  byId(workspace: string, id: number): Promise<Poll | undefined>;
  openForClaim(workspace: string, claimId: number): Promise<Poll | undefined>;
  /** The claim's most recent poll, open or closed. */
  latestForClaim(workspace: string, claimId: number): Promise<Poll | undefined>;
  open(workspace: string): Promise<Poll[]>;
  setMessage(workspace: string, id: number, ref: MessageRef): Promise<void>;
  /** Closes the poll; false when it was already closed. */
  close(workspace: string, id: number, at: string, by: string): Promise<boolean>;
  /** Open polls whose closing time has come, in every workspace. */
  due(now: string): Promise<Poll[]>;
  /** Appends a person's vote in a choice poll (the history is kept; the latest counts). */
  vote(vote: NewPollVote): Promise<PollVote>;
  /** Everyone's latest vote in a choice poll, oldest voter first. */
  votes(workspace: string, pollId: number): Promise<PollVote[]>;
  /** Every vote row of a choice poll, superseded ones too, oldest first (what an export keeps). */
  voteHistory(workspace: string, pollId: number): Promise<PollVote[]>;
  /** Resolves a choice poll to one option; false when it was resolved already. */
  resolveChoice(workspace: string, id: number, option: number, by: string, at: string): Promise<boolean>;
  /** Open polls, in every workspace, whose before-close reminder is due by `now`, soonest first. */
  dueClosingReminders(now: string, limit: number): Promise<Poll[]>;
  /** Clears a poll's before-close reminder if it is still `from`; false when another instance got there first. */
  takeClosingReminder(workspace: string, id: number, from: string): Promise<boolean>;
  /** Queues a before-close reminder (a channel's, or a person's nudge); false when the same one is queued already. */
  queueReminder(reminder: Omit<PollReminder, 'id'>, at: string): Promise<boolean>;
  /** Claims up to `limit` unsent reminders for `leaseMs` (an instance that dies holding one leaves it to the next). */
  claimReminders(holder: string, now: number, limit: number, leaseMs: number): Promise<PollReminder[]>;
  reminderSent(id: number, at: string): Promise<void>;
  /** Every poll on the debate's claims, open or closed, oldest first (what an export keeps). */
  inDebate(workspace: string, debateId: number): Promise<Poll[]>;
}

/** A queued reminder before polls close: a message in a channel, or a private nudge to a person. */
export interface PollReminder {
  readonly id: number;
  readonly workspace: string;
  readonly kind: 'channel' | 'person';
  /** The channel id, or the person's user id. */
  readonly target: string;
  readonly dueAt: string;
  readonly pollIds: readonly number[];
}

/** Who resolved which claim how, and when; undoing keeps the row, marked. */
export interface ResolutionStore {
  insert(resolution: Omit<Resolution, 'id' | 'undoneBy' | 'undoneAt'>): Promise<Resolution>;
  /** The claim's resolution in force, if any. */
  current(workspace: string, claimId: number): Promise<Resolution | undefined>;
  undo(workspace: string, id: number, by: string, at: string): Promise<void>;
  /** Resolutions in force across the workspace, oldest first. */
  inWorkspace(workspace: string): Promise<Resolution[]>;
  /** Every resolution of the debate's claims, undone ones too, in the order they were made (what an export keeps). */
  historyInDebate(workspace: string, debateId: number): Promise<Resolution[]>;
}

/** What each workspace's moderators chose with /config. Values are JSON, checked against their schema on the way in and out. */
export interface SettingsStore {
  /**
   * The setting, or undefined when it was never set or was cleared. A stored value that no longer
   * matches its schema (a hand-edited database) counts as unset rather than granting anything.
   */
  get<K extends SettingKey>(workspace: string, key: K): Promise<Setting<SettingValue<K>> | undefined>;
  /** The moderators configured for the workspace, if any. */
  moderators(workspace: string): Promise<Moderators | undefined>;
  put<K extends SettingKey>(workspace: string, key: K, value: SettingValue<K>, by: { id: string; name: string }, at: string): Promise<void>;
  /** Clears the setting; true when there was one. */
  remove(workspace: string, key: SettingKey): Promise<boolean>;
}

/** Drift runs kept as evidence. Every method takes the workspace; none reads across workspaces. */
export interface SimRunStore {
  insert(run: {
    workspace: string;
    kind: SimRunKind;
    input: unknown;
    summary: unknown;
    headline: string;
    claimId: number | null;
    createdBy: string;
    at: string;
  }): Promise<SimRun>;
  byNumber(workspace: string, number: number): Promise<SimRun | undefined>;
  require(workspace: string, number: number): Promise<SimRun>;
  forClaim(workspace: string, claimId: number): Promise<SimRun[]>;
}

/** Candidate claims and links from a summarized thread, waiting to be added or reviewed. */
export interface CaptureStore {
  insert(capture: Omit<Capture, 'id'>, items: readonly NewCaptureItem[], links: readonly CaptureLink[]): Promise<Capture>;
  byId(workspace: string, id: number): Promise<Capture | undefined>;
  items(captureId: number): Promise<CaptureItem[]>;
  links(captureId: number): Promise<CaptureLink[]>;
  /**
   * Moves a pending item to its outcome. Returns false when it was no longer pending (someone else
   * got there first), so a double click never adds a claim twice.
   */
  settle(captureId: number, position: number, status: Exclude<CaptureItemStatus, 'pending'>, claimId: number | null): Promise<boolean>;
  setDebate(workspace: string, captureId: number, debateId: number): Promise<void>;
  /** The captures filed into the debate, oldest first (what an export keeps). */
  inDebate(workspace: string, debateId: number): Promise<Capture[]>;
}

/**
 * Full-text search over claims, behind its own port: SQLite brings FTS5; another backend brings its own.
 */
export interface SearchStore {
  /**
   * Claims whose text matches the words of `query` (prefix match on the last word, as people type), best
   * first. A query like `C1` or `12` also finds claims by number.
   */
  claims(workspace: string, query: string, options: ClaimSearchOptions): Promise<Claim[]>;
}

export interface ClaimSearchOptions {
  /** Only this debate's claims. */
  readonly debateId?: number;
  /**
   * This debate's matches first, then the rest of the workspace's (each part filled in turn, up to
   * `limit` in all): what autocomplete asks, in one call. Ignored with `debateId`.
   */
  readonly firstIn?: number;
  readonly limit: number;
  /**
   * Rank only the newest `candidates` claims whose words match (in each part), never every match: a word
   * that matches a whole 100k-claim debate then costs a bounded read, at the price of an older, better
   * match being left out when the newest ones are plenty. Without it, every match is ranked.
   */
  readonly candidates?: number;
}

/** A message edit waiting for the instance that serves its platform (e.g. a poll closed by another instance). */
export interface OutboxItem {
  readonly id: number;
  readonly platform: string;
  readonly workspace: string;
  readonly kind: 'refresh-poll';
  /** What to refresh: a poll id, as text. */
  readonly ref: string;
}

/**
 * What used to live in one process, kept in the database so every instance sees it and a restart loses
 * nothing: form drafts, rate-limit windows, requests already handled, leases and the outbox. Times are
 * milliseconds since the epoch.
 */
export interface StateStore {
  /** Keeps a draft for its owner until `expiresAt` (and sweeps expired ones). */
  putDraft(token: string, owner: string, value: string, expiresAt: number, now: number): Promise<void>;
  /** The owner's draft, once (deleted as it is read); undefined, and the draft kept, for anyone else. */
  takeDraft(token: string, owner: string, now: number): Promise<string | undefined>;
  /**
   * Sliding windows: records one hit on every key when each allows it; otherwise records nothing and
   * says which key is full and how long until it has room. Atomic across instances.
   */
  hit(
    limits: readonly { key: string; count: number; windowMs: number }[],
    now: number,
  ): Promise<{ ok: true } | { ok: false; key: string; retryInMs: number }>;
  /** True the first time `key` is seen within `ttlMs` across every instance (a Slack retry, a replayed request). */
  firstTime(key: string, ttlMs: number, now: number): Promise<boolean>;
  /** Takes or renews the lease `name` for `holder` until now + ttlMs; false while another holder has it. */
  lease(name: string, holder: string, ttlMs: number, now: number): Promise<boolean>;
  /** Queues a message edit for whichever instance serves `platform` (once per item: a repeat is a no-op). */
  enqueue(item: Omit<OutboxItem, 'id'>, now: number): Promise<void>;
  /** Claims up to `limit` queued items for these platforms, for `leaseMs` (another instance takes them after). */
  claimOutbox(platforms: readonly string[], holder: string, now: number, limit: number, leaseMs: number): Promise<OutboxItem[]>;
  /** Removes a delivered item. */
  doneOutbox(id: number): Promise<void>;
}

/** One Slack install as stored: the ids to find it by, and what Slack returned, sealed (never readable here). */
export interface InstallationRow {
  /** `team:T…`, or `enterprise:E…` for an org-wide install. */
  readonly installKey: string;
  /** The workspace the install serves (`slack:T…`; `slack:E…` for an org-wide one). */
  readonly workspace: string;
  readonly teamId: string | null;
  readonly enterpriseId: string | null;
  readonly sealed: string;
  /** Which key sealed it (a short hash of the key, never the key). */
  readonly keyId: string;
  readonly installedAt: string;
  readonly updatedAt: string;
}

/** Slack installs made by "Add to Slack" (multi-workspace mode). */
export interface InstallationsStore {
  /** Adds or replaces an install; a re-install keeps the first install's date. */
  put(row: InstallationRow): Promise<void>;
  get(installKey: string): Promise<InstallationRow | undefined>;
  /** Deletes an install (its tokens); true when there was one. */
  remove(installKey: string): Promise<boolean>;
  /** Every install, for `cruxbot rotate-key`. */
  all(): Promise<InstallationRow[]>;
  /** Re-seals one install, only if it is still sealed by `fromKeyId` (so two rotations cannot interleave). */
  reseal(installKey: string, fromKeyId: string, sealed: string, keyId: string, at: string): Promise<boolean>;
}

/** Resolve-by dates and each person's own choices (time zone, nudges). Every method takes the workspace. */
export interface ForecastStore {
  /** Sets (or moves) a claim's resolve-by date; its next reminder is due then. */
  setResolveBy(entry: Omit<ResolveBy, 'remindAt'>): Promise<void>;
  resolveBy(workspace: string, claimId: number): Promise<ResolveBy | undefined>;
  /** The person's own settings, if they ever chose any. */
  person(workspace: string, userId: string): Promise<PersonSettings | undefined>;
  /** Changes what is given (`timeZone: null` clears it), keeps the rest. */
  putPerson(workspace: string, userId: string, change: { timeZone?: string | null; nudges?: boolean }, at: string): Promise<void>;
  /** Who in the workspace asked for private nudges (`/config nudges:on`). */
  nudging(workspace: string): Promise<string[]>;
  /** Claims in any workspace whose next reminder is due by `now`, oldest first (the reminder job's work). */
  dueReminders(now: string, limit: number): Promise<DueReminder[]>;
  /** Moves a claim's next reminder from `from` to `to` (null: none); false when someone moved it first. */
  moveReminder(workspace: string, claimId: number, from: string, to: string | null): Promise<boolean>;
  /** Sets when a claim's next reminder is due, whatever it was (a snooze). */
  setReminder(workspace: string, claimId: number, at: string): Promise<void>;
  /** Queues a person's digest; false when this person's digest for `dueAt` is queued already. */
  queueDigest(digest: Omit<ReminderDigest, 'id'>, at: string): Promise<boolean>;
  /** Claims up to `limit` unsent digests for `leaseMs` (an instance that dies holding one leaves it to the next). */
  claimDigests(holder: string, now: number, limit: number, leaseMs: number): Promise<ReminderDigest[]>;
  digestSent(id: number, at: string): Promise<void>;
}

/** Links that open one debate's read-only page; found only by the hash of their token. */
export interface ShareLinkStore {
  insert(link: NewShareLink): Promise<ShareLink>;
  /** The link whose token hashes to `tokenHash`, live or not, in whatever workspace it belongs to. */
  byTokenHash(tokenHash: string): Promise<ShareLink | undefined>;
  /** The debate's links, revoked ones too, oldest first. */
  forDebate(workspace: string, debateId: number): Promise<ShareLink[]>;
  /** Revokes the debate's links not yet revoked; returns how many. */
  revokeForDebate(workspace: string, debateId: number, by: string, at: string): Promise<number>;
}

/** Every repository, as one handle: the store itself, or a transaction's. */
export interface Repositories {
  readonly debates: DebateStore;
  readonly claims: ClaimStore;
  readonly links: LinkStore;
  readonly audit: AuditStore;
  readonly simRuns: SimRunStore;
  readonly captures: CaptureStore;
  readonly credences: CredenceStore;
  readonly polls: PollStore;
  readonly resolutions: ResolutionStore;
  readonly settings: SettingsStore;
  readonly forecasts: ForecastStore;
  readonly search: SearchStore;
  readonly state: StateStore;
  readonly installations: InstallationsStore;
  readonly shareLinks: ShareLinkStore;
  /** A debate with its claims and the links between them: what the map and the exports draw from. */
  graphOf(debate: Debate): Promise<CruxGraph>;
  /**
   * Part of the debate's graph: the links `links.around` finds and the claims at their ends (the focus
   * included). Every claim within `depth` links of the focus is in it with all its links.
   */
  neighbourhoodOf(debate: Debate, claimId: number, depth: number): Promise<CruxGraph>;
}

/**
 * Every repository's reads and none of its writes: what commands and read models get
 * (`services.queries`). A write goes through a use case in `src/app/`, which holds the store.
 */
export interface Reader {
  readonly debates: Pick<DebateStore, 'bySlug' | 'byId' | 'require' | 'list' | 'currentFor' | 'contents' | 'overview'>;
  readonly claims: Pick<
    ClaimStore,
    | 'byNumber'
    | 'byId'
    | 'require'
    | 'countInDebate'
    | 'byIds'
    | 'inDebate'
    | 'list'
    | 'tagCounts'
    | 'recent'
    | 'earlierTexts'
    | 'editedInDebate'
  >;
  readonly links: Pick<LinkStore, 'between' | 'outgoing' | 'incoming' | 'inDebate' | 'around' | 'refines'>;
  readonly audit: Pick<AuditStore, 'recent'>;
  readonly simRuns: Pick<SimRunStore, 'byNumber' | 'require' | 'forClaim'>;
  readonly captures: Pick<CaptureStore, 'byId' | 'items' | 'links' | 'inDebate'>;
  readonly credences: Omit<CredenceStore, 'insert'>;
  readonly polls: Pick<PollStore, 'byId' | 'openForClaim' | 'latestForClaim' | 'open' | 'due' | 'votes' | 'voteHistory' | 'inDebate'>;
  readonly resolutions: Pick<ResolutionStore, 'current' | 'inWorkspace' | 'historyInDebate'>;
  readonly settings: Pick<SettingsStore, 'get' | 'moderators'>;
  readonly forecasts: Pick<ForecastStore, 'resolveBy' | 'person' | 'nudging'>;
  readonly search: SearchStore;
  readonly shareLinks: Pick<ShareLinkStore, 'byTokenHash' | 'forDebate'>;
  graphOf(debate: Debate): Promise<CruxGraph>;
  neighbourhoodOf(debate: Debate, claimId: number, depth: number): Promise<CruxGraph>;
}

/** The handle a transaction's function gets: every repository, reading and writing inside it. */
export type Tx = Repositories;

/** A snapshot of the database, for `cruxbot backup` and `/health`. */
export interface DatabaseInfo {
  readonly schemaVersion: number;
  readonly bytes: number;
  /** Rows per table (the tables cruxbot keeps, not a search index's internals). */
  readonly rows: Readonly<Record<string, number>>;
}

/** Every row of every table, as JSON-ready objects: for archives, audits and moving to other tools. */
export interface DatabaseExport {
  readonly format: 'cruxbot-export';
  readonly schemaVersion: number;
  readonly exportedAt: string;
  readonly tables: Record<string, unknown[]>;
}

/** What an import did, per table: rows added, and rows that were already there, the same. */
export interface ImportReport {
  readonly tables: Readonly<Record<string, { readonly added: number; readonly same: number }>>;
}

export interface Store extends Repositories {
  /** `sqlite` or `postgres`: what `/health` and the start-up line name. */
  readonly backend: string;
  /** Where the data lives, for the start-up line (a file path, or a URL without its password). */
  readonly location: string;
  /**
   * Runs `fn` in one transaction: all of its writes land, or none do. Reads and writes through `tx` see
   * the transaction's own writes; a transaction begun inside `fn` is a savepoint of this one.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** The schema version the database is at. */
  schemaVersion(): Promise<number>;
  /** A consistent copy of the database to `target` (refuses to overwrite unless told). */
  backup(target: string, options?: { overwrite?: boolean }): Promise<DatabaseInfo>;
  /** Every row of every table, as plain JSON: the export an operator keeps. */
  exportAll(now?: Date): Promise<DatabaseExport>;
  /**
   * Adds an export's rows, ids kept, in one transaction: rows already there are skipped, so it can run
   * again; a different row in the way refuses the whole import (TransferConflict) and changes nothing.
   * `replace` first empties every table (a restore).
   */
  importRows(data: DatabaseExport, options?: { replace?: boolean }): Promise<ImportReport>;
  /** Deletes every row of one workspace in one transaction (`cruxbot delete-workspace`); rows per table. */
  deleteWorkspace(workspace: string): Promise<Record<string, number>>;
  close(): Promise<void>;
}
