/**
 * The interpreting validator (json-schema-library, wrapped by rule/compile-rule.ts) against ajv, the
 * validator the June schemas are compiled with: for a few thousand generated payloads, in every
 * dialect a plan rule may be written in, both must say valid or invalid alike.
 *
 * The payloads come from a seeded generator (the same ones on every run): a valid message, then
 * none to three mutations (a value of another type, a key removed or added, a bound crossed, a
 * format's edge case…). ajv compiles code, which is fine here: this is Node, not the extension.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type AnySchema, type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import draft06MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_CHECKS } from '../../../src/core/plan/rule/format-checks';
import { loadPlan } from '../../../src/core/plan/load/load-plan';
import { DIALECTS, type Dialect } from '../../../src/core/plan/tracking-plan';
import { compileRule, fastCheckFor } from '../../../src/core/plan/rule/compile-rule';

const PAYLOADS_PER_RULE = 600;
const SEED = 20240501;

// ---------------------------------------------------------------- a seeded generator
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  word(min: number, max: number, alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'): string {
    return Array.from({ length: this.int(min, max) }, () => this.pick([...alphabet])).join('');
  }
}

// Edge cases as well as plain values: leap seconds, a space for "T", offsets without a colon, Feb 29…
const DATE_TIMES = {
  valid: [
    '2024-05-01T10:00:00Z',
    '2024-05-01T10:00:00.123+02:00',
    '2024-02-29T00:00:00z',
    '2024-05-01t10:00:00-05:30',
    '2016-12-31T23:59:60Z',
    '2016-12-31T18:59:60-05:00',
    '2024-05-01 10:00:00Z',
    '2024-05-01T10:00:00+0200',
  ],
  invalid: [
    '',
    '2024-05-01',
    '2024-05-01T10:00:00',
    '2023-02-29T00:00:00Z',
    '2024-05-01T24:00:00Z',
    '2024-05-01T10:59:60Z',
    '2024-13-01T00:00:00Z',
    '2024-5-1T10:00:00Z',
    '2024-05-01T10:00Z',
    '2024-05-01T10:00:00+24:00',
    'yesterday',
  ],
};
const EMAILS = {
  valid: ['ada@example.com', 'first.last+tag@mail.example.co.uk', "o'brien@example.ie", 'x_y-z@a-b.io', '1@2.3'],
  invalid: [
    '',
    'ada',
    'ada@',
    '@example.com',
    'a@b',
    'a..b@example.com',
    '.a@example.com',
    'a@-example.com',
    'a@example.com-',
    '"a b"@example.com',
    'a@[10.0.0.1]',
    'a b@example.com',
    'ädä@example.com',
  ],
};
const UUIDS = {
  valid: [
    '123e4567-e89b-12d3-a456-426614174000',
    '123E4567-E89B-12D3-A456-426614174000',
    'urn:uuid:123e4567-e89b-12d3-a456-426614174000',
    '00000000-0000-0000-0000-000000000000',
  ],
  invalid: [
    '',
    '123e4567e89b12d3a456426614174000',
    '123e4567-e89b-12d3-a456-42661417400',
    '123e4567-e89b-12d3-a456-42661417400g',
    '{123e4567-e89b-12d3-a456-426614174000}',
  ],
};
const INTERESTING = [
  null,
  true,
  false,
  0,
  -1,
  0.25,
  1.5,
  13,
  99,
  10_000,
  10_000.5,
  '',
  'x',
  'web',
  'ord_abcd',
  'USD',
  '😀😀😀',
  [],
  [1],
  ['a', 'a'],
  {},
  { id: 'x' },
];

const pickFormat = (random: Random, values: { valid: string[]; invalid: string[] }) =>
  random.pick(random.chance(0.8) ? values.valid : values.invalid);

// ---------------------------------------------------------------- the rules, in each dialect's spelling
/**
 * How a dialect writes what the rules need; `forAjv` spells draft-04 as draft-07 when ajv-draft-04 is not
 * installed.
 */
function spelling(dialect: Dialect) {
  const draft04 = dialect === 'draft-04';
  return {
    defs: dialect === '2019-09' || dialect === '2020-12' ? '$defs' : 'definitions',
    exclusiveMinimum: (limit: number) =>
      draft04 ? { minimum: limit, exclusiveMinimum: true } : { exclusiveMinimum: limit },
    exclusiveMaximum: (limit: number) =>
      draft04 ? { maximum: limit, exclusiveMaximum: true } : { exclusiveMaximum: limit },
    constant: (value: unknown) => (draft04 ? { enum: [value] } : { const: value }),
  };
}

const META: Readonly<Record<Dialect, string>> = {
  'draft-04': 'http://json-schema.org/draft-04/schema#',
  'draft-06': 'http://json-schema.org/draft-06/schema#',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

/**
 * A Segment-style TRACK rule over the whole message: types, unions and null, required, nested objects,
 * arrays of objects, pattern, enum, const, bounds, formats, $ref, additionalProperties.
 */
function orderRule(dialect: Dialect): Record<string, unknown> {
  const s = spelling(dialect);
  return {
    $schema: META[dialect],
    type: 'object',
    required: ['event', 'properties'],
    [s.defs]: {
      customer: {
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          email: { type: 'string', format: 'email' },
          age: { type: ['integer', 'null'], minimum: 13, maximum: 130 },
        },
      },
      product: {
        type: 'object',
        required: ['product_id', 'price'],
        additionalProperties: false,
        properties: {
          product_id: { type: 'string', minLength: 1, maxLength: 8 },
          price: { type: 'number', minimum: 0 },
          quantity: { type: 'integer', ...s.exclusiveMinimum(0) },
        },
      },
    },
    properties: {
      event: { type: 'string' },
      properties: {
        type: 'object',
        required: ['order_id', 'total', 'currency', 'products'],
        additionalProperties: false,
        properties: {
          order_id: { type: 'string', pattern: '^ord_[A-Za-z0-9]{4,12}$' },
          total: { type: 'number', minimum: 0, ...s.exclusiveMaximum(10_000) },
          currency: { enum: ['USD', 'EUR', 'GBP'] },
          coupon: { type: ['string', 'null'], minLength: 3, maxLength: 12 },
          channel: { type: 'string', ...s.constant('web') },
          completed_at: { type: 'string', format: 'date-time' },
          score: { type: 'number', multipleOf: 0.25 },
          customer: { $ref: `#/${s.defs}/customer` },
          products: { type: 'array', minItems: 1, maxItems: 5, items: { $ref: `#/${s.defs}/product` } },
          tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        },
      },
    },
  };
}

/** An IDENTIFY rule with the combinators and each dialect's own keywords. */
function profileRule(dialect: Dialect): Record<string, unknown> {
  const s = spelling(dialect);
  const modern = dialect === '2019-09' || dialect === '2020-12';
  const traits: Record<string, unknown> = {
    type: 'object',
    minProperties: 1,
    maxProperties: 8,
    properties: {
      plan: { anyOf: [{ type: 'string', enum: ['free', 'pro'] }, { type: 'null' }] },
      seats: {
        oneOf: [
          { type: 'integer', minimum: 1 },
          { type: 'integer', maximum: -1 },
        ],
      },
      nickname: { type: 'string', not: { pattern: '^admin' }, maxLength: 10 },
      address: {
        type: 'object',
        additionalProperties: { type: 'string' },
        properties: { zip: { type: 'string', pattern: '^\\d{5}$' } },
      },
      rating: { allOf: [{ type: 'number' }, { minimum: 0 }, s.exclusiveMaximum(5)] },
      point:
        dialect === '2020-12'
          ? { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], items: false }
          : { type: 'array', items: [{ type: 'number' }, { type: 'number' }], additionalItems: false },
    },
    patternProperties: { '^x_': { type: 'integer' } },
    ...(modern ? { dependentRequired: { seats: ['plan'] } } : { dependencies: { seats: ['plan'] } }),
  };
  if (dialect !== 'draft-04') Object.assign(traits, { propertyNames: { maxLength: 12 } });
  if (dialect === 'draft-07' || modern)
    Object.assign(traits, {
      if: { properties: { plan: s.constant('pro') }, required: ['plan'] },
      then: { required: ['seats'] },
    });
  if (modern)
    Object.assign(traits, {
      unevaluatedProperties: { type: ['string', 'number', 'integer', 'null', 'object', 'array'] },
    });
  return { $schema: META[dialect], type: 'object', required: ['traits'], properties: { traits } };
}

/**
 * ajv-draft-04 is not a dependency here: without it, draft-04 rules are compared with ajv's draft-07 on
 * the same rule spelt in draft-07.
 */
const ajvDraft04Path = existsSync('node_modules/ajv-draft-04') ? 'ajv-draft-04' : undefined;

function ajvFor(dialect: Dialect, schema: Record<string, unknown>): ValidateFunction {
  const options = { strict: false, allErrors: false } as const;
  let ajv: Ajv;
  if (dialect === '2019-09') ajv = new Ajv2019(options);
  else if (dialect === '2020-12') ajv = new Ajv2020(options);
  else if (dialect === 'draft-04' && ajvDraft04Path) {
    const AjvDraft04 = createRequire(import.meta.url)(ajvDraft04Path) as { default: typeof Ajv };
    ajv = new AjvDraft04.default(options);
  } else {
    ajv = new Ajv(options);
    ajv.addMetaSchema(draft06MetaSchema);
  }
  addFormats(ajv);
  if (dialect === 'draft-04' && !ajvDraft04Path) return ajv.compile(asDraft07(schema) as AnySchema);
  return ajv.compile(schema as AnySchema);
}

/** draft-04's spelling of exclusive bounds (booleans beside minimum / maximum) as draft-07's. */
function asDraft07(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asDraft07);
  if (typeof node !== 'object' || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (key !== '$schema') copy[key] = asDraft07(value);
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (copy[exclusive] === true) [copy[exclusive], copy[bound]] = [copy[bound], undefined];
    else if (copy[exclusive] === false) copy[exclusive] = undefined;
    if (copy[bound] === undefined) delete copy[bound];
    if (copy[exclusive] === undefined) delete copy[exclusive];
  }
  return copy;
}

// ---------------------------------------------------------------- payloads
function orderPayload(random: Random): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    order_id: `ord_${random.word(4, 12)}`,
    total: random.chance(0.5) ? random.int(0, 9999) : random.int(0, 999_999) / 100,
    currency: random.pick(['USD', 'EUR', 'GBP']),
    products: Array.from({ length: random.int(1, 5) }, () => ({
      product_id: random.word(1, 8),
      price: random.int(0, 50_000) / 100,
      ...(random.chance(0.5) ? { quantity: random.int(1, 5) } : {}),
    })),
  };
  if (random.chance(0.6)) properties['coupon'] = random.chance(0.3) ? null : random.word(3, 12);
  if (random.chance(0.6)) properties['channel'] = 'web';
  if (random.chance(0.7)) properties['completed_at'] = pickFormat(random, DATE_TIMES);
  if (random.chance(0.5)) properties['score'] = random.int(0, 40) / 4;
  if (random.chance(0.7)) {
    properties['customer'] = {
      id: pickFormat(random, UUIDS),
      ...(random.chance(0.7) ? { email: pickFormat(random, EMAILS) } : {}),
      ...(random.chance(0.5) ? { age: random.chance(0.3) ? null : random.int(13, 99) } : {}),
    };
  }
  if (random.chance(0.5))
    properties['tags'] = [...new Set(Array.from({ length: random.int(0, 4) }, () => random.word(1, 3, 'abc')))];
  return { type: 'track', event: 'Order Completed', userId: 'u-1', properties };
}

function profilePayload(random: Random): Record<string, unknown> {
  /** Mostly a value the rule allows, sometimes one it does not: mutations add the rest. */
  const mostly = <T>(allowed: readonly T[], refused: readonly T[]): T =>
    random.pick(random.chance(0.85) ? allowed : refused);
  const traits: Record<string, unknown> = { plan: mostly(['free', 'pro', null], ['Pro', 3]) };
  if (traits['plan'] === 'pro' || random.chance(0.3)) traits['seats'] = mostly([1, 3, 10, -2], [0, 1.5]);
  if (random.chance(0.5))
    traits['nickname'] = mostly(
      ['ada', 'bob', 'Admin', '😀😀😀😀😀😀😀😀😀😀'],
      ['administrator', 'admin', '😀😀😀😀😀😀😀😀😀😀😀'],
    );
  if (random.chance(0.4))
    traits['address'] = { zip: mostly(['12345', '75001'], ['1234']), city: mostly<unknown>(['Paris'], [75]) };
  if (random.chance(0.5)) traits['rating'] = mostly([0, 2.5, 4.99], [5, -1]);
  if (random.chance(0.4))
    traits['point'] = mostly(
      [[1, 2], [1], []],
      [
        [1, 2, 3],
        ['1', 2],
      ],
    );
  if (random.chance(0.3)) traits['x_visits'] = mostly([3, 0], [3.5]);
  return { type: 'identify', userId: 'u-1', traits };
}

/** Walks to a random object or array inside the payload, and changes something there. */
function mutate(random: Random, payload: Record<string, unknown>): void {
  let node: unknown = payload;
  for (let depth = 0; depth < 4 && random.chance(0.7); depth++) {
    const children = Object.values(node as object).filter((value) => typeof value === 'object' && value !== null);
    if (children.length === 0) break;
    node = random.pick(children);
  }
  const container = node as Record<string, unknown>;
  const keys = Object.keys(container);
  const key = keys.length > 0 ? random.pick(keys) : '0';
  switch (random.int(0, 5)) {
    case 0:
      container[key] = structuredClone(random.pick(INTERESTING));
      break;
    case 1:
      if (Array.isArray(container)) container.splice(Number(key), 1);
      else delete container[key];
      break;
    case 2:
      if (Array.isArray(container)) container.push(structuredClone(random.pick(INTERESTING)));
      else
        container[random.pick(['extra', '_id', 'x_count', 'coupon', 'a_very_long_property_name', key])] =
          structuredClone(random.pick(INTERESTING));
      break;
    case 3:
      container[key] = random.pick([
        pickFormat(random, DATE_TIMES),
        pickFormat(random, EMAILS),
        pickFormat(random, UUIDS),
      ]);
      break;
    case 4:
      container[key] =
        typeof container[key] === 'number'
          ? random.pick([-0.01, 0, 0.25, 12.5, 13, 130, 131, 9999.99, 10_000, 4.999])
          : random.word(0, 14);
      break;
    default:
      if (Array.isArray(container) && container.length > 0) container.push(structuredClone(container[0]));
      else
        container[key] = random.pick([
          'ord_ab',
          'ord_abcd',
          'ORD_abcd',
          'ord_abcd!',
          `ord_${'a'.repeat(13)}`,
          'Web',
          'usd',
        ]);
  }
}

// ---------------------------------------------------------------- the comparison
interface Tally {
  payloads: number;
  valid: number;
  invalid: number;
  disagreements: string[];
}
const tallies = new Map<string, Tally>();
/** How often each keyword failed, over every dialect: what the agreement covers. */
const keywordsSeen = new Map<string, number>();

afterAll(() => {
  const lines = [...tallies].map(
    ([name, t]) =>
      `${name.padEnd(28)} ${String(t.payloads).padStart(5)} payloads: ${t.valid} valid, ${t.invalid} invalid, ${t.disagreements.length} disagreements`,
  );
  const total = [...tallies.values()].reduce((sum, t) => sum + t.payloads, 0);
  const agreed = [...tallies.values()].reduce((sum, t) => sum + t.payloads - t.disagreements.length, 0);
  const draft04 = ajvDraft04Path
    ? 'draft-04 against ajv-draft-04'
    : 'draft-04 against ajv draft-07 on the same rule in draft-07 spelling (ajv-draft-04 is not installed)';
  const keywords = [...keywordsSeen].sort(([, a], [, b]) => b - a).map(([keyword, count]) => `${keyword} ${count}`);
  console.info(
    `plan validator vs ajv: ${agreed}/${total} agree\n${lines.join('\n')}\n(${draft04})\nerrors by keyword: ${keywords.join(', ')}`,
  );
});

describe.each(DIALECTS)('%s: json-schema-library agrees with ajv', (dialect) => {
  it.each([
    ['Order Completed', orderRule, orderPayload],
    ['Profile traits', profileRule, profilePayload],
  ] as const)('on %s', (name, makeRule, makePayload) => {
    const schema = makeRule(dialect);
    const ajv = ajvFor(dialect, structuredClone(schema));
    const load = loadPlan(JSON.stringify({ rules: [{ type: 'TRACK', key: name, version: 1, jsonSchema: schema }] }));
    if (!load.ok) throw new Error(load.problems.join('\n'));
    const rule = load.plan.track.get(name);
    expect(rule?.dialect).toBe(dialect);
    const compiled = rule && compileRule(rule);
    if (!compiled?.ok) throw new Error(`rule refused: ${compiled?.problems.join('; ')}`);

    const random = new Random(SEED + DIALECTS.indexOf(dialect) * 1000 + name.length);
    const tally: Tally = { payloads: 0, valid: 0, invalid: 0, disagreements: [] };
    tallies.set(`${dialect} ${name}`, tally);
    for (let i = 0; i < PAYLOADS_PER_RULE; i++) {
      const payload = makePayload(random);
      const mutations = random.chance(0.35) ? 0 : random.int(1, 3);
      for (let m = 0; m < mutations; m++) mutate(random, payload);
      const byAjv = ajv(payload);
      const errors = compiled.check(payload);
      tally.payloads++;
      if (byAjv) tally.valid++;
      else tally.invalid++;
      for (const error of errors) keywordsSeen.set(error.keyword, (keywordsSeen.get(error.keyword) ?? 0) + 1);
      if (byAjv !== (errors.length === 0)) {
        tally.disagreements.push(
          `ajv ${byAjv ? 'valid' : `invalid (${JSON.stringify(ajv.errors?.[0])})`}, plan ${JSON.stringify(errors)}: ${JSON.stringify(payload)}`,
        );
      }
    }
    expect(tally.disagreements.slice(0, 3)).toEqual([]);
    // The generator must exercise both outcomes, or agreeing means little.
    expect(tally.valid).toBeGreaterThan(PAYLOADS_PER_RULE * 0.2);
    expect(tally.invalid).toBeGreaterThan(PAYLOADS_PER_RULE * 0.2);
  });
});

/**
 * The same rules without what the fast check (rule/fast-check.ts) leaves to the library ($ref inlined,
 * no multipleOf, a list instead of a tuple, no unevaluatedProperties): the fast check alone must agree
 * with ajv on every payload, valid or not, since "valid" from it is final.
 */
function forFastCheck(node: unknown, defs: Record<string, unknown> = {}): unknown {
  if (Array.isArray(node)) return node.map((item) => forFastCheck(item, defs));
  if (typeof node !== 'object' || node === null) return node;
  const schema = { ...(node as Record<string, unknown>) };
  const localDefs = (schema['definitions'] ?? schema['$defs'] ?? defs) as Record<string, unknown>;
  if (typeof schema['$ref'] === 'string')
    return forFastCheck(localDefs[schema['$ref'].split('/').pop() ?? ''], localDefs);
  for (const keyword of ['multipleOf', 'unevaluatedProperties', 'additionalItems', 'prefixItems'])
    delete schema[keyword];
  if (Array.isArray(schema['items']) || (node as Record<string, unknown>)['prefixItems'])
    Object.assign(schema, { items: { type: 'number' }, maxItems: 2 });
  for (const [keyword, value] of Object.entries(schema))
    if (keyword !== 'enum' && keyword !== 'const') schema[keyword] = forFastCheck(value, localDefs);
  return schema;
}

describe.each(DIALECTS)('%s: the fast check agrees with ajv', (dialect) => {
  it.each([
    ['Order Completed', orderRule, orderPayload],
    ['Profile traits', profileRule, profilePayload],
  ] as const)('on %s', (name, makeRule, makePayload) => {
    const schema = forFastCheck(makeRule(dialect)) as Record<string, unknown>;
    const ajv = ajvFor(dialect, structuredClone(schema));
    const load = loadPlan(JSON.stringify({ rules: [{ type: 'TRACK', key: name, version: 1, jsonSchema: schema }] }));
    const rule = load.ok ? load.plan.track.get(name) : undefined;
    const fastCheck = rule && fastCheckFor(rule);
    const compiled = rule && compileRule(rule);
    if (!fastCheck || !compiled?.ok) throw new Error(`no fast check for ${JSON.stringify(schema)}`);
    const random = new Random(SEED + DIALECTS.indexOf(dialect) * 1000 + name.length + 7);
    const disagreements: string[] = [];
    let valid = 0;
    for (let i = 0; i < PAYLOADS_PER_RULE; i++) {
      const payload = makePayload(random);
      const mutations = random.chance(0.35) ? 0 : random.int(1, 3);
      for (let m = 0; m < mutations; m++) mutate(random, payload);
      const byAjv = ajv(payload);
      if (byAjv) valid++;
      if (fastCheck(payload) !== byAjv || (compiled.check(payload).length === 0) !== byAjv)
        disagreements.push(`ajv ${String(byAjv)}: ${JSON.stringify(payload)}`);
    }
    expect(disagreements.slice(0, 3)).toEqual([]);
    expect(valid).toBeGreaterThan(PAYLOADS_PER_RULE * 0.2);
    expect(PAYLOADS_PER_RULE - valid).toBeGreaterThan(PAYLOADS_PER_RULE * 0.2);
  });
});

describe('the comparison', () => {
  it('saw every keyword the rules use fail at least once', () => {
    const used = [
      'type',
      'required',
      'pattern',
      'enum',
      'const',
      'minimum',
      'maximum',
      'exclusiveMinimum',
      'exclusiveMaximum',
      'minLength',
      'maxLength',
      'format',
      'additionalProperties',
      'minItems',
      'maxItems',
      'uniqueItems',
      'multipleOf',
      'anyOf',
      'oneOf',
      'not',
      'items',
      'additionalItems',
    ];
    expect(used.filter((keyword) => !keywordsSeen.has(keyword))).toEqual([]);
  });
});

describe('formats agree with ajv-formats', () => {
  const ajvFormat = (name: string): ((value: string) => boolean) => {
    const format = (fullFormats as Record<string, unknown>)[name];
    if (format instanceof RegExp) return (value) => format.test(value);
    if (typeof format === 'function') return format as (value: string) => boolean;
    return (format as { validate: (value: string) => boolean }).validate;
  };
  const random = new Random(SEED);
  const octet = () => String(random.pick([0, 1, 9, 10, 99, 100, 199, 249, 255, 256, 300]));
  const hex = () => random.word(0, 5, '0123456789abcdefABCDEFg');
  const generators: Record<string, () => string> = {
    date: () =>
      `${random.pick(['2024', '2023', '1900', '2000', '24'])}-${random.pick(['01', '02', '12', '13', '00', '1'])}-${random.pick(['01', '28', '29', '30', '31', '32', '00'])}`,
    time: () =>
      `${random.pick(['00', '10', '23', '24', '9'])}:${random.pick(['00', '59', '60'])}:${random.pick(['00', '59', '60', '61', '30.5'])}${random.pick(['Z', 'z', '', '+00:00', '-05:30', '+0100', '+01', '+24:00', '-00:60'])}`,
    'date-time': () => `${generators['date']?.()}${random.pick(['T', 't', ' ', '_', ''])}${generators['time']?.()}`,
    email: () =>
      `${random.pick(['a', 'a.b', '.a', 'a..b', "o'b", 'a+b', '"a"', 'ä', ''])}@${random.pick(['example.com', 'b', '-b.com', 'b-.com', 'b.c-', 'a.b.c', '[1.2.3.4]', ''])}`,
    uuid: () => {
      const group = (length: number) =>
        random.word(
          length - (random.chance(0.1) ? 1 : 0),
          length,
          random.chance(0.9) ? '0123456789abcdefABCDEF' : '0123456789abcdefg',
        );
      const prefix = random.pick(['', '', '', 'urn:uuid:', 'uuid:', 'URN:UUID:']);
      return prefix + [group(8), group(4), group(4), group(4), group(12)].join(random.chance(0.95) ? '-' : '');
    },
    ipv4: () => Array.from({ length: random.pick([3, 4, 4, 4, 5]) }, octet).join('.'),
    ipv6: () =>
      Array.from({ length: random.int(1, 9) }, hex).join(random.pick([':', ':', '::'])) +
      random.pick(['', '', '::', ':1.2.3.4', '.1']),
    hostname: () =>
      Array.from({ length: random.int(1, 4) }, () =>
        random.pick(['a', 'example', '-a', 'a-', 'a_b', 'x'.repeat(63), 'x'.repeat(64), '1']),
      ).join('.') + random.pick(['', '', '.']),
  };

  it.each(Object.keys(generators))('%s', (name) => {
    const check = FORMAT_CHECKS[name];
    const reference = ajvFormat(name);
    const differing: string[] = [];
    let valid = 0;
    for (let i = 0; i < 3000; i++) {
      const value = generators[name]?.() ?? '';
      if (reference(value)) valid++;
      if (check?.(value) !== reference(value)) differing.push(value);
    }
    expect(differing.slice(0, 5)).toEqual([]);
    expect(valid).toBeGreaterThan(30);
  });

  it('uri and uri-reference: RFC 3986 (@hyperjump/uri) agrees with ajv-formats on the URLs tracking calls carry', () => {
    // ajv-formats' expressions are looser or stricter at the edges ("https:" alone, a quote in a
    // reference); these are the values a plan meets: page URLs, referrers, deep links, paths.
    const uris = [
      'https://example.com',
      'https://example.com/a/b?c=d&e=%20#f',
      'http://[::1]:8080/x',
      'mailto:ada@example.com',
      'urn:isbn:0451450523',
      'myapp://open/item/42',
      'example.com',
      '/relative/path',
      'https://exa mple.com',
      'https://example.com/%zz',
      '',
      'http://ex\\ample.com',
    ];
    for (const name of ['uri', 'uri-reference']) {
      const reference = ajvFormat(name);
      for (const value of uris)
        expect(FORMAT_CHECKS[name]?.(value), `${name} ${JSON.stringify(value)}`).toBe(reference(value));
    }
  });
});
