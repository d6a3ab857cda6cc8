export interface AuditEntry {
  readonly workspace: string;
  readonly actorId: string;
  /** What happened, e.g. `claim.add`, `link.remove`. */
  readonly action: string;
  /** What it happened to, e.g. `C3`, `debate:reward-seeking`, `C2->C1`. */
  readonly entity: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly at: string;
}

export interface AuditRecord extends AuditEntry {
  readonly id: number;
}

/**
 * Whether an audit row's entity names one of these claims: the claim itself (`C5`), or a link or merge
 * with it at either end (`C5->C7`).
 */
export function entityNamesClaim(entity: string, numbers: ReadonlySet<number>): boolean {
  return entity.split('->').some((end) => {
    const match = /^C(\d+)$/.exec(end);
    return match !== null && numbers.has(Number(match[1]));
  });
}
