import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { forEachLine } from '../../../src/cli/byte-lines';

/** What forEachLine hands over for `chunks`, as [line number, text]. */
async function linesOf(chunks: readonly (Buffer | string)[]): Promise<[number, string][]> {
  const lines: [number, string][] = [];
  await forEachLine(Readable.from(chunks), (text, line) => void lines.push([line, text]));
  return lines;
}

/** What node:readline (the reader before, with `crlfDelay: Infinity`) makes of the same chunks. */
async function readlineOf(chunks: readonly Buffer[]): Promise<[number, string][]> {
  const lines: [number, string][] = [];
  for await (const text of createInterface({ input: Readable.from(chunks), crlfDelay: Infinity }))
    lines.push([lines.length + 1, text]);
  return lines;
}

/** The bytes cut at every pair of points: line ends and characters split across chunks. */
function splits(bytes: Buffer): Buffer[][] {
  const ways: Buffer[][] = [[bytes]];
  for (let a = 1; a < bytes.length; a++)
    for (let b = a; b < bytes.length; b++)
      ways.push([bytes.subarray(0, a), bytes.subarray(a, b), bytes.subarray(b)].filter((part) => part.length > 0));
  return ways;
}

const TEXTS = [
  '{"a":1}\n{"b":2}\n',
  '{"a":1}\r\n{"b":2}\r\n',
  'one\rtwo\r\nthree\n\nfive',
  '\n\n\r\r\n',
  'last line without an end',
  'é€😀\nmixed ü\r\n😀',
  '\uFEFF{"bom":true}\n',
];

describe('forEachLine', () => {
  it('reads the lines node:readline reads, however the bytes are cut into chunks', async () => {
    for (const text of TEXTS) {
      const bytes = Buffer.from(text);
      const expected = await readlineOf([bytes]);
      for (const chunks of splits(bytes)) expect(await linesOf(chunks), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('reads string chunks as their UTF-8 bytes', async () => {
    expect(await linesOf(['a\nb', 'c\r', '\nd'])).toEqual([
      [1, 'a'],
      [2, 'bc'],
      [3, 'd'],
    ]);
  });

  it('waits for a line handler that returns a promise before the next line', async () => {
    const order: string[] = [];
    await forEachLine(Readable.from([Buffer.from('a\nb\n')]), async (text) => {
      order.push(`start ${text}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(`end ${text}`);
    });
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('keeps a long line whole across many chunks', async () => {
    const long = 'x'.repeat(200_000);
    const bytes = Buffer.from(`${long}\n${long}`);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 4096) }, (_, i) =>
      bytes.subarray(i * 4096, (i + 1) * 4096),
    );
    expect(await linesOf(chunks)).toEqual([
      [1, long],
      [2, long],
    ]);
  });
});
