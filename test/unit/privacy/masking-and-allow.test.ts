// What a finding shows (masked, never the value) and the allow rules a user writes: read, refused with a reason,
// and obeyed.
import { describe, expect, it } from 'vitest';
import { parseAllowList, parseAllowRule } from '../../../src/core/privacy/allow-rules';
import { findPersonalData, type PrivacyInput } from '../../../src/core/privacy/find-personal-data';
import { DEFAULT_PRIVACY_GUARD, privacyProblems } from '../../../src/core/privacy/privacy-guard';

const VALUES = {
  email: 'jane.doe@example.com',
  phone: '+14155550123',
  card: '4111111111111111',
  iban: 'DE89370400440532013000',
  ssn: '123-45-6789',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  credential: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  password: 'correct horse battery staple',
  link: 'https://app.example.com/reset?token=abc123secret',
  ip: '203.0.113.7',
};

describe('masking', () => {
  const problems = privacyProblems(
    { type: 'track', payload: { event: 'E', properties: VALUES } },
    DEFAULT_PRIVACY_GUARD,
  );

  it('shows each value masked, as the issue asks: j***@e***.com, •••• 1111', () => {
    expect(problems.map((p) => p.message)).toEqual([
      'properties.email holds an email address: j***@e***.com',
      'properties.phone holds a phone number: ••• 23',
      'properties.card holds a payment card number: •••• 1111',
      'properties.iban holds a bank account number (IBAN): DE•• •••• 3000',
      'properties.ssn holds a US social security number: •••-••-6789',
      'properties.jwt holds a JSON Web Token: eyJhbG•••',
      'properties.credential holds an API key or access token: sk_live_•••',
      'properties.password holds a password or secret (by its key name): ••••••',
      'properties.link holds a URL with personal data or a secret in its query: https://app.example.com/reset?token=•••',
      'properties.ip holds an IP address: 203.0.•.•',
    ]);
  });

  it('never shows a whole value, nor its secret part', () => {
    for (const problem of problems) {
      for (const value of [...Object.values(VALUES), 'abc123secret', '4111111111111111', '0532013000'])
        expect(problem.message).not.toContain(value);
    }
  });

  it('each problem is a privacy warning with its kind and JSON Pointer path', () => {
    expect(problems[0]).toEqual({
      path: '/properties/email',
      message: 'properties.email holds an email address: j***@e***.com',
      keyword: 'pii:email',
      source: 'privacy',
    });
  });
});

describe('default exemptions', () => {
  const email = 'jane@example.com';
  const kinds = (type: string, payload: Record<string, unknown>) =>
    findPersonalData({ type, payload }).map((f) => f.path.join('.'));

  it("identify's and group's traits, context.traits and context.ip are where the spec puts personal data", () => {
    expect(kinds('identify', { traits: { email }, context: { traits: { email }, ip: '203.0.113.7' } })).toEqual([]);
    expect(kinds('group', { groupId: 'g', traits: { email, phone: '+14155550123' } })).toEqual([]);
    expect(kinds('track', { event: 'E', context: { traits: { email }, ip: '203.0.113.7' } })).toEqual([]);
  });

  it('the same fields elsewhere are flagged', () => {
    expect(kinds('track', { event: 'E', traits: { email }, context: { user: { ip: '203.0.113.7' } } })).toEqual([
      'traits.email',
      'context.user.ip',
    ]);
  });
});

describe('allow rules', () => {
  const rule = (text: string) => {
    const parsed = parseAllowRule(text);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.rule;
  };
  const invite: PrivacyInput = {
    type: 'track',
    payload: { event: 'Invite Sent', properties: { invitee_email: 'bob@example.com', inviter: 'ann@example.com' } },
  };
  const paths = (allow: string[], message = invite) =>
    findPersonalData(message, allow.map(rule)).map((f) => f.path.join('.'));

  it('one event\'s field: track "Invite Sent" properties.invitee_email', () => {
    expect(paths(['track "Invite Sent" properties.invitee_email'])).toEqual(['properties.inviter']);
    expect(paths(['track "Other" properties.invitee_email'])).toEqual([
      'properties.invitee_email',
      'properties.inviter',
    ]);
  });

  it('a type-wide and an everywhere rule, a field and all below it', () => {
    expect(paths(['track properties'])).toEqual([]);
    expect(paths(['* properties.inviter'])).toEqual(['properties.invitee_email']);
    expect(paths(['identify properties'])).toEqual(['properties.invitee_email', 'properties.inviter']);
  });

  it('array elements: by index, by [*] or *, or with the index left out', () => {
    const list = {
      type: 'track',
      payload: { event: 'E', properties: { to: [{ email: 'a@example.com' }, { email: 'b@example.com' }] } },
    };
    expect(paths(['track properties.to[1].email'], list)).toEqual(['properties.to.0.email']);
    expect(paths(['track properties.to[*].email'], list)).toEqual([]);
    expect(paths(['track properties.to.*.email'], list)).toEqual([]);
    expect(paths(['track properties.to.email'], list)).toEqual([]);
  });

  it('a quoted key, and a page by its name', () => {
    const page = { type: 'page', payload: { name: 'Invite', properties: { 'invitee email': 'bob@example.com' } } };
    expect(paths(['page "Invite" properties["invitee email"]'], page)).toEqual([]);
    expect(paths(['* "Invite" properties["invitee email"]'], page)).toEqual([]);
  });

  it('refuses a rule it cannot read, saying what is wrong', () => {
    const errors = [
      '',
      'trak properties.email',
      'track',
      'track "Invite Sent',
      'identify "Signed Up" traits.email',
      'track properties..email',
      'track properties.email.',
      'track properties[x]',
      'track properties.email extra',
      'track [0].email',
    ].map((text) => {
      const parsed = parseAllowRule(text);
      return parsed.ok ? 'accepted' : parsed.error;
    });
    expect(errors).toEqual([
      'allow rule "": it is empty; write TYPE ["EVENT"] PATH, e.g. track "Invite Sent" properties.email',
      'allow rule "trak properties.email": "trak" is not a message type: use track, identify, page, screen, group, alias or *',
      'allow rule "track": it names no field; add a path such as properties.email',
      'allow rule "track \\"Invite Sent": the event name\'s quote is never closed',
      'allow rule "identify \\"Signed Up\\" traits.email": identify messages have no event name; name one for track, page, screen or *',
      'allow rule "track properties..email": in the path "properties..email": an empty field name at character 12 (two dots, or a dot at an end)',
      'allow rule "track properties.email.": in the path "properties.email.": the path ends with a dot',
      'allow rule "track properties[x]": in the path "properties[x]": [x] must be an index ([0]), [*] or a quoted key (["a key"])',
      'allow rule "track properties.email extra": one path after the type; got "properties.email extra"',
      'allow rule "track [0].email": the path starts at a field of the message, such as properties',
    ]);
  });

  it('a list, one rule a line: comments and blank lines skipped, each error with its line', () => {
    const list = parseAllowList(
      '# invites\ntrack "Invite Sent" properties.invitee_email\n\nidentify traits.email\ntrak x\n',
    );
    expect(list.rules.map((r) => r.text)).toEqual([
      'track "Invite Sent" properties.invitee_email',
      'identify traits.email',
    ]);
    expect(list.errors).toEqual([
      'line 5: allow rule "trak x": "trak" is not a message type: use track, identify, page, screen, group, alias or *',
    ]);
  });
});
