import { describe, expect, it } from 'vitest';
import { checklistOrder } from '../../../src/core/coverage/coverage-report';
import { createCoverage, type CoverageSnapshot } from '../../../src/core/coverage/coverage-tally';
import { planOf, recordsOf, rule } from './records';

const acme = planOf({
  name: 'Acme',
  rules: [
    rule('TRACK', 'Signed Up', { plan: { enum: ['free', 'pro'] }, coupon: { type: 'string' } }, ['plan']),
    rule('TRACK', 'Order Completed', { total: { type: 'number' } }, ['total']),
    rule('TRACK', 'Trial Started', {}),
    rule('TRACK', 'Invite Sent', { to: { type: 'string' } }),
    rule('IDENTIFY', undefined, { email: { type: 'string' }, age: { type: 'integer' } }, ['email']),
    rule('PAGE', undefined, {}),
  ],
});

const base = { userId: 'u1', timestamp: '2024-05-01T10:00:00Z' };
const track = (event: string, properties?: object) => ({ ...base, event, ...(properties ? { properties } : {}) });

function coverageOf(messages: readonly object[], labels: readonly (string | undefined)[] = []) {
  const coverage = createCoverage(acme);
  recordsOf(messages, { plan: acme }).forEach((record, i) => coverage.add(record, labels[i]));
  return coverage;
}

const session = [
  track('Signed Up', { plan: 'pro' }),
  track('Signed Up', { plan: 3 }),
  track('Signed Up', { plan: 4 }),
  track('Signed Up', { plan: 3, coupon: 'X' }),
  track('Signed Up', {}),
  track('Order Completed', { total: 'ten' }),
  track('Order Completed', { total: 'ten' }),
  track('Invite Sent', { to: 'a@example.com' }),
  { ...base, type: 'identify', traits: { email: 'a@example.com' } },
  { ...base, type: 'identify', traits: { age: 3 } },
  track('Signed up'),
  track('Signed up'),
  track('Exported'),
  { ...base, type: 'screen', name: 'Home' },
];

describe('coverage of a plan', () => {
  const report = coverageOf(session).report();
  const ruleNamed = (name: string | null, type = 'track') =>
    report.rules.find((r) => r.name === name && r.type === type);

  it('gives every rule its state: never seen, always, sometimes or never valid', () => {
    expect(report.rules.map((r) => [r.type, r.name, r.state, r.seen, r.invalid])).toEqual([
      ['track', 'Signed Up', 'sometimes-valid', 5, 4],
      ['track', 'Order Completed', 'never-valid', 2, 2],
      ['track', 'Trial Started', 'never-seen', 0, 0],
      ['track', 'Invite Sent', 'always-valid', 1, 0],
      ['identify', null, 'sometimes-valid', 2, 1],
      ['page', null, 'never-seen', 0, 0],
    ]);
  });

  it('names the most common problem by its text, not the first met', () => {
    // "got 4" comes before the second "got 3"; "is required" once.
    expect(ruleNamed('Signed Up')?.topProblem).toBe('properties.plan must be one of "free" or "pro", got 3');
    expect(ruleNamed('Invite Sent')?.topProblem).toBeNull();
  });

  it('lists planned fields never sent and required ones missing at least once (traits for identify)', () => {
    expect(ruleNamed('Signed Up')?.properties).toEqual({ neverSeen: [], requiredMissing: ['plan'] });
    expect(ruleNamed('Order Completed')?.properties).toEqual({ neverSeen: [], requiredMissing: [] });
    expect(ruleNamed('Trial Started')?.properties).toEqual({ neverSeen: [], requiredMissing: [] });
    expect(ruleNamed(null, 'identify')?.properties).toEqual({ neverSeen: [], requiredMissing: ['email'] });
    expect(coverageOf([track('Signed Up', { plan: 'pro' })]).report().rules[0]?.properties).toEqual({
      neverSeen: ['coupon'],
      requiredMissing: [],
    });
  });

  it('counts unplanned track events, most sent first; a screen meets no rule and is not unplanned', () => {
    expect(report.unplanned).toEqual([
      { type: 'track', name: 'Signed up', seen: 2 },
      { type: 'track', name: 'Exported', seen: 1 },
    ]);
  });

  it('covers the planned rules seen: 4 of 6', () => {
    expect([report.coverage, report.rulesSeen, report.rulesPlanned, report.messages]).toEqual([4 / 6, 4, 6, 14]);
  });

  it('orders a checklist: never seen, never valid, sometimes valid, always valid', () => {
    expect(checklistOrder(report.rules).map((r) => r.name ?? r.type)).toEqual([
      'Trial Started',
      'page',
      'Order Completed',
      'Signed Up',
      'identify',
      'Invite Sent',
    ]);
  });

  it('judges messages by the validation they carry: strict mode makes an anonymous null userId invalid', () => {
    const anonymous = [{ event: 'Invite Sent', userId: null, anonymousId: 'a1' }];
    const count = (strict: boolean) => {
      const coverage = createCoverage(acme);
      for (const record of recordsOf(anonymous, { plan: acme, strict })) coverage.add(record);
      return coverage.report().rules.find((r) => r.name === 'Invite Sent')?.state;
    };
    expect(count(false)).toBe('always-valid');
    expect(count(true)).toBe('never-valid');
  });

  it('reports every rule never seen, and coverage 0, before any message', () => {
    const empty = createCoverage(acme).report();
    expect(empty.coverage).toBe(0);
    expect(new Set(empty.rules.map((r) => r.state))).toEqual(new Set(['never-seen']));
  });
});

describe('labels and merging', () => {
  it('records the labels (test titles) of the messages that met each rule', () => {
    const coverage = coverageOf(
      [track('Signed Up', { plan: 'pro' }), track('Signed Up', { plan: 'free' }), track('Invite Sent')],
      ['signs up', 'upgrades', 'invites'],
    );
    const labels = coverage.report().rules.map((r) => [r.name, r.labels]);
    expect(labels.slice(0, 4)).toEqual([
      ['Signed Up', ['signs up', 'upgrades']],
      ['Order Completed', []],
      ['Trial Started', []],
      ['Invite Sent', ['invites']],
    ]);
  });

  it('merges per-test tallies, through JSON, into the report of the whole run', () => {
    const first = coverageOf(session.slice(0, 7), Array(7).fill('test one'));
    const second = coverageOf(session.slice(7), Array(7).fill('test two'));
    const run = createCoverage(acme);
    run.merge(JSON.parse(JSON.stringify(first.snapshot())) as CoverageSnapshot);
    run.merge(JSON.parse(JSON.stringify(second.snapshot())) as CoverageSnapshot);
    const { rules, ...whole } = run.report();
    const { rules: expectedRules, ...expected } = coverageOf(session).report();
    expect(whole).toEqual(expected);
    const withoutLabels = (list: typeof rules) => list.map((r) => ({ ...r, labels: [] }));
    expect(withoutLabels(rules)).toEqual(withoutLabels(expectedRules));
    expect(rules.find((r) => r.type === 'identify')?.labels).toEqual(['test two']);
  });

  it("refuses to merge another plan's coverage", () => {
    const other = createCoverage(planOf({ name: 'Other', rules: [rule('TRACK', 'Elsewhere', {})] }));
    expect(() => createCoverage(acme).merge(other.snapshot())).toThrow(
      'cannot merge coverage of another plan: "Acme" has no TRACK rule "Elsewhere"',
    );
  });
});

describe('memory stays flat', () => {
  it('keeps the most common problem among thousands of distinct ones', () => {
    const messages = [
      ...Array.from({ length: 500 }, () => track('Order Completed', { total: 'ten' })),
      ...Array.from({ length: 3000 }, (_, i) => track('Order Completed', { total: `x${i}` })),
    ];
    const coverage = coverageOf(messages);
    expect(coverage.report().rules[1]?.topProblem).toBe('properties.total must be a number, got "ten"');
    // At most 100 texts are kept, however many were met.
    expect(coverage.snapshot().rules[1]?.problems.length).toBe(100);
  });
});

describe('a Typewriter 8 cache', () => {
  it('counts the event its clients send ("NoID type") and its key ("NoID Type") as one rule', async () => {
    const { readFileSync } = await import('node:fs');
    const e2e = planOf(JSON.parse(readFileSync('test/unit/plan/fixtures/typewriter8-e2e.plan.json', 'utf8')));
    const coverage = createCoverage(e2e);
    const sent = [track('NoID type', { no_id_prop: 'a' }), track('NoID Type', {})];
    for (const record of recordsOf(sent, { plan: e2e })) coverage.add(record);
    const report = coverage.report();
    expect(report.rules.find((r) => r.name === 'NoID type')).toMatchObject({
      state: 'sometimes-valid',
      seen: 2,
      invalid: 1,
      properties: { neverSeen: [], requiredMissing: ['no_id_prop'] },
    });
    expect(report.unplanned).toEqual([]);
  });
});
