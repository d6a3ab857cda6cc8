import { type CaptureRow, type ItemRow, toCapture, toItem } from '../rows.ts';
import type {
  Capture,
  CaptureItem,
  CaptureItemStatus,
  CaptureLink,
  CaptureLinkKind,
  NewCaptureItem,
} from '../../domain/threads/captures.ts';
import { Counters, DATABASE_SCOPE } from './counters.ts';
import type { Db } from './database.ts';

/** Candidate claims and links from a summarized thread, waiting to be added or reviewed. */
export class ThreadCaptureRepository {
  private readonly statements;
  private readonly counters: Counters;
  /** Numbered from the counter row, in one transaction with the row (a savepoint inside another). */
  private readonly insertAtomically: (
    capture: Omit<Capture, 'id'>,
    items: readonly NewCaptureItem[],
    links: readonly CaptureLink[],
  ) => Capture;

  constructor(db: Db) {
    this.counters = new Counters(db);
    this.insertAtomically = db.transaction(
      (capture: Omit<Capture, 'id'>, items: readonly NewCaptureItem[], links: readonly CaptureLink[]) =>
        this.insertRows(capture, items, links),
    ).immediate;
    this.statements = {
      insert: db.prepare(
        `INSERT INTO thread_captures (id, workspace, channel, debate_id, origin, message_count, created_by, created_at)
         VALUES (@id, @workspace, @channel, @debateId, @origin, @messageCount, @createdBy, @createdAt)`,
      ),
      insertItem: db.prepare(
        `INSERT INTO thread_capture_items (capture_id, position, text, kind, author, permalink, excerpt, credence)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertLink: db.prepare(
        'INSERT OR IGNORE INTO thread_capture_links (capture_id, from_position, to_position, kind) VALUES (?, ?, ?, ?)',
      ),
      byId: db.prepare<[string, number], CaptureRow>('SELECT * FROM thread_captures WHERE workspace = ? AND id = ?'),
      items: db.prepare<[number], ItemRow>('SELECT * FROM thread_capture_items WHERE capture_id = ? ORDER BY position'),
      links: db.prepare<[number], { from_position: number; to_position: number; kind: CaptureLinkKind }>(
        'SELECT from_position, to_position, kind FROM thread_capture_links WHERE capture_id = ? ORDER BY from_position, to_position',
      ),
      setStatus: db.prepare(
        'UPDATE thread_capture_items SET status = ?, claim_id = ? WHERE capture_id = ? AND position = ? AND status = ?',
      ),
      setDebate: db.prepare('UPDATE thread_captures SET debate_id = ? WHERE workspace = ? AND id = ?'),
      inDebate: db.prepare<[string, number], CaptureRow>('SELECT * FROM thread_captures WHERE workspace = ? AND debate_id = ? ORDER BY id'),
    };
  }

  async insert(capture: Omit<Capture, 'id'>, items: readonly NewCaptureItem[], links: readonly CaptureLink[]): Promise<Capture> {
    return this.insertAtomically(capture, items, links);
  }

  private insertRows(capture: Omit<Capture, 'id'>, items: readonly NewCaptureItem[], links: readonly CaptureLink[]): Capture {
    const id = this.counters.next(DATABASE_SCOPE, 'capture');
    this.statements.insert.run({ ...capture, id });
    items.forEach((item, position) =>
      this.statements.insertItem.run(
        id,
        position,
        item.text,
        item.kind,
        item.author,
        item.permalink ?? null,
        item.excerpt ?? null,
        item.credence ?? null,
      ),
    );
    for (const link of links) this.statements.insertLink.run(id, link.from, link.to, link.kind);
    return { id, ...capture };
  }

  async byId(workspace: string, id: number): Promise<Capture | undefined> {
    const row = this.statements.byId.get(workspace, id);
    return row && toCapture(row);
  }

  async items(captureId: number): Promise<CaptureItem[]> {
    return this.statements.items.all(captureId).map(toItem);
  }

  async links(captureId: number): Promise<CaptureLink[]> {
    return this.statements.links.all(captureId).map((r) => ({ from: r.from_position, to: r.to_position, kind: r.kind }));
  }

  /**
   * Moves a pending item to its outcome. Returns false when it was no longer pending (someone else
   * got there first), so a double click never adds a claim twice.
   */
  async settle(
    captureId: number,
    position: number,
    status: Exclude<CaptureItemStatus, 'pending'>,
    claimId: number | null,
  ): Promise<boolean> {
    return this.statements.setStatus.run(status, claimId, captureId, position, 'pending').changes > 0;
  }

  async setDebate(workspace: string, captureId: number, debateId: number): Promise<void> {
    this.statements.setDebate.run(debateId, workspace, captureId);
  }

  async inDebate(workspace: string, debateId: number): Promise<Capture[]> {
    return this.statements.inDebate.all(workspace, debateId).map(toCapture);
  }
}
