// Allow rules are worked out once per allow list and remembered from message to message (rules-in-force.ts): a
// message checked after many others gets the answer it gets first, by key, by index, by `*` and by event name.
import { describe, expect, it } from 'vitest';
import { parseAllowRule, type AllowRule } from '../../../src/core/privacy/allow-rules';
import { findPersonalData, type PrivacyInput } from '../../../src/core/privacy/find-personal-data';

const rule = (text: string): AllowRule => {
  const parsed = parseAllowRule(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rule;
};
const email = (name: string) => `${name}@example.com`;
const flagged = (message: PrivacyInput, allow: readonly AllowRule[]) =>
  findPersonalData(message, allow).map((finding) => finding.path.join('.'));

const track = (properties: unknown, event = 'E1'): PrivacyInput => ({ type: 'track', payload: { event, properties } });

describe('allow rules by index, by key and by *', () => {
  const allow = ['track properties.items[1].email', 'track properties.0', 'track properties.grid[0][1]'].map(rule);

  it('an index a rule names, and the others beside it', () => {
    const items = [{ email: email('a') }, { email: email('b') }, { email: email('c') }];
    expect(flagged(track({ items }), allow)).toEqual(['properties.items.0.email', 'properties.items.2.email']);
  });

  it('digits name an object key as they name an index', () => {
    expect(flagged(track({ 0: email('a'), 1: email('b') }), allow)).toEqual(['properties.1']);
    expect(flagged(track([email('a'), email('b')]), allow)).toEqual(['properties.1']);
  });

  it('arrays in arrays', () => {
    const grid = [
      [email('a'), email('b')],
      [email('c'), email('d')],
    ];
    expect(flagged(track({ grid }), allow)).toEqual([
      'properties.grid.0.0',
      'properties.grid.1.0',
      'properties.grid.1.1',
    ]);
  });

  it('an index a rule does not name is skipped, and `*` takes any key or index', () => {
    const skip = ['track properties.items.email', '* properties.*.secondary'].map(rule);
    const items = [{ email: email('a'), other: email('b') }, [{ email: email('c') }]];
    expect(flagged(track({ items, person: { secondary: email('d'), main: email('e') } }), skip)).toEqual([
      'properties.items.0.other',
      'properties.person.main',
    ]);
  });
});

describe('the same answers from the first message to the thousandth', () => {
  const allow = [
    'track "E1" properties.card',
    'track properties.items[*].email',
    '* properties.contact',
    'identify traits',
    'page properties.items[2]',
  ].map(rule);
  const messages: PrivacyInput[] = [
    track({ card: '4111111111111111', items: [{ email: email('a') }], other: email('b') }, 'E1'),
    track({ card: '4111111111111111', contact: email('c') }, 'E2'),
    { type: 'page', payload: { name: 'Home', properties: { items: [email('d'), email('e'), email('f')] } } },
    { type: 'identify', payload: { traits: { email: email('g') }, context: { traits: { email: email('h') } } } },
    {
      type: 'track',
      payload: { event: 'E1' },
      batch: { inherited: { context: { ip: '203.0.113.7', x: email('i') } } },
    },
  ];

  it('each message flags what it flags checked alone, after the others, in any order', () => {
    // A copy of the list is a list never seen: nothing about it is remembered yet.
    const alone = messages.map((message) => flagged(message, [...allow]));
    expect(alone).toEqual([
      ['properties.other'],
      ['properties.card'],
      ['properties.items.0', 'properties.items.1'],
      [],
      ['context.x'],
    ]);
    for (let round = 0; round < 3; round++) {
      for (const [i, message] of [...messages.entries()].reverse()) expect(flagged(message, allow)).toEqual(alone[i]);
      for (const [i, message] of messages.entries()) expect(flagged(message, allow)).toEqual(alone[i]);
    }
  });
});
