/** The kinds of personal data and secrets the privacy guard finds, and how a message names each. */
export const PII_KINDS = [
  'email',
  'phone',
  'card',
  'iban',
  'ssn',
  'jwt',
  'credential',
  'password',
  'url-secret',
  'ip',
] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** What a finding's message says the value is: "properties.email looks like an email address". */
export const KIND_DESCRIPTIONS: Readonly<Record<PiiKind, string>> = {
  email: 'an email address',
  phone: 'a phone number',
  card: 'a payment card number',
  iban: 'a bank account number (IBAN)',
  ssn: 'a US social security number',
  jwt: 'a JSON Web Token',
  credential: 'an API key or access token',
  password: 'a password or secret (by its key name)',
  'url-secret': 'a URL with personal data or a secret in its query',
  ip: 'an IP address',
};
