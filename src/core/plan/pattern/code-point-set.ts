/**
 * Sets of code points as sorted ranges, and how RE2 reads one. A translated character class is
 * computed here, negation included, and written out range by range: RE2 then reads no class syntax of
 * its own (`[[:alpha:]]`, `\pN`, its `\s`) where JavaScript meant something else.
 */

/** Inclusive [first, last] pairs. */
export type CodePointSet = readonly (readonly [number, number])[];

export const MAX_CODE_POINT = 0x10ffff;

/** Sorted, without overlaps or touching neighbours. */
export function union(...sets: CodePointSet[]): CodePointSet {
  const ranges = sets.flat().sort((a, b) => a[0] - b[0]); // flat() made a copy: the inputs stay as they are
  const merged: [number, number][] = [];
  for (const [first, last] of ranges) {
    const previous = merged.at(-1);
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged;
}

/** Every code point the set lacks, lone surrogates included (a `u` pattern can match them). */
export function complement(set: CodePointSet): CodePointSet {
  const gaps: [number, number][] = [];
  let next = 0;
  for (const [first, last] of union(set)) {
    if (first > next) gaps.push([next, first - 1]);
    next = last + 1;
  }
  if (next <= MAX_CODE_POINT) gaps.push([next, MAX_CODE_POINT]);
  return gaps;
}

export function single(codePoint: number): CodePointSet {
  return [[codePoint, codePoint]];
}

/** One code point as RE2 reads it literally: letters and digits as they are, anything else by number. */
export function re2Literal(codePoint: number): string {
  return isAsciiAlphanumeric(codePoint) ? String.fromCodePoint(codePoint) : `\\x{${codePoint.toString(16)}}`;
}

/** A class RE2 reads as exactly this set; the empty set as a class that matches nothing. */
export function re2Class(set: CodePointSet): string {
  const ranges = union(set);
  if (ranges.length === 0) return `[^\\x{0}-\\x{${MAX_CODE_POINT.toString(16)}}]`;
  const items = ranges.map(([first, last]) =>
    first === last ? re2Literal(first) : `${re2Literal(first)}-${re2Literal(last)}`,
  );
  return `[${items.join('')}]`;
}

function isAsciiAlphanumeric(codePoint: number): boolean {
  return (
    (codePoint >= 0x30 && codePoint <= 0x39) ||
    (codePoint >= 0x41 && codePoint <= 0x5a) ||
    (codePoint >= 0x61 && codePoint <= 0x7a)
  );
}
