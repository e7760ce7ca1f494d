/**
 * Reads a HAR file as it streams in, one entry at a time, so memory does not grow with the number
 * of entries (a HAR of a long session is hundreds of megabytes, mostly response bodies). Uses
 * @streamparser/json, which runs alike in Node and in the panel.
 */
import { JSONParser } from '@streamparser/json';
import { readHarPage, type HarPage } from './har-entry';

export interface HarReader {
  /** The next piece of the file, as text or UTF-8 bytes. */
  write(chunk: string | Uint8Array): void;
  /** The file is complete. Returns why it could not be read, or null. */
  end(): string | null;
}

/**
 * `onEntry` gets each of `log.entries` with its number (from 1) and the pages read so far (HAR
 * writers put `log.pages` before `log.entries`). A file that is not JSON, or not a HAR, is reported
 * by `end()` (the entries before a break in the JSON have been handed over).
 */
export function createHarReader(
  onEntry: (entry: unknown, index: number, pages: ReadonlyMap<string, HarPage>) => void,
): HarReader {
  const pages = new Map<string, HarPage>();
  let entries = 0;
  let isHar = false;
  let problem: string | null = null;
  const parser = new JSONParser({ paths: ['$.log.version', '$.log.pages.*', '$.log.entries.*'], keepStack: false });
  parser.onValue = ({ value, stack }) => {
    const field = stack[2]?.key;
    if (field === undefined) {
      isHar = true; // log.version
    } else if (field === 'pages') {
      const page = readHarPage(value);
      if (page) pages.set(...page);
    } else {
      isHar = true;
      onEntry(value, ++entries, pages);
    }
  };
  // In our words, not the parser's (its messages name its tokenizer's states): where the JSON broke.
  const where = () => (entries === 0 ? 'before its first entry' : `after entry ${entries}`);
  const broken = () => `not a readable HAR file: it is not valid JSON ${where()}`;
  const cutShort = () => `not a complete HAR file: it ends ${where()} (was it saved completely?)`;
  let ending = false;
  parser.onError = () => {
    problem ??= ending ? cutShort() : broken();
  };
  return {
    write(chunk) {
      if (problem !== null) return; // the parser stops at its first error; the rest is not JSON it can follow
      try {
        parser.write(chunk);
      } catch {
        problem ??= broken();
      }
    },
    end() {
      if (problem === null && !parser.isEnded) {
        ending = true;
        try {
          parser.end();
        } catch {
          problem ??= cutShort();
        }
      }
      if (problem === null && !isHar) problem = 'not a HAR file: it has no log.entries';
      return problem;
    },
  };
}

/** Whether a file is a HAR: named *.har, or starting as one does (one JSON object whose first key is "log"). */
export function looksLikeHar(name: string, head: string): boolean {
  return /\.har$/i.test(name) || /^\uFEFF?\s*\{\s*"log"\s*:/.test(head);
}
