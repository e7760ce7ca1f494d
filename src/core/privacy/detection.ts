/** What a detector says about one value: the kind, the part of the value that is it, and for a URL, where its secrets are. */
import type { PiiKind } from './pii-kinds';

/** Characters `start` (inclusive) to `end` (exclusive) of a string. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface Detection {
  readonly kind: PiiKind;
  /** The flagged part of the value (an address inside a sentence), or the whole value. Never shown: masked first. */
  readonly match: string;
  /** For `url-secret`: the secret parameter values, which redaction replaces and masking hides. */
  readonly secrets?: readonly TextRange[];
}
