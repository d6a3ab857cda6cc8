/** When a claim should be resolved, in the zone of whoever set it (kept so replies and reminders show it there). */
export interface ResolveBy {
  readonly workspace: string;
  readonly claimId: number;
  /** ISO instant. */
  readonly resolveBy: string;
  /** IANA time zone it was written in. */
  readonly zone: string;
  readonly setBy: string;
  readonly setAt: string;
  /** When the next reminder is due; absent once none is (resolved). */
  readonly remindAt?: string;
}

/** What one person chose for themselves with /config: their time zone, and whether they want private nudges. */
export interface PersonSettings {
  readonly timeZone?: string;
  readonly nudges: boolean;
  readonly updatedAt: string;
}
