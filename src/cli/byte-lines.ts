/**
 * The lines of a stream of bytes, each decoded from its own bytes just before it is handed over.
 *
 * Not node:readline: it decodes each 64 KB chunk into one string and queues up to 1,024 lines sliced from it until
 * they are read, so lines (and the chunk strings they hold on to) outlive young-generation collections and reach the
 * old generation, where they pile up as garbage until a full collection (docs/benchmarks.md, "Coverage's memory").
 * Here a line is a fresh string made when it is its turn, read and dropped before the next is made.
 *
 * Line ends are readline's with `crlfDelay: Infinity`: "\n", "\r\n" (also split across two chunks) and a lone "\r".
 * A last line without an end is a line when it is not empty. Bytes are decoded as UTF-8 (bad bytes become U+FFFD);
 * a character split across two chunks is whole, since a line is decoded only once all its bytes are in.
 */
const LF = 0x0a;
const CR = 0x0d;

export async function forEachLine(
  chunks: AsyncIterable<Buffer | string>,
  onLine: (text: string, line: number) => Promise<void> | void,
): Promise<void> {
  // The bytes of a line begun in earlier chunks (copies: a producer may reuse its buffer), and whether the last chunk
  // ended on "\r", so that a "\n" starting the next one ends no second line.
  let carried: Buffer[] = [];
  let afterCr = false;
  let line = 0;
  for await (const piece of chunks) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    if (chunk.length === 0) continue;
    let start = afterCr && chunk[0] === LF ? 1 : 0;
    afterCr = false;
    let nextCr = chunk.indexOf(CR, start);
    let nextLf = chunk.indexOf(LF, start);
    while (nextCr !== -1 || nextLf !== -1) {
      const end = nextLf === -1 || (nextCr !== -1 && nextCr < nextLf) ? nextCr : nextLf;
      let text: string;
      if (carried.length === 0) text = chunk.toString('utf8', start, end);
      else {
        carried.push(chunk.subarray(start, end));
        text = Buffer.concat(carried).toString('utf8');
        carried = [];
      }
      start = end + 1;
      if (end === nextCr) {
        if (start === chunk.length) afterCr = true;
        else if (chunk[start] === LF) start++;
      }
      if (nextCr !== -1 && nextCr < start) nextCr = chunk.indexOf(CR, start);
      if (nextLf !== -1 && nextLf < start) nextLf = chunk.indexOf(LF, start);
      const pending = onLine(text, ++line);
      // Awaited only when there is something to wait for: a microtask a line is measurable over a million of them.
      if (pending) await pending;
    }
    if (start < chunk.length) carried.push(Buffer.from(chunk.subarray(start)));
  }
  if (carried.length > 0) await onLine(Buffer.concat(carried).toString('utf8'), ++line);
}
