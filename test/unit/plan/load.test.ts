import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../../src/core/plan/load/load-plan';
import { dialectOf } from '../../../src/core/plan/load/read-rule';
import { describePlan, type JsonSchema, type TrackingPlan } from '../../../src/core/plan/tracking-plan';

/** Real plan files from Segment's Typewriter repository: see fixtures/README.md for where each comes from. */
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

function planOf(doc: unknown, fileName?: string): TrackingPlan {
  const load = loadPlan(JSON.stringify(doc), fileName);
  if (!load.ok) throw new Error(`expected the plan to load, got:\n${load.problems.join('\n')}`);
  return load.plan;
}

function problemsOf(text: string): readonly string[] {
  const load = loadPlan(text);
  if (load.ok) throw new Error('expected the plan to be refused');
  return load.problems;
}

const problemsOfDoc = (doc: unknown) => problemsOf(JSON.stringify(doc));
const trackRule = (key: string, jsonSchema: unknown, extra: object = {}) => ({
  type: 'TRACK',
  key,
  jsonSchema,
  version: 1,
  ...extra,
});
/** One TRACK rule with this schema, loaded; its schema as the plan holds it. */
const loadedSchema = (jsonSchema: unknown) => planOf({ rules: [trackRule('E', jsonSchema)] }).track.get('E')?.schema;
const at = (schema: JsonSchema | undefined, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], schema);

describe('real plans from Typewriter', () => {
  it('reads a Typewriter 8 cache (Public API rules, unwrapped): track rules over properties, ids dropped, a property named id kept', () => {
    const plan = loadPlan(fixture('typewriter8-telemetry.plan.json'));
    if (!plan.ok) throw new Error(plan.problems.join('\n'));
    expect(describePlan(plan.plan)).toBe('"Typewriter Tracking Plan": 2 track events');
    const build = plan.plan.track.get('Command Build');
    expect(build).toMatchObject({ dialect: 'draft-07', target: 'properties', version: 1 });
    expect(JSON.stringify(build?.schema)).not.toMatch(/"id":"|eventMetadata/);
    const trackingPlanItem = at(
      build?.schema,
      'properties',
      'config',
      'properties',
      'trackingPlans',
      'items',
      'properties',
    );
    expect(trackingPlanItem).toEqual({
      id: { description: 'Tracking Plan ID', type: 'string' },
      path: { description: 'Path to output code', type: 'string' },
    });
    expect(at(build?.schema, 'required')).toContain('workspace');
  });

  it('reads Typewriter 8 quirks: labels, a pattern, a key that is not the name its clients send', () => {
    const plan = loadPlan(fixture('typewriter8-e2e.plan.json'));
    if (!plan.ok) throw new Error(plan.problems.join('\n'));
    expect([...plan.plan.track.keys()]).toEqual([
      '42_--terrible==\\"event\'++name~!3',
      'Custom Violation Handler',
      // Named as Typewriter's clients send them (eventMetadata.name): the key says "…Collision 1", and "NoID Type".
      'Property Object Name Collision #1',
      'NoID type',
    ]);
    // The keys are matched too.
    expect([...(plan.plan.trackAliases ?? [])]).toEqual([
      ['Property Object Name Collision 1', 'Property Object Name Collision #1'],
      ['NoID Type', 'NoID type'],
    ]);
    const handler = plan.plan.track.get('Custom Violation Handler')?.schema;
    expect(at(handler, 'properties', 'regex property')).toEqual({
      description: '',
      pattern: 'Lawyer Morty|Evil Morty',
      type: 'string',
    });
    expect(handler).not.toHaveProperty('labels');
  });

  it('reads a Typewriter 7 plan (Config API): display_name, events over the whole message, empty traits rules', () => {
    const plan = loadPlan(fixture('typewriter7-analytics.plan.json'));
    if (!plan.ok) throw new Error(plan.problems.join('\n'));
    expect(describePlan(plan.plan)).toBe('"Typewriter Tracking Plan": 2 track events');
    expect(plan.plan.identify).toBeNull();
    expect(plan.plan.group).toBeNull();
    const run = plan.plan.track.get('Command Run');
    expect(run).toMatchObject({ dialect: 'draft-07', target: 'message', version: 1 });
    expect(at(run?.schema, 'properties', 'properties', 'properties', 'tracking_plan', 'properties', 'id')).toEqual({
      description: '',
      type: 'string',
    });
  });

  it("reads Typewriter's local plan: top-level events, no versions", () => {
    const plan = loadPlan(fixture('typewriter-local-slothgram.plan.json'));
    if (!plan.ok) throw new Error(plan.problems.join('\n'));
    expect(plan.plan.name).toBe('Typewriter: Slothgram');
    expect([...plan.plan.track.keys()]).toEqual(['Feed Viewed', 'Photo Viewed', 'Profile Viewed']);
    const feedViewed = plan.plan.track.get('Feed Viewed');
    expect(feedViewed).toMatchObject({ dialect: 'draft-07', target: 'message' });
    expect(feedViewed).not.toHaveProperty('version');
  });
});

describe('plan shapes', () => {
  const served = {
    name: 'Checkout',
    rules: [
      trackRule('Order Completed', { properties: { properties: { properties: { total: { type: 'number' } } } } }),
      { type: 'IDENTIFY', key: '', jsonSchema: { properties: { traits: { required: ['email'] } } }, version: 2 },
      { type: 'GROUP', jsonSchema: { properties: { traits: {} } }, version: 1 },
      { type: 'PAGE', jsonSchema: { properties: { name: { type: 'string' } } }, version: 1 },
      { type: 'COMMON', jsonSchema: { required: ['context'] }, version: 1 },
    ],
  };

  it('reads the Public API as served: every rule over the whole message, each in its place', () => {
    const plan = planOf(served);
    expect(describePlan(plan)).toBe('"Checkout": 1 track event, identify traits, group traits, pages, common rules');
    expect(
      [plan.track.get('Order Completed'), plan.identify, plan.group, plan.page, plan.common].map(
        (rule) => rule?.target,
      ),
    ).toEqual(Array(5).fill('message'));
    expect(plan.identify?.version).toBe(2);
  });

  it('reads the rules as a bare array, or inside an API response', () => {
    expect(planOf(served.rules, 'plans/checkout.plan.json').name).toBe('checkout.plan');
    expect(planOf(served.rules).name).toBe('Tracking plan');
    expect(planOf({ data: { trackingPlan: served } }).name).toBe('Checkout');
    const rulesResponse = planOf({ data: { rules: served.rules, pagination: {} } }, 'C:\\plans\\rules.json');
    expect(rulesResponse.name).toBe('rules');
    expect(rulesResponse.identify?.version).toBe(2);
    expect(planOf({ data: { trackingPlan: { name: 'Named apart' }, rules: served.rules } }).name).toBe('Named apart');
  });

  it('takes a schema marked with eventMetadata as unwrapped: track and page over properties, identify and group over traits', () => {
    const unwrapped = (type: string, key?: string) => ({
      type,
      key,
      jsonSchema: { eventMetadata: { name: key ?? '', type }, properties: {} },
      version: 1,
    });
    const plan = planOf({
      rules: [
        unwrapped('TRACK', 'E'),
        unwrapped('IDENTIFY'),
        unwrapped('GROUP'),
        unwrapped('PAGE'),
        unwrapped('COMMON'),
      ],
    });
    expect(plan.track.get('E')?.target).toBe('properties');
    expect([plan.identify?.target, plan.group?.target, plan.page?.target, plan.common?.target]).toEqual([
      'traits',
      'traits',
      'properties',
      'properties',
    ]);
    expect(plan.identify?.schema).toEqual({ properties: {} });
  });

  it('reads Config API traits rules as schemas of traits', () => {
    const plan = planOf({
      display_name: 'Traits',
      name: 'workspaces/w/tracking-plans/rs_1',
      rules: { events: [], identify_traits: { required: ['email'] }, group_traits: true },
    });
    expect(plan).toMatchObject({
      name: 'Traits',
      identify: { target: 'traits', dialect: 'draft-07' },
      group: { schema: true, target: 'traits' },
    });
  });

  it('keeps the newest version of a rule, skips SCREEN rules, and reads rule types in any case', () => {
    const plan = planOf([
      trackRule('E', { title: 'v2' }, { version: 2 }),
      trackRule('E', { title: 'v1' }, { version: 1 }),
      { type: 'identify', jsonSchema: {} },
      { type: 'SCREEN', jsonSchema: {}, version: 1 },
    ]);
    expect(plan.track.get('E')).toMatchObject({ schema: { title: 'v2' }, version: 2 });
    expect(plan.identify).not.toBeNull();
  });
});

describe('rule schemas', () => {
  it('drops id members where keywords are in draft-06+ schemas, never a property named id or data', () => {
    const schema = loadedSchema({
      id: '/properties/properties',
      properties: {
        id: { id: '/properties/id', type: 'string' },
        list: { items: { id: '/items', properties: { id: { const: { id: 'data' } } } } },
      },
      required: ['id'],
    });
    expect(schema).toEqual({
      properties: { id: { type: 'string' }, list: { items: { properties: { id: { const: { id: 'data' } } } } } },
      required: ['id'],
    });
  });

  it("keeps draft-04's id where it is a URI or an anchor, and drops Segment's paths", () => {
    const schema = loadedSchema({
      $schema: 'http://json-schema.org/draft-04/schema#',
      id: 'https://example.com/order.json',
      properties: { a: { id: '#amount' }, b: { id: '/properties/b' }, c: { $ref: '#amount' } },
    });
    expect(at(schema, 'id')).toBe('https://example.com/order.json');
    expect(at(schema, 'properties')).toEqual({ a: { id: '#amount' }, b: {}, c: { $ref: '#amount' } });
  });

  it.each([
    ['http://json-schema.org/draft-04/schema#', 'draft-04'],
    ['https://json-schema.org/draft-04/schema', 'draft-04'],
    ['http://json-schema.org/draft-06/schema#', 'draft-06'],
    ['http://json-schema.org/draft-07/schema', 'draft-07'],
    ['https://json-schema.org/draft/2019-09/schema', '2019-09'],
    ['https://json-schema.org/draft/2020-12/schema#', '2020-12'],
    [undefined, 'draft-07'],
    ['http://json-schema.org/draft-03/schema#', undefined],
    ['https://example.com/my-meta-schema', undefined],
    [7, undefined],
  ])('maps $schema %j to %s', (uri, dialect) => {
    expect(dialectOf(uri)).toBe(dialect);
  });

  it('names the dialect in each rule, and accepts true and false as whole schemas', () => {
    const plan = planOf([
      trackRule('A', { $schema: 'https://json-schema.org/draft/2020-12/schema' }),
      trackRule('B', true),
      trackRule('C', false),
    ]);
    expect(
      [...plan.track.values()].map((rule) => [
        rule.dialect,
        rule.schema === true || rule.schema === false ? rule.schema : 'object',
      ]),
    ).toEqual([
      ['2020-12', 'object'],
      ['draft-07', true],
      ['draft-07', false],
    ]);
  });

  it('accepts local $refs that resolve: definitions, $defs, anchors, the root, escaped pointers', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $defs: { money: { type: 'number' }, 'a/b c': { $anchor: 'slashy' } },
      definitions: { cents: { type: 'integer' } },
      properties: {
        total: { $ref: '#/$defs/money' },
        tax: { $ref: '#/definitions/cents' },
        odd: { $ref: '#/$defs/a~1b%20c' },
        anchored: { $ref: '#slashy' },
        self: { $ref: '#' },
        sameDocument: { $ref: '' },
        $ref: { type: 'string', description: 'a property named $ref is a property, not a reference' },
      },
    };
    expect(loadedSchema(schema)).toEqual(schema);
  });
});

describe('plans that are refused, with one line per problem', () => {
  it('says where JSON stops parsing', () => {
    expect(problemsOf('{\n  "rules": [\n    {"type": "TRACK",}\n  ]\n}')).toEqual([
      'not JSON: Expected double-quoted property name (line 3, column 22)',
    ]);
    expect(problemsOf('{"rules": [')).toEqual([
      expect.stringMatching(/^not JSON: Unexpected end of JSON input \(line 1, column 12\)$/),
    ]);
    expect(problemsOf('{\n"rules": [}')).toEqual([expect.stringMatching(/^not JSON: [^\n]+$/)]);
    expect(problemsOf('  ')).toEqual(['not JSON: the file is empty']);
    expect(loadPlan(`\uFEFF${JSON.stringify([trackRule('E', {})])}`).ok).toBe(true);
  });

  it('says which shapes it reads when it finds no rules', () => {
    for (const doc of [{ foo: 1 }, 42, 'plan', null, { rules: {} }, { data: { trackingPlan: { name: 'No rules' } } }]) {
      expect(problemsOfDoc(doc)).toEqual([
        expect.stringMatching(
          /^not a tracking plan: no rules found \(accepted: Segment Public API .*Typewriter local plan/,
        ),
      ]);
    }
    expect(problemsOfDoc({ name: 'Empty', rules: [] })).toEqual([
      'plan "Empty" has no rules to check (no TRACK, IDENTIFY, GROUP, PAGE or COMMON rule)',
    ]);
  });

  it('refuses rules that are not rules, have no type or no event name', () => {
    expect(
      problemsOfDoc({
        rules: [
          'TRACK',
          { jsonSchema: {} },
          { type: 'ALIAS', jsonSchema: {} },
          { type: 'TRACK', jsonSchema: {} },
          { type: 'TRACK', key: '', jsonSchema: {} },
        ],
      }),
    ).toEqual([
      'rules[0] is not a rule (an object with type and jsonSchema)',
      'rules[1]: the rule has no type (expected TRACK, IDENTIFY, GROUP, PAGE, SCREEN or COMMON)',
      'rules[2]: unknown rule type "ALIAS" (expected TRACK, IDENTIFY, GROUP, PAGE, SCREEN or COMMON)',
      'rules[3]: a TRACK rule needs the event name in "key"',
      'rules[4]: a TRACK rule needs the event name in "key"',
    ]);
    expect(problemsOfDoc({ events: [{ rules: {} }, 7] })).toEqual([
      'events[0]: a TRACK rule needs the event name in "name"',
      'events[1] is not an event (an object with name and rules)',
    ]);
  });

  it('refuses two rules for the same thing that no version tells apart', () => {
    expect(
      problemsOfDoc([
        trackRule('E', {}),
        trackRule('F', {}),
        trackRule('E', {}),
        { type: 'IDENTIFY', jsonSchema: {} },
        { type: 'IDENTIFY', jsonSchema: {} },
      ]),
    ).toEqual(['duplicate TRACK key "E" (rules[0] and rules[2])', 'duplicate IDENTIFY rule (rules[3] and rules[4])']);
  });

  it('refuses a schema that is not an object or a boolean, and an unknown $schema', () => {
    expect(
      problemsOfDoc([trackRule('A', null), trackRule('B', [{}]), trackRule('C', 'string'), { type: 'PAGE' }]),
    ).toEqual([
      'rule TRACK "A": jsonSchema must be a JSON Schema (an object, true or false), not null',
      'rule TRACK "B": jsonSchema must be a JSON Schema (an object, true or false), not an array',
      'rule TRACK "C": jsonSchema must be a JSON Schema (an object, true or false), not a string',
      'rule PAGE (rules[3]): jsonSchema must be a JSON Schema (an object, true or false), not missing',
    ]);
    expect(problemsOfDoc({ rules: { events: [], identify_traits: [{ type: 'object' }] } })).toEqual([
      'rule IDENTIFY (rules.identify_traits): identify_traits must be a JSON Schema (an object, true or false), not an array',
    ]);
    expect(
      problemsOfDoc({ events: [{ name: 'E', rules: { $schema: 'http://json-schema.org/draft-03/schema#' } }] }),
    ).toEqual([
      'rule TRACK "E": unknown $schema "http://json-schema.org/draft-03/schema#" (known: draft-04, draft-06, draft-07, 2019-09, 2020-12)',
    ]);
  });

  it('refuses a remote $ref, naming it, and a local one that points at nothing', () => {
    const orderCompleted = trackRule('Order Completed', {
      properties: {
        a: { $ref: 'https://example.com/s.json' },
        b: { $ref: 'definitions.json#/x' },
        c: { allOf: [{ $ref: '#/definitions/missing' }] },
      },
    });
    expect(problemsOfDoc([orderCompleted])).toEqual([
      'rule TRACK "Order Completed": remote $ref "https://example.com/s.json" is not allowed (plans are checked offline)',
      'rule TRACK "Order Completed": remote $ref "definitions.json#/x" is not allowed (plans are checked offline)',
      'rule TRACK "Order Completed": $ref "#/definitions/missing" at /properties/c/allOf/0 points at nothing in the rule',
    ]);
  });

  it('refuses a pattern JavaScript cannot compile, with its path', () => {
    const rule = trackRule('Signed Up', {
      properties: { sku: { pattern: '^[a-z' }, code: { pattern: '^\\-\\d+$' } },
      patternProperties: { '(': {} },
    });
    expect(problemsOfDoc([rule])).toEqual([
      'rule TRACK "Signed Up": pattern "(" at /patternProperties is not a valid JavaScript regular expression (Unterminated group)',
      'rule TRACK "Signed Up": pattern "^[a-z" at /properties/sku/pattern is not a valid JavaScript regular expression (Unterminated character class)',
      'rule TRACK "Signed Up": pattern "^\\\\-\\\\d+$" at /properties/code/pattern is not a valid JavaScript regular expression (Invalid escape)',
    ]);
  });

  it('refuses a file over 5 MB, counting bytes', () => {
    expect(problemsOf('x'.repeat(5 * 1024 * 1024 + 1))).toEqual(['plan is 5.1 MB; the limit is 5 MB']);
    expect(problemsOf(`"${'é'.repeat(3 * 1024 * 1024)}"`)).toEqual(['plan is 6.1 MB; the limit is 5 MB']);
  });

  it('refuses nesting deeper than 64 levels without overflowing the stack, and ignores brackets in strings', () => {
    const deep = '{"not":'.repeat(5000) + '{}' + '}'.repeat(5000);
    expect(problemsOf(`{"rules": [{"type": "TRACK", "key": "E", "jsonSchema": ${deep}}]}`)).toEqual([
      'plan nests deeper than 64 levels',
    ]);
    expect(problemsOf('['.repeat(5000) + ']'.repeat(5000))).toEqual(['plan nests deeper than 64 levels']);
    expect(planOf([trackRule('[[{{'.repeat(50), { description: '{['.repeat(100) })]).track.size).toBe(1);
  });

  it('lists at most 20 problems', () => {
    const problems = problemsOfDoc(Array.from({ length: 50 }, (_, i) => trackRule(`E${i}`, null)));
    expect(problems).toHaveLength(20);
    expect(problems.at(-1)).toBe('…and 31 more problems');
  });

  it('never throws, whatever the file holds', () => {
    const hostile = [
      'null',
      '[null]',
      '{"rules":[{"type":5}]}',
      '{"rules":[{"type":"TRACK","key":{},"jsonSchema":{}}]}',
      '{"__proto__":{"rules":[]}}',
      '{"rules":{"events":{}}}',
      '\u0000',
      '"\\ud800"',
    ];
    for (const text of hostile) expect(() => loadPlan(text)).not.toThrow();
    expect(problemsOf('{"rules":[{"type":5}]}')).toEqual([
      "rules[0]: the rule's type is a number, not a name (expected TRACK, IDENTIFY, GROUP, PAGE, SCREEN or COMMON)",
    ]);
  });
});
