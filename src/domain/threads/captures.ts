/** How people name a capture in commands: `T3` (T for thread). */
export function captureRef(id: number): string {
  return `T${id}`;
}

/** `T3`, `t3` or `3` → 3; anything else → undefined. */
export function parseCaptureRef(raw: string): number | undefined {
  const m = /^\s*[Tt]?(\d{1,12})\s*$/.exec(raw);
  return m ? Number(m[1]) : undefined;
}

export type CaptureItemStatus = 'pending' | 'added' | 'skipped' | 'existing';
export type CaptureLinkKind = 'supports' | 'opposes' | 'crux-of';

export interface NewCaptureItem {
  readonly text: string;
  readonly kind: 'claim' | 'premise' | 'crux';
  readonly author: string;
  readonly permalink?: string;
  readonly excerpt?: string;
  /** The stated credence as written ("e-9", "70%"), shown during review. */
  readonly credence?: string;
}

export interface CaptureItem extends NewCaptureItem {
  readonly position: number;
  readonly status: CaptureItemStatus;
  /** The claim made from it, or (status `existing`) the claim already in the debate that says the same. */
  readonly claimId?: number;
}

export interface CaptureLink {
  readonly from: number;
  readonly to: number;
  readonly kind: CaptureLinkKind;
}

export interface Capture {
  readonly id: number;
  readonly workspace: string;
  readonly channel: string;
  readonly debateId: number | null;
  /** Where the thread came from, e.g. "the last 200 messages" or "thread.txt". */
  readonly origin: string;
  readonly messageCount: number;
  readonly createdBy: string;
  readonly createdAt: string;
}
