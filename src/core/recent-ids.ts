/**
 * The latest ids a capture sent (messageIds, for the duplicate warning), remembered exactly in typed arrays rather
 * than as strings in a Set. A Set keeps each id string alive across young-generation collections, so a long input
 * moves every id into the old generation, where the ids forgotten pile up as garbage until a full collection: on a
 * million messages that was most of the CLI's memory (docs/benchmarks.md, "Coverage's memory"). Here an id is copied
 * into a byte buffer that is reused: memory is flat once the first generations have filled, whatever the input.
 *
 * Two generations, the older dropped whole when the newer fills (deleting entries one by one would need tombstones):
 * at least the latest `size` ids are remembered, at most twice as many.
 */
export interface RecentIds {
  /** Remembers `id` (as recent); false when it was remembered already. */
  addNew(id: string): boolean;
}

export function createRecentIds(size: number): RecentIds {
  let current = new IdTable();
  let previous = new IdTable();
  return {
    addNew(id) {
      const hash = hashOf(id);
      const isNew = current.add(id, hash) && !previous.has(id, hash);
      if (current.count >= size) {
        previous.clear();
        [previous, current] = [current, previous];
      }
      return isNew;
    },
  };
}

/** FNV-1a over the UTF-16 code units, then murmur3's finalizer so that ids differing in one digit spread apart. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/** A code unit below this is one byte; this byte then two more spell any other (ids are mostly ASCII). */
const WIDE = 0xff;

/**
 * A set of strings in open addressing over typed arrays: `slots` hold an entry's number + 1 (0 is empty), entries
 * their hash and where their bytes are. Everything grows by doubling and is kept when cleared.
 */
class IdTable {
  count = 0;
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(512);
  private starts = new Int32Array(512);
  private ends = new Int32Array(512);
  private bytes = new Uint8Array(16 * 1024);
  private used = 0;

  has(id: string, hash: number): boolean {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] ?? 0) - 1;
      if (entry < 0) return false;
      if (this.hashes[entry] === hash && this.holds(entry, id)) return true;
    }
  }

  /** Adds `id`; false when it was in already. */
  add(id: string, hash: number): boolean {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] ?? 0) - 1;
      if (entry < 0) break;
      if (this.hashes[entry] === hash && this.holds(entry, id)) return false;
    }
    const entry = this.count++;
    if (entry === this.hashes.length) this.growEntries();
    this.hashes[entry] = hash;
    this.starts[entry] = this.used;
    this.used = this.write(id, this.used);
    this.ends[entry] = this.used;
    this.slots[slot] = entry + 1;
    // At most half full: probes stay short.
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return true;
  }

  clear(): void {
    this.count = 0;
    this.used = 0;
    this.slots.fill(0);
  }

  /** Whether entry `entry` spells `id`: its bytes, read as `write` wrote them. */
  private holds(entry: number, id: string): boolean {
    const bytes = this.bytes;
    let at = this.starts[entry] ?? 0;
    const end = this.ends[entry] ?? 0;
    for (let i = 0; i < id.length; i++) {
      const unit = id.charCodeAt(i);
      if (unit < WIDE) {
        if (bytes[at++] !== unit) return false;
      } else if (bytes[at] !== WIDE || bytes[at + 1] !== unit >>> 8 || bytes[at + 2] !== (unit & 0xff)) return false;
      else at += 3;
    }
    return at === end;
  }

  /** Writes `id`'s code units from `at`: one byte each below WIDE, else WIDE and the unit's two bytes. */
  private write(id: string, at: number): number {
    if (at + id.length * 3 > this.bytes.length) this.bytes = grown(this.bytes, at + id.length * 3);
    const bytes = this.bytes;
    for (let i = 0; i < id.length; i++) {
      const unit = id.charCodeAt(i);
      if (unit < WIDE) bytes[at++] = unit;
      else {
        bytes[at++] = WIDE;
        bytes[at++] = unit >>> 8;
        bytes[at++] = unit & 0xff;
      }
    }
    return at;
  }

  private growEntries(): void {
    const length = this.hashes.length * 2;
    this.hashes = grown(this.hashes, length);
    this.starts = grown(this.starts, length);
    this.ends = grown(this.ends, length);
  }

  private rehash(length: number): void {
    const slots = new Int32Array(length);
    const mask = length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = (this.hashes[entry] ?? 0) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}

/** A copy of `array` at least `least` long, doubling. */
function grown<T extends Int32Array | Uint8Array>(array: T, least: number): T {
  let length = array.length * 2;
  while (length < least) length *= 2;
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array);
  return copy;
}
