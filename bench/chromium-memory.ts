/**
 * What holds a Chromium process's memory: memory-infra dumps (the data behind chrome://tracing's
 * memory view), requested on demand while a trace with only that category runs. Each dump splits a
 * process's memory by allocator: v8 (JavaScript heaps), blink_gc (DOM), malloc, partition_alloc,
 * site_storage (IndexedDB's in-process part), ... And a garbage collection in the extension on demand,
 * which tells what was garbage from what is held.
 */
import type { Browser } from 'puppeteer-core';
import type { TraceEvent } from './chromium-trace';

export interface ProcessMemory {
  readonly pid: number;
  /** What Chrome's task manager calls the memory footprint: the process's private memory, MB. */
  readonly privateMb: number;
  /** MB by top-level allocator (v8, malloc, partition_alloc, blink_gc, ...), largest first. */
  readonly allocators: readonly [string, number][];
}

export interface MemoryDumps {
  /** Takes one dump of every process, after the one asked for before; never rejects (stop() says what failed). */
  dump(): Promise<void>;
  /** Ends the trace; every dump, per process, in the order taken. */
  stop(): Promise<ProcessMemory[][]>;
}

type Attr = { readonly value?: string; readonly units?: string };
interface DumpArgs {
  readonly dumps?: {
    readonly allocators?: Record<string, { readonly attrs?: Record<string, Attr> }>;
    readonly process_totals?: Record<string, string>;
  };
}

const megabytes = (hex: string | undefined) => (hex ? parseInt(hex, 16) / 1048576 : 0);

export async function startMemoryDumps(browser: Browser): Promise<MemoryDumps> {
  const session = await browser.target().createCDPSession();
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }: { value: TraceEvent[] }) => void events.push(...value));
  await session.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['disabled-by-default-memory-infra', '__metadata'],
      // No periodic dumps: only the ones asked for (the protocol types this object as strings).
      memoryDumpConfig: { triggers: [] } as unknown as Record<string, string>,
    },
    transferMode: 'ReportEvents',
  });
  const dumpIds: string[] = [];
  /**
   * The dumps asked for, one after another: stop() waits for the last, since ending the trace under it rejects it
   * ("Target closed"); a dump that failed fails stop(), not the process (dumps are asked for from a timer).
   */
  let inFlight: Promise<void> = Promise.resolve();
  let failure: Error | null = null;
  return {
    dump() {
      inFlight = inFlight
        .then(async () => {
          const { dumpGuid, success } = await session.send('Tracing.requestMemoryDump', {
            deterministic: false,
            levelOfDetail: 'detailed',
          });
          if (success) dumpIds.push(dumpGuid);
        })
        .catch((error: unknown) => {
          failure ??= error instanceof Error ? error : new Error(String(error));
        });
      return inFlight;
    },
    async stop() {
      await inFlight;
      if (failure) throw failure;
      const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
      await session.send('Tracing.end');
      await complete;
      await session.detach();
      return dumpIds.map((id) =>
        processMemories(events.filter((e) => e.ph === 'v' && (e as unknown as { id?: string }).id === id)),
      );
    },
  };
}

/** One dump's events (a process's totals and its allocators come in separate events) per process. */
function processMemories(dumps: readonly TraceEvent[]): ProcessMemory[] {
  const byPid = new Map<number, { privateMb: number; allocators: [string, number][] }>();
  for (const event of dumps) {
    const { allocators, process_totals: totals } = (event.args as DumpArgs | undefined)?.dumps ?? {};
    const memory = byPid.get(event.pid) ?? { privateMb: 0, allocators: [] };
    byPid.set(event.pid, memory);
    if (totals) memory.privateMb = megabytes(totals['private_footprint_bytes']);
    for (const [name, dump] of Object.entries(allocators ?? {})) {
      // Top-level allocators, and V8's heaps one level down (main: the page's; workers: the service worker's).
      if (name.includes('/') && !/^v8\/[a-z_]+$/.test(name)) continue;
      memory.allocators.push([name, megabytes(dump.attrs?.['size']?.value)]);
    }
  }
  return [...byPid].map(([pid, memory]) => ({
    pid,
    ...memory,
    allocators: memory.allocators.sort((a, b) => b[1] - a[1]),
  }));
}

/** A full garbage collection in every JavaScript context of the extension (its pages, its worker). */
export async function collectExtensionGarbage(browser: Browser): Promise<void> {
  for (const target of browser.targets().filter((t) => t.url().startsWith('chrome-extension://'))) {
    const session = await target.createCDPSession().catch(() => null); // a target that went away meanwhile
    await session?.send('HeapProfiler.collectGarbage').catch(() => undefined);
    await session?.detach().catch(() => undefined);
  }
}
