import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../../../src/core/plan/infer/value-shape';
import { draftPlan, draftPlanJson, type DraftedPlan, type DraftInput } from '../../../src/core/plan/infer/draft-plan';
import { draftDoubts } from '../../../src/core/plan/infer/draft-doubts';
import { loadPlan } from '../../../src/core/plan/load/load-plan';

const track = (event: unknown, properties?: unknown): DraftInput => ({
  type: 'track',
  payload: { event, ...(properties === undefined ? {} : { properties }) },
});
const identify = (traits?: unknown): DraftInput => ({
  type: 'identify',
  payload: { userId: 'u-1', ...(traits === undefined ? {} : { traits }) },
});
const group = (traits?: unknown): DraftInput => ({
  type: 'group',
  payload: { groupId: 'g-1', ...(traits === undefined ? {} : { traits }) },
});

/** The schema of a TRACK rule's `properties` object. */
function propertiesSchema(plan: DraftedPlan, event: string): unknown {
  const rule = plan.rules.find((r) => r.type === 'TRACK' && r.key === event);
  return (rule?.jsonSchema['properties'] as Record<string, unknown> | undefined)?.['properties'];
}

const planSelected = [
  track('Plan Selected', { plan: 'pro', seats: 3, price: 9.99, trial: true, coupon: null }),
  track('Plan Selected', { plan: 'team', seats: 5, price: 10, trial: false, coupon: 'SPRING' }),
];

const checkout = [
  track('Checkout Started', {
    cart: { id: 'c-1', currency: 'EUR' },
    products: [
      { sku: 'a', price: 1 },
      { sku: 'b', name: 'B' },
    ],
  }),
  track('Checkout Started', { cart: { id: 'c-2', coupon: null }, products: [] }),
  track('Checkout Started', { cart: { id: 'c-3' }, products: [{ sku: 'c', price: 2.5, tags: ['sale'] }] }),
];

const people = [
  identify({ email: 'ada@example.com', plan: 'pro', logins: 4 }),
  identify({ email: 'bob@example.com', company: { name: 'Acme' } }),
  identify(),
  group({ name: 'Acme', employees: 40 }),
];

/** A small seeded shuffle: the same "random" order on every run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe('draftPlan: property types', () => {
  it('writes each property as the JSON type it was seen as, with null and unions where occurrences differ', () => {
    expect(propertiesSchema(draftPlan(planSelected), 'Plan Selected')).toEqual({
      properties: {
        coupon: { type: ['null', 'string'] },
        plan: { type: 'string' },
        price: { type: 'number' },
        seats: { type: 'integer' },
        trial: { type: 'boolean' },
      },
      required: ['coupon', 'plan', 'price', 'seats', 'trial'],
      type: 'object',
    });
  });

  it('says "integer" only while every number was whole, and sorts a union', () => {
    const plan = draftPlan([
      track('E', { id: 7, amount: 3 }),
      track('E', { id: 'seven', amount: 3.5 }),
      track('E', { id: false, amount: 4 }),
    ]);
    expect(propertiesSchema(plan, 'E')).toMatchObject({
      properties: { amount: { type: 'number' }, id: { type: ['boolean', 'integer', 'string'] } },
    });
  });
});

describe('draftPlan: required', () => {
  it('requires a key only where every occurrence had it', () => {
    const plan = draftPlan([
      track('Signed Up', { method: 'google', referrer: 'ad' }),
      track('Signed Up', { method: 'email' }),
    ]);
    expect(propertiesSchema(plan, 'Signed Up')).toEqual({
      properties: { method: { type: 'string' }, referrer: { type: 'string' } },
      required: ['method'],
      type: 'object',
    });
  });

  it('requires the properties object itself only when every message of the event sent it', () => {
    const always = draftPlan([track('E', {}), track('E', { a: 1 })]).rules[0]?.jsonSchema;
    const sometimes = draftPlan([track('E', { a: 1 }), track('E')]).rules[0]?.jsonSchema;
    expect(always).toMatchObject({ required: ['properties'] });
    expect(sometimes).not.toHaveProperty('required');
  });

  it('gives an object with no keys (or never seen) just "type": "object"', () => {
    expect(propertiesSchema(draftPlan([track('Empty', {})]), 'Empty')).toEqual({ type: 'object' });
    expect(propertiesSchema(draftPlan([track('Bare')]), 'Bare')).toEqual({ type: 'object' });
  });
});

describe('draftPlan: nested objects and arrays', () => {
  it('merges nested objects and the elements of every array at a path', () => {
    expect(propertiesSchema(draftPlan(checkout), 'Checkout Started')).toEqual({
      properties: {
        cart: {
          properties: { coupon: { type: 'null' }, currency: { type: 'string' }, id: { type: 'string' } },
          required: ['id'],
          type: 'object',
        },
        products: {
          items: {
            properties: {
              name: { type: 'string' },
              price: { type: 'number' },
              sku: { type: 'string' },
              tags: { items: { type: 'string' }, type: 'array' },
            },
            required: ['sku'],
            type: 'object',
          },
          type: 'array',
        },
      },
      required: ['cart', 'products'],
      type: 'object',
    });
  });

  it('leaves out items when only empty arrays were seen, and unions mixed elements', () => {
    const plan = draftPlan([
      track('E', { none: [], mixed: [1, 'a', null] }),
      track('E', { none: [], mixed: [[true]] }),
    ]);
    expect(propertiesSchema(plan, 'E')).toMatchObject({
      properties: {
        none: { type: 'array' },
        mixed: { items: { items: { type: 'boolean' }, type: ['array', 'integer', 'null', 'string'] }, type: 'array' },
      },
    });
  });
});

describe('draftPlan: rules', () => {
  it('drafts identify and group traits, over the whole message as Segment serves it', () => {
    const plan = draftPlan([...people, track('Opened')]);
    expect(plan.rules.map((r) => [r.type, r.key])).toEqual([
      ['TRACK', 'Opened'],
      ['IDENTIFY', undefined],
      ['GROUP', undefined],
    ]);
    expect(plan.rules[1]).toEqual({
      type: 'IDENTIFY',
      version: 1,
      jsonSchema: {
        $schema: 'http://json-schema.org/draft-07/schema#',
        properties: {
          traits: {
            properties: {
              company: { properties: { name: { type: 'string' } }, required: ['name'], type: 'object' },
              email: { type: 'string' },
              logins: { type: 'integer' },
              plan: { type: 'string' },
            },
            required: ['email'],
            type: 'object',
          },
        },
        type: 'object',
      },
    });
    expect(plan.rules[2]?.jsonSchema).toMatchObject({
      properties: { traits: { properties: { employees: { type: 'integer' }, name: { type: 'string' } } } },
      required: ['traits'],
    });
  });

  it('drafts no identify or group rule when none was seen, and names the plan', () => {
    expect(draftPlan(planSelected)).toMatchObject({
      name: 'Draft tracking plan',
      rules: [{ type: 'TRACK', key: 'Plan Selected' }],
    });
    expect(draftPlan([], 'Checkout v2')).toEqual({ name: 'Checkout v2', rules: [] });
  });

  it('skips what is not a usable message', () => {
    const junk: DraftInput[] = [
      { type: 'track', payload: null },
      { type: 'track', payload: 'Order Completed' },
      { type: 'track', payload: [{ event: 'In An Array' }] },
      track(42, { a: 1 }),
      track('', { a: 1 }),
      { type: 'track', payload: { properties: { a: 1 } } },
      { type: 'page', payload: { name: 'Home', properties: { path: '/' } } },
      { type: 'alias', payload: { previousId: 'a', userId: 'b' } },
      { type: 'unknown', payload: null },
      { type: 'identify', payload: 'not an object' },
    ];
    expect(draftPlan(junk).rules).toEqual([]);
    // Values JSON cannot carry count as absent, as JSON.stringify would drop them.
    const odd = draftPlan([track('E', { kept: 1, dropped: undefined, fn: () => 1, list: [undefined, 2] })]);
    expect(propertiesSchema(odd, 'E')).toEqual({
      properties: { kept: { type: 'integer' }, list: { items: { type: 'integer' }, type: 'array' } },
      required: ['kept', 'list'],
      type: 'object',
    });
  });
});

describe('draftPlanJson', () => {
  const all = [...planSelected, ...checkout, ...people, track('Opened'), track('Account Deleted', { reason: 'price' })];

  it('writes the same bytes whatever the order of the messages', () => {
    const bytes = draftPlanJson(all);
    for (const seed of [1, 2, 3, 42]) expect(draftPlanJson(shuffled(all, seed))).toBe(bytes);
    expect(draftPlan(all).rules.map((r) => r.key ?? r.type)).toEqual([
      'Account Deleted',
      'Checkout Started',
      'Opened',
      'Plan Selected',
      'IDENTIFY',
      'GROUP',
    ]);
  });

  it('is two-space indented JSON with a trailing newline', () => {
    const text = draftPlanJson([track('Opened')], 'Mine');
    expect(text).toBe(
      [
        '{',
        '  "name": "Mine",',
        '  "rules": [',
        '    {',
        '      "key": "Opened",',
        '      "type": "TRACK",',
        '      "version": 1,',
        '      "jsonSchema": {',
        '        "$schema": "http://json-schema.org/draft-07/schema#",',
        '        "properties": {',
        '          "properties": {',
        '            "type": "object"',
        '          }',
        '        },',
        '        "type": "object"',
        '      }',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });
});

describe('the drafted schemas, checked with ajv', () => {
  const ajv = new Ajv({ strict: false });
  const all = [...planSelected, ...checkout, ...people];
  const plan = draftPlan(all);
  const validatorFor = (message: DraftInput) => {
    const payload = message.payload as { event?: string };
    const rule = plan.rules.find(
      (r) => r.type === message.type.toUpperCase() && (r.type !== 'TRACK' || r.key === payload.event),
    );
    if (!rule) throw new Error(`no rule for ${JSON.stringify(message)}`);
    return ajv.compile(rule.jsonSchema);
  };

  it('accepts every message the plan was drafted from', () => {
    for (const message of all) {
      const validate = validatorFor(message);
      expect(validate(message.payload), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('rejects a changed property type at the exact instance path', () => {
    const validate = validatorFor(planSelected[0] as DraftInput);
    expect(
      validate({ event: 'Plan Selected', properties: { plan: 3, seats: 3, price: 9.99, trial: true, coupon: null } }),
    ).toBe(false);
    expect(validate.errors).toEqual([expect.objectContaining({ instancePath: '/properties/plan', keyword: 'type' })]);

    const nested = validatorFor(checkout[0] as DraftInput);
    expect(
      nested({
        event: 'Checkout Started',
        properties: { cart: { id: 'c' }, products: [{ sku: 'a' }, { sku: 'b', price: '2' }] },
      }),
    ).toBe(false);
    expect(nested.errors).toEqual([
      expect.objectContaining({ instancePath: '/properties/products/1/price', keyword: 'type' }),
    ]);
  });

  it('rejects a message missing a key every occurrence had, and accepts new keys', () => {
    const validate = validatorFor(planSelected[0] as DraftInput);
    expect(validate({ event: 'Plan Selected', properties: { seats: 3, price: 9.99, trial: true, coupon: null } })).toBe(
      false,
    );
    expect(validate.errors).toEqual([
      expect.objectContaining({
        instancePath: '/properties',
        keyword: 'required',
        params: { missingProperty: 'plan' },
      }),
    ]);
    expect(
      validate({
        event: 'Plan Selected',
        properties: { plan: 'pro', seats: 3, price: 9.99, trial: true, coupon: null, brandNew: 'ok' },
      }),
    ).toBe(true);
  });
});

describe('hostile input', () => {
  it('stops descending at the depth limit and still validates the message', () => {
    let value: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) value = { next: value };
    const message = track('Deep', { root: value });
    const schema = draftPlan([message]).rules[0]?.jsonSchema ?? {};
    // Depth 0 is the message: count the schema levels down to the first `{}`.
    let levels = 0;
    let node = schema as Record<string, unknown>;
    while (Object.keys(node).length > 0) {
      const properties = node['properties'] as Record<string, Record<string, unknown>>;
      node = Object.values(properties)[0] ?? {};
      levels += 1;
    }
    expect(levels).toBe(MAX_DEPTH);
    const shallow = track('Deep', { root: { next: { next: 'bottom' } } });
    // "bottom" is not an object at depth 4
    expect(new Ajv({ strict: false }).validate(schema, shallow.payload)).toBe(false);
    const deepEnough = { event: 'Deep', properties: { root: cut(value, 40) } };
    expect(new Ajv({ strict: false }).validate(schema, deepEnough)).toBe(true);
  });

  it('keeps a key named __proto__ as a key', () => {
    const properties = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as unknown;
    const text = draftPlanJson([track('E', properties)]);
    expect(JSON.parse(text)).toMatchObject({
      rules: [{ jsonSchema: { properties: { properties: { required: ['__proto__', 'ok'] } } } }],
    });
    expect(text).toContain('"__proto__": {');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('streams 100,000 messages from a generator', () => {
    function* capture(): Generator<DraftInput> {
      for (let i = 0; i < 100_000; i++) {
        yield track(`Event ${i % 50}`, { index: i, ratio: i / 7, label: `#${i}`, flags: [i % 2 === 0] });
        if (i % 1000 === 0) yield identify({ n: i });
      }
    }
    const plan = draftPlan(capture());
    expect(plan.rules).toHaveLength(51);
    expect(propertiesSchema(plan, 'Event 7')).toEqual({
      properties: {
        flags: { items: { type: 'boolean' }, type: 'array' },
        index: { type: 'integer' },
        label: { type: 'string' },
        ratio: { type: 'number' },
      },
      required: ['flags', 'index', 'label', 'ratio'],
      type: 'object',
    });
  });
});

/** The first `levels` levels of a `{ next }` chain, ending in a number where it is cut. */
function cut(value: unknown, levels: number): unknown {
  if (levels === 0 || typeof value !== 'object' || value === null) return 12;
  return { next: cut((value as { next: unknown }).next, levels - 1) };
}

describe('a drafted plan read back', () => {
  it('loads as a Segment Public API plan, every rule over the whole message', () => {
    const messages = [
      { type: 'track', payload: { event: 'Signed Up', userId: 'u', properties: { plan: 'pro' } } },
      { type: 'identify', payload: { userId: 'u', traits: { email: 'a@example.com' } } },
      { type: 'group', payload: { userId: 'u', groupId: 'g', traits: { seats: 3 } } },
    ];
    const loaded = loadPlan(draftPlanJson(messages, 'Round trip'));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.plan.name).toBe('Round trip');
    expect([...loaded.plan.track.keys()]).toEqual(['Signed Up']);
    expect([
      loaded.plan.track.get('Signed Up')?.target,
      loaded.plan.identify?.target,
      loaded.plan.group?.target,
    ]).toEqual(['message', 'message', 'message']);
    expect(loaded.plan.track.get('Signed Up')?.dialect).toBe('draft-07');
  });
});

describe('a draft of a deeply nested message', () => {
  it('still loads: the draft stops within the depth a plan may have', () => {
    let nested: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 200; i++) nested = { next: nested };
    expect(
      loadPlan(draftPlanJson([{ type: 'track', payload: { event: 'Deep', userId: 'u', properties: nested } }])).ok,
    ).toBe(true);
  });
});

describe('draftDoubts: what in a draft looks like a mistake (issue 21, item 11)', () => {
  it('names event names that differ only in case or spacing, and fields sent with different types', () => {
    const plan = draftPlan([
      track('Signed Up', { plan: 'pro', seats: 3 }),
      track('Signed up', { plan: 'pro' }),
      track('Signed Up', { plan: 'team', seats: '3' }),
      track('Order Completed', { coupon: null, total: 9 }),
      track('Order Completed', { coupon: 'X', total: 9 }),
      identify({ age: 3 }),
      identify({ age: 'three' }),
    ]);
    expect(draftDoubts(plan)).toEqual([
      '"Signed Up" and "Signed up" differ only in case or spacing: one rule each was drafted; keep the one you mean',
      'properties.seats of "Signed Up" was sent as an integer and as a string: drafted as ["integer","string"]',
      'traits.age of identify was sent as an integer and as a string: drafted as ["integer","string"]',
    ]);
  });

  it('has nothing to say of a consistent capture', () => {
    expect(draftDoubts(draftPlan([track('Signed Up', { plan: 'pro' }), track('Signed Up', { plan: 'team' })]))).toEqual(
      [],
    );
  });
});
