/**
 * A plan file's text to a JSON value, defensively: the file comes from the user's disk and may be
 * anything. Size and nesting are checked on the text before parsing, since the loader walks
 * schemas recursively; a parse error becomes one line with a line and column. The loader's other
 * modules look at the parsed value with isObject and name what they found with kindOf.
 */
import { isPlainObject } from '../../types';

export const PLAN_SIZE_LIMIT_MB = 5;
export const PLAN_DEPTH_LIMIT = 64;

export type JsonRead =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: string };

const MB = 1024 * 1024;

export type JsonObject = Record<string, unknown>;

export const isObject: (value: unknown) => value is JsonObject = isPlainObject;

/** How a JSON value reads in a message: "an array", "null", "a string"… */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function readPlanJson(text: string): JsonRead {
  const bytes = utf8Length(text);
  if (bytes > PLAN_SIZE_LIMIT_MB * MB) {
    // Rounded up, so a file just over the limit never reads "5.0 MB; the limit is 5 MB".
    return {
      ok: false,
      problem: `plan is ${(Math.ceil((bytes / MB) * 10) / 10).toFixed(1)} MB; the limit is ${PLAN_SIZE_LIMIT_MB} MB`,
    };
  }
  // Editors on Windows save a byte-order mark that JSON.parse rejects.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problem: 'not JSON: the file is empty' };
  if (nestsDeeperThan(body, PLAN_DEPTH_LIMIT))
    return { ok: false, problem: `plan nests deeper than ${PLAN_DEPTH_LIMIT} levels` };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    return { ok: false, problem: `not JSON: ${describeParseError(body, error)}` };
  }
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Counts brackets outside strings, whether or not the text is valid JSON: cheap, and no recursion. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if (++depth > limit) return true;
    } else if (char === '}' || char === ']') depth--;
  }
  return false;
}

/**
 * V8 says "… in JSON at position 8" (newer V8 adds "(line 1 column 9)"), or quotes the text around
 * an unexpected token with no position; Firefox says "at line 1 column 9 of the JSON data".
 * Positions become "line L, column C"; whatever is quoted is kept on one line.
 */
function describeParseError(text: string, error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  const position = /\s*in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  if (position) return `${message.replace(position[0], '')} (${lineAndColumn(text, Number(position[1]))})`;
  if (/unexpected end of JSON/i.test(message)) return `${message} (${lineAndColumn(text, text.length)})`;
  return message.length > 200 ? `${message.slice(0, 199)}…` : message;
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const lineStart = before.lastIndexOf('\n') + 1;
  return `line ${before.split('\n').length}, column ${position - lineStart + 1}`;
}
