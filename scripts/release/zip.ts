/**
 * Reproducible zips: the same files give the same bytes on any machine, in any time zone, on any
 * day. Entries are sorted by name, every timestamp is fixed and every mode comes from the caller,
 * never from the disk (umask, checkout time). fflate: small, no dependencies, and its deflate
 * output depends only on the input and the level.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the zip, with `/`; a name ending in `/` is a directory entry. */
  readonly name: string;
  readonly data: Uint8Array;
  readonly executable?: boolean;
}

// 1980-01-01 00:00, the earliest time a zip can hold. fflate writes DOS times from the local-time
// getters of the Date, so the Date is made from local fields, in the time zone of the moment.
const fixedTime = (): Date => new Date(1980, 0, 1, 0, 0, 0);
const UNIX = 3;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const MSDOS_DIRECTORY = 0x10;

function attributes(entry: ZipEntry): number {
  if (entry.name.endsWith('/')) return (((S_IFDIR | 0o755) << 16) | MSDOS_DIRECTORY) >>> 0;
  return ((S_IFREG | (entry.executable ? 0o755 : 0o644)) << 16) >>> 0;
}

export function zipBytes(entries: readonly ZipEntry[]): Uint8Array {
  const mtime = fixedTime();
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // fflate takes the entries as an object, in key order: insertion order for every name here
  // (only a bare array index such as "7" would jump ahead, and no path of ours is one).
  const files: Zippable = {};
  for (const entry of sorted) {
    files[entry.name] = [entry.data, { mtime, os: UNIX, attrs: attributes(entry) }];
  }
  return zipSync(files, { level: 9 });
}

/** Every entry of a zip, name -> bytes (directory entries have a name ending in `/` and no bytes). */
export function unzipBytes(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}

/** Every file under `dir` as zip entries named relative to it, e.g. `assets/panel.js`. */
export function entriesUnder(dir: string, prefix = ''): ZipEntry[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((dirent) => {
    const path = join(dir, dirent.name);
    const name = prefix + dirent.name;
    if (dirent.isDirectory()) return entriesUnder(path, `${name}/`);
    return [{ name, data: readFileSync(path) }];
  });
}
