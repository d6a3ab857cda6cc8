/** A person's latest credence in one claim, possibly conditional on another claim being true or false. */
export interface CredenceEntry {
  readonly userId: string;
  readonly claimId: number;
  readonly value: number;
  readonly given?: { readonly claimId: number; readonly isTrue: boolean };
}

const key = (claimId: number, given?: CredenceEntry['given']) =>
  given ? `${claimId}|${given.claimId}|${given.isTrue ? 1 : 0}` : `${claimId}`;

/** Latest credences indexed by claim and condition, then by person: what the crux maths reads. */
export class CredenceIndex {
  private readonly byKey = new Map<string, Map<string, number>>();
  private readonly conditions = new Map<number, Set<number>>();

  constructor(entries: Iterable<CredenceEntry> = []) {
    for (const entry of entries) this.add(entry);
  }

  /** Adds one credence (a later one for the same person, claim and condition replaces it). */
  add(entry: CredenceEntry): void {
    const k = key(entry.claimId, entry.given);
    let people = this.byKey.get(k);
    if (!people) this.byKey.set(k, (people = new Map()));
    people.set(entry.userId, entry.value);
    if (entry.given) {
      let set = this.conditions.get(entry.claimId);
      if (!set) this.conditions.set(entry.claimId, (set = new Set()));
      set.add(entry.given.claimId);
    }
  }

  /** Each person's P(claim). */
  unconditional(claimId: number): ReadonlyMap<string, number> {
    return this.byKey.get(key(claimId)) ?? EMPTY;
  }

  /** Each person's P(claim | given is true) or P(claim | given is false). */
  conditional(claimId: number, givenId: number, isTrue: boolean): ReadonlyMap<string, number> {
    return this.byKey.get(key(claimId, { claimId: givenId, isTrue })) ?? EMPTY;
  }

  /** The claims someone has given a conditional credence on `claimId` for. */
  conditionsOn(claimId: number): ReadonlySet<number> {
    return this.conditions.get(claimId) ?? new Set();
  }
}

const EMPTY: ReadonlyMap<string, number> = new Map();
