import type { ClaimStatus } from '../claims.ts';
import type { LinkKind } from '../links.ts';
import type { HideMode } from '../polls.ts';
import type { Outcome } from '../resolutions.ts';
import type { SimRunKind } from '../sim-runs.ts';
import type { CaptureItemStatus, CaptureLink, NewCaptureItem } from '../threads/captures.ts';

/**
 * A debate as read from an import file, whatever its format: claims under the keys the file uses
 * (`C3` in cruxbot's own exports, any statement title in Argdown) and links between those keys. What
 * a format does not carry (authors and times in Argdown) is left out and filled in by the importer.
 */
export interface ImportedDebate {
  readonly format: ExchangeFormat;
  readonly slug?: string;
  readonly title?: string;
  readonly createdBy?: Person;
  readonly createdAt?: string;
  /** Key of the root claim. */
  readonly root?: string;
  readonly claims: readonly ImportedClaim[];
  readonly links: readonly ImportedLink[];
  /** Things in the file that were read but not imported, said back to the person importing. */
  readonly notes: readonly string[];
  /** Credences with their history, oldest first (cruxbot's JSON only, as is all that follows). */
  readonly credences?: readonly ImportedCredence[];
  readonly polls?: readonly ImportedPoll[];
  /** Every resolution, undone ones too, in the order they were made. */
  readonly resolutions?: readonly ImportedResolution[];
  readonly simRuns?: readonly ImportedSimRun[];
  readonly captures?: readonly ImportedCapture[];
}

/**
 * A poll on a claim. Its opening and closing are placed in the credence history by count: `openedAfter`
 * of the file's credences came before it opened. `kind` and `options` leave room for polls that ask
 * for more than one credence.
 */
export interface ImportedPoll {
  readonly key: string;
  readonly kind: 'binary' | 'choice';
  /** A choice poll's options, keyed A, B, C… in order. */
  readonly options: readonly { readonly key: string; readonly text: string }[];
  readonly claim: string;
  readonly channel: string;
  readonly hide: HideMode;
  readonly createdBy: Person;
  readonly createdAt: string;
  readonly closesAt?: string;
  readonly openedAfter: number;
  readonly closed?: { readonly at: string; readonly by: string; readonly after: number };
  /** A choice poll's vote rows, oldest first: a credence per option each. */
  readonly votes?: readonly { readonly user: Person; readonly credences: readonly number[]; readonly at: string }[];
  /** The option (its key) a choice poll resolved to. */
  readonly resolved?: { readonly option: string; readonly by: string; readonly at: string };
}

export interface ImportedResolution {
  readonly claim: string;
  readonly outcome: Outcome;
  readonly resolvedBy: Person;
  readonly resolvedAt: string;
  readonly undone?: { readonly by: string; readonly at: string };
}

export interface ImportedSimRun {
  readonly claim: string;
  readonly kind: SimRunKind;
  readonly headline: string;
  readonly input: unknown;
  readonly summary: unknown;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface ImportedCapture {
  readonly channel: string;
  readonly origin: string;
  readonly messageCount: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly items: readonly (NewCaptureItem & { readonly status: CaptureItemStatus; readonly claim?: string })[];
  readonly links: readonly CaptureLink[];
}

/** One row of a credence history: who, in which claim (by key), under which condition, how likely, when. */
export interface ImportedCredence {
  readonly claim: string;
  readonly user: Person;
  readonly value: number;
  readonly given?: { readonly claim: string; readonly isTrue: boolean };
  /** The key of the poll it was a vote in. */
  readonly poll?: string;
  readonly at: string;
}

export interface Person {
  readonly id: string;
  readonly name: string;
}

export interface ImportedClaim {
  readonly key: string;
  readonly text: string;
  readonly tags: readonly string[];
  readonly status?: ClaimStatus;
  readonly author?: Person;
  readonly source?: { readonly url?: string; readonly excerpt?: string; readonly author?: string };
  readonly createdAt?: string;
  readonly updatedAt?: string;
  readonly resolveBy?: {
    readonly at: string;
    readonly zone: string;
    readonly setBy: string;
    readonly setAt: string;
    readonly remindAt: string | null;
  };
}

export interface ImportedLink {
  readonly from: string;
  readonly to: string;
  readonly kind: LinkKind;
  readonly author?: string;
  readonly createdAt?: string;
}

export const EXPORT_FORMATS = ['json', 'argdown', 'dot', 'mermaid', 'csv', 'polis'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const IMPORT_FORMATS = ['json', 'argdown'] as const;
export type ExchangeFormat = (typeof IMPORT_FORMATS)[number];

/** Import limits: a bigger file is refused before it is parsed. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_CLAIMS = 2000;
export const IMPORT_MAX_LINKS = 10_000;
