/**
 * The only globals the core uses beyond the language: the parts of URL, TextDecoder, atob, timers
 * and console it needs, which browsers, extension workers and Node all provide. Declared here (for
 * src/core/tsconfig.json only) instead of pulling in DOM or Node types, which would let browser or
 * Node globals in.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string;
}

/** Base64 to a binary string (Node 16+ and every browser); throws on text that is not base64. */
declare function atob(data: string): string;

/** A timer's handle: a number in browsers, an object in Node; the core only hands it back. */
type TimerHandle = unknown;
declare function setTimeout(callback: () => void, ms: number): TimerHandle;
declare function clearTimeout(handle: TimerHandle): void;

declare const console: { error(...data: unknown[]): void };
