import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectCall, revalidateRecord } from '../../../src/core/inspect';
import { createLinter } from '../../../src/core/lint';
import { checkPlan, planChecker, type PlanCheckOptions } from '../../../src/core/plan/check/check-plan';
import { compilePlan } from '../../../src/core/plan/rule/compile-plan';
import { closestName, editDistance } from '../../../src/core/plan/check/closest-name';
import { loadPlan } from '../../../src/core/plan/load/load-plan';
import type { PlanRule, TrackingPlan } from '../../../src/core/plan/tracking-plan';
import { compileRule } from '../../../src/core/plan/rule/compile-rule';

function planOf(doc: unknown): TrackingPlan {
  const load = loadPlan(JSON.stringify(doc));
  if (!load.ok) throw new Error(`expected the plan to load, got:\n${load.problems.join('\n')}`);
  return load.plan;
}

/** A Segment Public API rule over the whole message, as the API serves it. */
const messageRule = (type: string, key: string | undefined, properties: object, extra: object = {}) => ({
  type,
  ...(key === undefined ? {} : { key }),
  version: 1,
  jsonSchema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties, ...extra },
});

const growth = planOf({
  name: 'Growth',
  rules: [
    messageRule(
      'TRACK',
      'Signed Up',
      {
        properties: {
          type: 'object',
          required: ['plan'],
          properties: {
            plan: { type: 'string', enum: ['free', 'pro', 'team'] },
            seats: { type: 'integer', minimum: 1 },
            coupon: { type: ['string', 'null'] },
            referrer: { type: 'string', pattern: '^https://' },
          },
        },
      },
      { required: ['properties'] },
    ),
    messageRule('TRACK', 'Order Completed', {
      properties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          order_id: { type: 'string' },
          total: { type: 'number' },
          products: { type: 'array', items: { type: 'object', required: ['sku'] } },
        },
      },
    }),
    messageRule('IDENTIFY', undefined, {
      traits: { type: 'object', properties: { email: { type: 'string', format: 'email' } } },
    }),
    messageRule('COMMON', undefined, { context: { type: 'object', required: ['app'] } }, { required: ['context'] }),
  ],
});

const WARN: PlanCheckOptions = { unplanned: 'warn' };
const context = { app: { name: 'web' } };
const track = (event: unknown, properties?: object) => ({
  type: 'track',
  payload: { event, context, ...(properties ? { properties } : {}) },
});
const check = (
  message: { type: string; payload: unknown },
  plan: TrackingPlan = growth,
  options: PlanCheckOptions = WARN,
) => checkPlan(message, plan, options);
/** Errors as "path: message" lines, the way the panel shows them. */
const errorLines = (message: { type: string; payload: unknown }, plan?: TrackingPlan) =>
  check(message, plan).errors.map((p) => `${p.path}: ${p.message}`);

describe('a track event against its rule', () => {
  it('passes a message that follows the plan', () => {
    expect(check(track('Signed Up', { plan: 'pro', seats: 3, coupon: null }))).toEqual({ errors: [], warnings: [] });
  });

  it('names a wrong type with the field, the type and the value, as the schema errors do', () => {
    expect(check(track('Signed Up', { plan: 'pro', seats: '2' })).errors).toEqual([
      {
        path: '/properties/seats',
        message: 'properties.seats must be an integer, got "2"',
        keyword: 'type',
        source: 'plan',
      },
    ]);
  });

  it('reads a union type as words', () => {
    expect(errorLines(track('Signed Up', { plan: 'pro', coupon: 5 }))).toEqual([
      '/properties/coupon: properties.coupon must be a string or null, got 5',
    ]);
  });

  it('points a missing required field at where it belongs', () => {
    expect(check(track('Signed Up', {})).errors).toEqual([
      { path: '/properties/plan', message: 'properties.plan is required', keyword: 'required', source: 'plan' },
    ]);
    expect(errorLines(track('Signed Up'))).toEqual(['/properties: properties is required']);
  });

  it('lists the values an enum allows', () => {
    expect(errorLines(track('Signed Up', { plan: 'Pro' }))).toEqual([
      '/properties/plan: properties.plan must be one of "free", "pro" or "team", got "Pro"',
    ]);
  });

  it('says what bound and pattern a value missed', () => {
    expect(errorLines(track('Signed Up', { plan: 'pro', seats: 0, referrer: 'http://x.test' }))).toEqual([
      '/properties/seats: properties.seats must be at least 1, got 0',
      '/properties/referrer: properties.referrer must match the pattern "^https://", got "http://x.test"',
    ]);
  });

  it('points a field the plan does not allow at the field itself, and finds errors inside arrays of objects', () => {
    expect(
      errorLines(track('Order Completed', { order_id: 'o-1', coupon: 'X', products: [{ sku: 'a' }, { name: 'b' }] })),
    ).toEqual([
      '/properties/products/1/sku: properties.products[1].sku is required',
      '/properties/coupon: properties.coupon is not allowed: the plan lists no such field here',
    ]);
  });

  it("marks every problem as the plan's, beside the schema's", () => {
    // A value of the wrong type outside an enum fails both: both are said, as ajv says both of a June schema field.
    const { errors } = check(track('Signed Up', { plan: 1, seats: 'two' }));
    expect(errors.map((p) => [p.keyword, p.source])).toEqual([
      ['enum', 'plan'],
      ['type', 'plan'],
      ['type', 'plan'],
    ]);
  });
});

describe('unplanned events', () => {
  it('warns by default and suggests the planned name it was probably meant to be', () => {
    expect(check(track('Signed up', { plan: 'pro' }))).toEqual({
      errors: [],
      warnings: [
        {
          path: '/event',
          message: '"Signed up" is not in the tracking plan "Growth"; did you mean "Signed Up"?',
          keyword: 'plan:unplanned',
          source: 'plan',
        },
      ],
    });
  });

  it('is an error when the options say so', () => {
    const result = check(track('Order Complete'), growth, { unplanned: 'error' });
    expect(result.warnings).toEqual([]);
    expect(result.errors.map((p) => p.message)).toEqual([
      '"Order Complete" is not in the tracking plan "Growth"; did you mean "Order Completed"?',
    ]);
  });

  it('suggests nothing when no planned name is close', () => {
    expect(check(track('Page Scrolled')).warnings.map((p) => p.message)).toEqual([
      '"Page Scrolled" is not in the tracking plan "Growth"',
    ]);
  });

  it('leaves a track call without an event name to the schema check', () => {
    expect(check(track(undefined))).toEqual({ errors: [], warnings: [] });
  });
});

describe('did you mean', () => {
  it('takes a name equal ignoring case whatever its length, edits only for names of 5 characters or more', () => {
    expect(closestName('buy', ['Buy', 'Bye'])).toBe('Buy');
    expect(closestName('Bye', ['Buy'])).toBeUndefined();
    expect(closestName('Sigend Up', ['Signed Up'])).toBe('Signed Up'); // a swap is one edit
    expect(closestName('Signed', ['Signed Up'])).toBeUndefined(); // 3 edits
  });

  it('picks the closest, and breaks ties the same way every time', () => {
    expect(closestName('Order Complete', ['Order Completes', 'Order Completed'])).toBe('Order Completed');
    expect(closestName('Order Complete', ['Order Completed', 'Order Completes'])).toBe('Order Completed');
    expect(closestName('order viewed', ['Order Viewed', 'order viewer'])).toBe('Order Viewed');
    expect(closestName('Item Added', ['item added', 'Item added'])).toBe('Item added');
  });

  it('counts edits as optimal string alignment, and stops past the limit', () => {
    expect(editDistance('ca', 'abc', 10)).toBe(3);
    expect(editDistance('abcdef', 'abdcef', 2)).toBe(1);
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });
});

describe('which rules apply', () => {
  it('applies the COMMON rule to every message type', () => {
    for (const type of ['track', 'identify', 'page', 'alias', 'screen']) {
      const payload = type === 'track' ? { event: 'Signed Up', properties: { plan: 'pro' } } : { userId: 'u-1' };
      expect(errorLines({ type, payload }), type).toEqual(['/context: context is required']);
    }
    expect(errorLines({ type: 'identify', payload: { userId: 'u-1', context: {} } })).toEqual([
      '/context/app: context.app is required',
    ]);
  });

  it("checks an identify call's traits", () => {
    expect(errorLines({ type: 'identify', payload: { userId: 'u-1', context, traits: { email: 'ada' } } })).toEqual([
      '/traits/email: traits.email must be an email address, got "ada"',
    ]);
  });

  it('checks nothing for a payload that is not an object: the schema check says so', () => {
    expect(check({ type: 'track', payload: [1] })).toEqual({ errors: [], warnings: [] });
  });
});

describe("a Typewriter 8 cache's rules, by the name its clients send and by key", () => {
  const e2e = planOf(JSON.parse(readFileSync('test/unit/plan/fixtures/typewriter8-e2e.plan.json', 'utf8')));
  const options: PlanCheckOptions = { unplanned: 'error' };
  const lines = (event: string, properties: object) =>
    checkPlan({ type: 'track', payload: { event, properties } }, e2e, options).errors.map(
      (p) => `${p.path}: ${p.message}`,
    );

  it('checks "NoID type", as the generated client sends it, against the rule keyed "NoID Type"', () => {
    expect(lines('NoID type', { no_id_prop: 'x' })).toEqual([]);
    expect(lines('NoID type', {})).toEqual(['/properties/no_id_prop: properties.no_id_prop is required']);
  });

  it('checks the key itself too, and the name Typewriter stripped of its "#"', () => {
    expect(lines('NoID Type', {})).toEqual(['/properties/no_id_prop: properties.no_id_prop is required']);
    expect(lines('Property Object Name Collision #1', {})).toEqual([]);
    expect(lines('Property Object Name Collision 1', {})).toEqual([]);
  });

  it('still calls another spelling unplanned', () => {
    expect(lines('noid type', {})).toEqual([
      '/event: "noid type" is not in the tracking plan "Typewriter E2E"; did you mean "NoID type"?',
    ]);
  });
});

describe('rules over properties or traits (Typewriter 8, unwrapped)', () => {
  const unwrapped = planOf({
    name: 'Typewriter',
    rules: [
      {
        type: 'TRACK',
        key: 'Plan Selected',
        version: 1,
        jsonSchema: {
          eventMetadata: { name: 'Plan Selected' },
          type: 'object',
          required: ['plan'],
          properties: { plan: { type: 'string' } },
        },
      },
      {
        type: 'IDENTIFY',
        version: 1,
        jsonSchema: {
          eventMetadata: { name: 'identify' },
          type: 'object',
          properties: { age: { type: 'integer', minimum: 0 } },
        },
      },
    ],
  });

  it('checks properties and prefixes the paths with /properties', () => {
    expect(
      errorLines({ type: 'track', payload: { event: 'Plan Selected', properties: { plan: 3 } } }, unwrapped),
    ).toEqual(['/properties/plan: properties.plan must be a string, got 3']);
  });

  it('checks {} when the message has no properties', () => {
    expect(errorLines({ type: 'track', payload: { event: 'Plan Selected' } }, unwrapped)).toEqual([
      '/properties/plan: properties.plan is required',
    ]);
  });

  it('checks traits with /traits', () => {
    expect(errorLines({ type: 'identify', payload: { userId: 'u', traits: { age: -1 } } }, unwrapped)).toEqual([
      '/traits/age: traits.age must be at least 0, got -1',
    ]);
  });
});

describe('rules as schemas', () => {
  it('reads a rule `false` as: this event must not be sent', () => {
    const plan = planOf({ name: 'P', rules: [{ type: 'TRACK', key: 'Legacy Event', version: 1, jsonSchema: false }] });
    expect(check({ type: 'track', payload: { event: 'Legacy Event' } }, plan).errors).toEqual([
      { path: '', message: 'the message is not allowed by the plan', keyword: 'false schema', source: 'plan' },
    ]);
  });

  it('asserts formats in every dialect and does not take "" for a date-time, an email or a uuid', () => {
    const formats = {
      at: { format: 'date-time' },
      email: { format: 'email' },
      id: { format: 'uuid' },
      site: { format: 'uri' },
      ip: { format: 'ipv4' },
      host: { format: 'hostname' },
    };
    for (const $schema of ['http://json-schema.org/draft-04/schema#', 'https://json-schema.org/draft/2020-12/schema']) {
      const plan = planOf({
        name: 'F',
        rules: [
          {
            type: 'TRACK',
            key: 'E',
            version: 1,
            jsonSchema: { $schema, properties: { properties: { properties: formats } } },
          },
        ],
      });
      const good = {
        at: '2024-05-01T10:00:00Z',
        email: 'ada@example.com',
        id: '123e4567-e89b-12d3-a456-426614174000',
        site: 'https://example.com/a',
        ip: '10.0.0.1',
        host: 'example.com',
      };
      expect(errorLines({ type: 'track', payload: { event: 'E', properties: good } }, plan), $schema).toEqual([]);
      const bad = { at: '2024-05-01', email: '', id: '', site: 'example.com', ip: '10.0.0', host: '-x-' };
      expect(errorLines({ type: 'track', payload: { event: 'E', properties: bad } }, plan), $schema).toEqual([
        '/properties/at: properties.at must be an ISO 8601 date-time with a time zone, got "2024-05-01"',
        '/properties/email: properties.email must be an email address, got ""',
        '/properties/id: properties.id must be in the "uuid" format, got ""',
        '/properties/site: properties.site must be an absolute URI, got "example.com"',
        '/properties/ip: properties.ip must be in the "ipv4" format, got "10.0.0"',
        '/properties/host: properties.host must be in the "hostname" format, got "-x-"',
      ]);
    }
  });

  it('reads draft-04 exclusive bounds once, and $ref to local definitions', () => {
    const plan = planOf({
      name: 'D4',
      rules: [
        {
          type: 'TRACK',
          key: 'E',
          version: 1,
          jsonSchema: {
            $schema: 'http://json-schema.org/draft-04/schema#',
            definitions: { rating: { type: 'number', minimum: 0, maximum: 5, exclusiveMaximum: true } },
            properties: { properties: { properties: { rating: { $ref: '#/definitions/rating' } } } },
          },
        },
      ],
    });
    expect(errorLines({ type: 'track', payload: { event: 'E', properties: { rating: 5 } } }, plan)).toEqual([
      '/properties/rating: properties.rating must be less than 5, got 5',
    ]);
  });

  it('says how long a tuple may be, in 2020-12 and draft-07 spelling, and names a property unevaluatedProperties refuses', () => {
    const tuple = (jsonSchema: object) =>
      planOf({ name: 'T', rules: [{ type: 'TRACK', key: 'E', version: 1, jsonSchema }] });
    const point = { event: 'E', properties: { point: [1, 2, 3] } };
    const modern = tuple({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      properties: {
        properties: {
          properties: { point: { prefixItems: [{ type: 'number' }, { type: 'number' }], items: false } },
          unevaluatedProperties: false,
        },
      },
    });
    expect(
      errorLines({ type: 'track', payload: { ...point, properties: { ...point.properties, extra: 1 } } }, modern),
    ).toEqual([
      '/properties/point: properties.point must have at most 2 items, got 3 items',
      '/properties/extra: properties.extra is not allowed: the plan lists no such field here',
    ]);
    const draft07 = tuple({
      properties: {
        properties: {
          properties: { point: { items: [{ type: 'number' }, { type: 'number' }], additionalItems: false } },
        },
      },
    });
    expect(errorLines({ type: 'track', payload: point }, draft07)).toEqual([
      '/properties/point: properties.point must have at most 2 items, got 3 items',
    ]);
  });

  it('escapes a key holding "/" or "~" in the path, and checks a property named _id like any other', () => {
    const plan = planOf({
      name: 'K',
      rules: [
        messageRule('TRACK', 'E', {
          properties: {
            type: 'object',
            additionalProperties: false,
            properties: { 'utm/source': { type: 'string' }, 'a~b': { type: 'string' } },
          },
        }),
      ],
    });
    expect(
      errorLines({ type: 'track', payload: { event: 'E', properties: { 'utm/source': 1, 'a~b': 2, _id: 'x' } } }, plan),
    ).toEqual([
      '/properties/utm~1source: properties["utm/source"] must be a string, got 1',
      '/properties/a~0b: properties["a~b"] must be a string, got 2',
      '/properties/_id: properties._id is not allowed: the plan lists no such field here',
    ]);
  });

  it('gives one error for an instance nested deeper than the stack, instead of throwing', () => {
    const plan = planOf({
      name: 'R',
      rules: [
        messageRule(
          'TRACK',
          'E',
          { properties: { $ref: '#/definitions/node' } },
          { definitions: { node: { type: 'object', additionalProperties: { $ref: '#/definitions/node' } } } },
        ),
      ],
    });
    let deep: object = {};
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    const { errors } = check({ type: 'track', payload: { event: 'E', properties: deep } }, plan);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: '', keyword: 'plan:unchecked', source: 'plan' });
    expect(errors[0]?.message).toMatch(/^the message could not be checked against the plan \(RangeError/);
  });
});

describe('compiling', () => {
  const rule = (schema: PlanRule['schema'], dialect: PlanRule['dialect'] = 'draft-07'): PlanRule => ({
    schema,
    dialect,
    target: 'message',
  });

  it('refuses a regular expression that does not compile (the loader does too; plans can come from elsewhere)', () => {
    const compiled = compileRule(rule({ properties: { code: { type: 'string', pattern: '([a-z' } } }));
    expect(compiled.ok).toBe(false);
    if (!compiled.ok)
      expect(compiled.problems.join('\n')).toMatch(/invalid schema at \/properties\/code.*Invalid regular expression/);
  });

  it('refuses a $ref to anything outside the rule', () => {
    const compiled = compileRule(
      rule({
        properties: { a: { $ref: 'https://schemas.example.com/a.json' } },
        enum: [{ $ref: 'https://a.value/not/a/ref' }],
      }),
    );
    expect(compiled).toEqual({
      ok: false,
      problems: ['$ref "https://schemas.example.com/a.json" points outside the rule (plans are checked offline)'],
    });
  });

  it('reports a rule it cannot use once per message it would have checked, and lists it in the compiled plan', () => {
    const plan: TrackingPlan = {
      name: 'Hand-made',
      common: null,
      track: new Map([['E', rule({ type: 'strng' })]]),
      identify: null,
      group: null,
      page: null,
    };
    expect(compilePlan(plan).problems).toEqual([
      expect.stringMatching(/^rule TRACK "E": invalid schema at \/type: .*strng/),
    ]);
    expect(check({ type: 'track', payload: { event: 'E' } }, plan).errors).toEqual([
      expect.objectContaining({
        path: '',
        keyword: 'plan:invalid-rule',
        message: expect.stringMatching(/^the plan's rule TRACK "E" cannot be checked: invalid schema/) as unknown,
      }),
    ]);
  });

  it('compiles a plan once', () => {
    expect(compilePlan(growth)).toBe(compilePlan(growth));
  });
});

describe('strict mode toggled on a record the plan checked', () => {
  it('keeps the plan findings: they do not depend on the mode', () => {
    const loaded = loadPlan(
      JSON.stringify({
        name: 'P',
        rules: [{ type: 'TRACK', key: 'E', jsonSchema: { properties: { properties: { required: ['plan'] } } } }],
      }),
    );
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const plan = planChecker(loaded.plan, { unplanned: 'warn' });
    const [message] = inspectCall(
      { sender: 'june', callType: 'track' },
      { kind: 'text', text: JSON.stringify({ event: 'E', userId: null, anonymousId: 'a', properties: {} }) },
      { strict: false, linter: createLinter(), capturedAt: undefined, checker: plan },
    );
    if (!message) throw new Error('no message');
    const record = {
      ...message,
      capturedAt: 0,
      tabId: 1,
      pageUrl: '',
      request: { url: '', method: 'POST', outcome: 'pending', status: null, error: null },
      sender: 'june',
    } as const;
    const strict = revalidateRecord(record, true);
    expect(strict.validation.errors.map((e) => `${e.source ?? 'schema'} ${e.path}`)).toEqual([
      'schema /userId',
      'plan /properties/plan',
    ]);
    expect(revalidateRecord(strict, false).validation.errors.map((e) => e.source)).toEqual(['plan']);

    // A plan removed or replaced (the options page): its findings go or are made again; lint warnings stay.
    const unplanned = planChecker(planOf({ name: 'Other', rules: [{ type: 'TRACK', key: 'F', jsonSchema: {} }] }), {
      unplanned: 'error',
    });
    const linted = {
      ...record,
      validation: {
        ...record.validation,
        warnings: [...record.validation.warnings, { path: '', message: 'sent twice', keyword: 'lint:duplicate' }],
      },
    };
    expect(revalidateRecord(linted, false, null).validation).toMatchObject({ valid: true, errors: [] });
    expect(revalidateRecord(linted, false, null).validation.warnings.map((w) => w.keyword)).toEqual(['lint:duplicate']);
    expect(revalidateRecord(linted, false, null).validation.notes?.map((w) => w.keyword)).toEqual(['identity:null']);
    const replaced = revalidateRecord(linted, false, unplanned).validation;
    expect(replaced.errors.map((e) => `${e.source} ${e.message}`)).toEqual([
      'plan "E" is not in the tracking plan "Other"',
    ]);
    expect(replaced.warnings.map((w) => w.keyword)).toEqual(['lint:duplicate']);
    expect(replaced.notes?.map((w) => w.keyword)).toEqual(['identity:null']);
  });
});
