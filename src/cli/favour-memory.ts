/**
 * Asks V8 to favour memory over speed (`--optimize-for-size`) for the rest of the process: a smaller young generation
 * and full collections sooner. `coverage` does, because it promises memory that stays flat however large the input.
 *
 * Why a V8 setting: JSON.parse keeps every string value of 10 characters or fewer as an internalized string, in the old
 * generation and V8's string table, until the next full collection. Messages full of short unique values (ids like
 * "msg-123456") leave that much garbage per line, and V8's defaults, tuned for speed, let it pile up for a long while.
 * The setting costs some CPU (docs/benchmarks.md, "Coverage's memory", has both figures). It is set here, not in
 * bin/track-inspector.js, so that the other commands keep V8's defaults and their speed. V8 reads the flag each time
 * it sizes the heap, so setting it after start-up takes effect.
 */
import { setFlagsFromString } from 'node:v8';

export function favourMemoryOverSpeed(): void {
  setFlagsFromString('--optimize-for-size');
}
