/** Detectors for secrets that have a shape of their own: JSON Web Tokens and API keys with a vendor prefix. */
import type { Detection } from './detection';

/** The shortest run of key characters (`[A-Za-z0-9_-]`) in any token found here. */
export const SHORTEST_RUN = 16;

/** A JWT, else an API key or access token. */
export function findToken(text: string): Detection | null {
  const jwt = findJwt(text);
  if (jwt) return { kind: 'jwt', match: jwt };
  const credential = findCredential(text);
  return credential ? { kind: 'credential', match: credential } : null;
}

/** Header and payload are base64url JSON objects, so both start `eyJ` (`{"`); the signature may be empty (alg none). */
const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/;

export function findJwt(text: string): string | null {
  // Each part starts "eyJ": looked for by its "yJ", which prose hardly holds, so the search skips along (one for
  // "eyJ" stops at every "e", and costs more than the regex).
  return text.includes('yJ') ? (JWT.exec(text)?.[0] ?? null) : null;
}

/**
 * Prefixes vendors put on their secret keys so that scanners can find them (GitHub's secret scanning
 * partners publish the same list). Publishable keys (`pk_live_`) and Segment write keys are meant to be
 * public and are not here. Each prefix needs the length its keys have, so that a word that merely starts
 * like one (`sk-123`) is not a key.
 */
const CREDENTIAL = new RegExp(
  '(?<![A-Za-z0-9])(?:' +
    [
      '[sr]k_(?:live|test)_[A-Za-z0-9]{16,}', // Stripe secret and restricted keys
      '(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])', // AWS access key ids
      'gh[pousr]_[A-Za-z0-9]{36,}', // GitHub tokens
      'github_pat_[A-Za-z0-9_]{40,}',
      'xox[abposr]-[A-Za-z0-9-]{10,}', // Slack tokens
      'AIza[A-Za-z0-9_-]{35}', // Google API keys
      'glpat-[A-Za-z0-9_-]{20,}', // GitLab
      'sk-(?:proj-|ant-)?[A-Za-z0-9_-]{32,}', // OpenAI, Anthropic
      'npm_[A-Za-z0-9]{36}',
      'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}', // SendGrid
      'shp(?:at|ss|ca)_[a-fA-F0-9]{32}', // Shopify
      '-----BEGIN [A-Z ]*PRIVATE KEY-----',
    ].join('|') +
    ')|Bearer +[A-Za-z0-9._~+/-]{20,}=*',
);

/**
 * Literals every key CREDENTIAL finds contains (keep them in step): most text holds none, and these searches cost
 * a small part of the one above, whose look-behind makes the engine try it at every character.
 */
const WITH_UNDERSCORE = /_(?:live|test)_|gh[pousr]_|github_pat_|npm_|shp(?:at|ss|ca)_/;
const WITH_DASH = /xox[abposr]-|glpat-|sk-|-----BEGIN/;

function mayHoldCredential(text: string): boolean {
  return (
    (text.includes('_') && WITH_UNDERSCORE.test(text)) ||
    (text.includes('-') && WITH_DASH.test(text)) ||
    text.includes('AKIA') ||
    text.includes('ASIA') ||
    text.includes('AIza') ||
    text.includes('SG.') ||
    text.includes('Bearer ')
  );
}

export function findCredential(text: string): string | null {
  return mayHoldCredential(text) ? (CREDENTIAL.exec(text)?.[0] ?? null) : null;
}
