/**
 * bench:playwright's page: its server (playwright-server.mjs, in a child process) and the functions
 * it runs. The calls go to the page's own first-party endpoint, a user host to the fixture
 * (`127.0.0.1:PORT/collect`), as in examples/playwright: same-origin plain HTTP, no certificate or
 * host mapping, and the cheapest call a page can make, so what the fixture adds to each shows the most.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface BenchServer {
  readonly origin: string;
  /** The fixture's `hosts` entry for the collector. */
  readonly host: string;
  close(): void;
}

export async function startBenchServer(): Promise<BenchServer> {
  const child = spawn(process.execPath, [new URL('playwright-server.mjs', import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  const port = /^port (\d+)$/.exec(line)?.[1];
  if (!port) throw new Error(`bench:playwright's server said ${JSON.stringify(line)}, not its port`);
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}/collect`,
    close: () => void child.kill(),
  };
}

// The functions below run in the page, from their source text: no named inner functions, since tsx
// (esbuild keepNames) would wrap them in a `__name` helper the page does not have.

/** In the page: `count` track calls named `${prefix} ${i}`, one at a time, each after the previous response. */
export const sendCalls = async ({ prefix, count }: { prefix: string; count: number }): Promise<void> => {
  for (let i = 0; i < count; i++) {
    const sentAt = Date.now();
    // A string body goes as text/plain, as analytics.js sends it.
    const body = JSON.stringify({
      type: 'track',
      event: `${prefix} ${i}`,
      userId: 'u-1',
      properties: { sentAt, plan: 'pro', seats: i % 7 },
      timestamp: new Date(sentAt).toISOString(),
    });
    const response = await fetch('/collect/v1/t', { method: 'POST', body });
    await response.text();
  }
};

/** In the page: one track call named `name`, not awaited; returns Date.now() just before the fetch. */
export const sendOne = (name: string): number => {
  const sentAt = Date.now();
  const body = JSON.stringify({ type: 'track', event: name, userId: 'u-1', properties: { sentAt } });
  void fetch('/collect/v1/t', { method: 'POST', body }).then((response) => response.text());
  return sentAt;
};
