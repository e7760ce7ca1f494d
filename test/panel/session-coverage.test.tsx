/**
 * Coverage of a long session (the buffer holds up to 100,000 messages): a publish tallies what is new or changed, not
 * the whole session again, and the view shows 50,000 messages' coverage.
 */
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../src/core/record';
import type { TrackingPlan } from '../../src/core/plan/tracking-plan';
import type { MessageRow } from '../../src/panel/store/rows';
import { COVERAGE_CHUNK, createSessionCoverage } from '../../src/panel/store/session-coverage';
import { click, tabIn } from './dom';
import { mountPanel, panelRoot } from './mount';
import type { MessageEntry } from './fixtures';
import { SHOP, sentToShop } from './coverage-fixtures';

/** `count` copies of what sentToShop sends, each its own message (its own payload), in turn. */
function manyEntries(count: number): MessageEntry[] {
  const kinds = sentToShop();
  return Array.from({ length: count }, (_, index) => {
    const entry = kinds[index % kinds.length] as MessageEntry;
    const payload = structuredClone(entry.record.payload);
    return { ...entry, seq: index + 1, requestId: `r${index + 1}`, record: { ...entry.record, payload } };
  });
}

/** Rows of `entries` whose payload counts how often it is read: coverage reads it once per message it tallies. */
function countedRows(entries: readonly MessageEntry[], reads: { count: number }): MessageRow[] {
  return entries.map((entry) => ({
    kind: 'message',
    key: `m${entry.seq}`,
    seq: entry.seq,
    record: counted(entry.record),
  }));
  function counted(record: MessageRecord): MessageRecord {
    const { payload, ...rest } = record;
    return Object.defineProperty({ ...rest }, 'payload', {
      get: () => (reads.count++, payload),
      enumerable: true,
    }) as MessageRecord;
  }
}

describe('coverage of a long session', () => {
  it('tallies only the new messages, and the chunk of a message that changed', () => {
    const reads = { count: 0 };
    const entries = manyEntries(50_001);
    const rows = countedRows(entries.slice(0, 50_000), reads);
    const messages = signal<readonly MessageRow[]>(rows);
    const coverage = createSessionCoverage(signal<TrackingPlan | null>(SHOP.plan), messages);
    expect(coverage.value?.messages).toBe(50_000);
    expect(reads.count).toBe(50_000);

    reads.count = 0;
    messages.value = [...rows, ...countedRows(entries.slice(50_000), reads)];
    expect(coverage.value?.messages).toBe(50_001);
    expect(reads.count).toBe(1);

    // An HTTP outcome arrived for message 10: a new record in its place, the same message.
    const updated = [...messages.value];
    updated[9] = countedRows([entries[9]!], reads)[0]!;
    reads.count = 0;
    messages.value = updated;
    expect(coverage.value?.rules.find((rule) => rule.name === 'Order Completed')).toMatchObject({
      seen: 16_668,
      invalid: 8_334,
    });
    expect(reads.count).toBe(COVERAGE_CHUNK);
  });

  describe('in the panel', () => {
    const root = panelRoot();
    it('shows the coverage of 50,000 messages', async () => {
      await mountPanel(root, manyEntries(50_000), SHOP.summary, SHOP);
      await click(tabIn(root)('Coverage'));
      expect(root.querySelector('.coverage-headline strong')?.textContent).toBe(
        'Coverage of "Shop": 3 of 5 rules seen (60%), 50000 messages',
      );
      const orders = [...root.querySelectorAll('.coverage-view tbody tr')].find((tr) =>
        tr.textContent?.includes('Order Completed'),
      );
      expect([...(orders?.querySelectorAll('td.num') ?? [])].map((td) => td.textContent)).toEqual(['16668', '8334']);
    });
  });
});
