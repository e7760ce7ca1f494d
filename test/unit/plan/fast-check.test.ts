/**
 * The fast check (rule/fast-check.ts) and what a rule reads of a batch entry (rule/fields-read.ts). Its
 * agreement with ajv is in differential.test.ts; with the official suite in bench/json-schema-suite.ts.
 */
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../src/core/plan/check/check-plan';
import { loadPlan } from '../../../src/core/plan/load/load-plan';
import type { Dialect, PlanRule, TrackingPlan } from '../../../src/core/plan/tracking-plan';
import { compileRule, fastCheckFor } from '../../../src/core/plan/rule/compile-rule';
import { fieldsReadBy } from '../../../src/core/plan/rule/fields-read';

const rule = (
  schema: PlanRule['schema'],
  dialect: Dialect = 'draft-07',
  target: PlanRule['target'] = 'message',
): PlanRule => ({ schema, dialect, target });

describe('the fast check', () => {
  it('is built for the keywords plans are written with, and says valid or not', () => {
    const fastCheck = fastCheckFor(
      rule({
        type: 'object',
        required: ['properties'],
        properties: {
          properties: {
            type: 'object',
            required: ['plan'],
            properties: {
              plan: { enum: ['free', 'pro'] },
              seats: { type: 'integer', minimum: 1 },
              name: { type: 'string', minLength: 2, maxLength: 3 },
              at: { format: 'date-time' },
            },
          },
        },
      }),
    );
    expect(fastCheck?.({ properties: { plan: 'pro', seats: 2, name: '😀😀', at: '2024-05-01T10:00:00Z' } })).toBe(true);
    for (const properties of [
      { plan: 'team' },
      { plan: 'pro', seats: 1.5 },
      { plan: 'pro', name: '😀😀😀😀' },
      { plan: 'pro', at: '2024-05-01' },
      { seats: 1 },
    ]) {
      expect(fastCheck?.({ properties })).toBe(false);
    }
  });

  it('leaves to the library every schema with a keyword it does not know, or that the library reads its own way', () => {
    const none = [
      rule({ properties: { a: { $ref: '#/definitions/a' } }, definitions: { a: { type: 'string' } } }),
      rule({ multipleOf: 0.5 }),
      rule({ items: [{ type: 'string' }] }),
      rule({ nullable: true }),
      rule({ const: 1 }, 'draft-04'),
      rule({ dependentRequired: { a: ['b'] } }, 'draft-07'),
      rule({ format: 'url' }),
      rule({ pattern: 'x', regexFlags: 'i' }),
    ];
    expect(none.map(fastCheckFor)).toEqual(none.map(() => undefined));
    // A format the library does not know is not asserted by it either.
    expect(fastCheckFor(rule({ format: 'currency-code' }))?.('anything')).toBe(true);
  });

  it('calls an object or array outside an enum "not valid" and lets the library judge it (it compares them as JSON text)', () => {
    const enumRule = rule({ enum: [{ a: 1 }, 'x'] });
    expect(fastCheckFor(enumRule)?.({ a: 1 })).toBe(false);
    const compiled = compileRule(enumRule);
    expect(compiled.ok && compiled.check({ a: 1 })).toEqual([]);
  });

  it("counts only a message's own fields: a property named constructor is checked, not found on every object", () => {
    const compiled = compileRule(rule({ required: ['toString'], properties: { constructor: { type: 'string' } } }));
    if (!compiled.ok) throw new Error('refused');
    expect(compiled.check(JSON.parse('{"toString": 1, "constructor": "x"}'))).toEqual([]);
    expect(compiled.check({}).map((error) => error.keyword)).toEqual(['required']);
  });
});

describe('what a rule reads of a batch entry', () => {
  it('names the fields a rule over the message can look at, or all of them', () => {
    expect(
      fieldsReadBy(
        rule({
          type: 'object',
          required: ['event'],
          properties: { properties: {} },
          allOf: [{ properties: { context: {} } }],
        }),
      ),
    ).toEqual(new Set(['event', 'properties', 'context']));
    expect(fieldsReadBy(rule({ properties: { a: {} }, additionalProperties: false }))).toBe('all');
    expect(fieldsReadBy(rule({ enum: [{}] }))).toBe('all');
    expect(fieldsReadBy(rule({ type: 'object' }, 'draft-07', 'properties'))).toEqual(new Set(['properties']));
  });

  it('checks an entry with what its batch lends it, for the rules that read it', () => {
    const load = loadPlan(
      JSON.stringify({
        rules: [
          {
            type: 'TRACK',
            key: 'Seen',
            jsonSchema: { required: ['context'], properties: { context: { required: ['locale'] } } },
          },
          { type: 'TRACK', key: 'Closed', jsonSchema: { properties: { event: {} }, additionalProperties: false } },
        ],
      }),
    );
    if (!load.ok) throw new Error(load.problems.join('\n'));
    const plan: TrackingPlan = load.plan;
    const batch = { index: 1, count: 2, inherited: { context: { locale: 'en' }, sentAt: '2024-05-01T10:00:00Z' } };
    const keywords = (event: string, withBatch: boolean) =>
      checkPlan({ type: 'track', payload: { event }, ...(withBatch ? { batch } : {}) }, plan, {
        unplanned: 'warn',
      }).errors.map((error) => `${error.keyword} ${error.path}`);
    expect(keywords('Seen', false)).toEqual(['required /context']);
    expect(keywords('Seen', true)).toEqual([]);
    // A rule that reads every field sees every inherited one, as the June schema check does.
    expect(keywords('Closed', true)).toEqual(['additionalProperties /context', 'additionalProperties /sentAt']);
  });
});
