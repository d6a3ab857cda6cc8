import type { ClaimStatus } from '../claims.ts';
import type { LinkKind } from '../links.ts';

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
  /** Credences with their history, oldest first (cruxbot's JSON only). */
  readonly credences?: readonly ImportedCredence[];
}

/** One row of a credence history: who, in which claim (by key), under which condition, how likely, when. */
export interface ImportedCredence {
  readonly claim: string;
  readonly user: Person;
  readonly value: number;
  readonly given?: { readonly claim: string; readonly isTrue: boolean };
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
}

export interface ImportedLink {
  readonly from: string;
  readonly to: string;
  readonly kind: LinkKind;
  readonly author?: string;
  readonly createdAt?: string;
}

export const EXPORT_FORMATS = ['json', 'argdown', 'dot', 'mermaid'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const IMPORT_FORMATS = ['json', 'argdown'] as const;
export type ExchangeFormat = (typeof IMPORT_FORMATS)[number];

/** Import limits: a bigger file is refused before it is parsed. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_CLAIMS = 2000;
export const IMPORT_MAX_LINKS = 10_000;
