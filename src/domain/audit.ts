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
