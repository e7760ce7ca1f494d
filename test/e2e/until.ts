/** What the panel suites wait with: read until `done` says so, every 200 ms, for 20 s at most, then name what never came. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 200))) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
  }
}
