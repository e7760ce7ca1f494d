/**
 * The options page's Privacy section: what the privacy guard's findings are (warnings, errors, or not looked for), and
 * the fields where personal data belongs in the user's product: allow rules, one a line, as the CLI's `--pii-allow`
 * and the Playwright fixture's `piiAllow` take them (core/privacy/allow-rules.ts reads all three).
 */
import { parseAllowList } from '../core/privacy/allow-rules';
import { isPiiMode, type PiiMode } from '../core/privacy/privacy-guard';

const MODES: readonly (readonly [PiiMode, string])[] = [
  ['warn', 'Warnings (default): the message stays valid'],
  ['error', 'Errors: the message is invalid'],
  ['off', 'Off: personal data is not looked for'],
];

/** The allow list as stored: the box's lines, trimmed, blank ones left out (comments and unreadable lines kept). */
export function allowListLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Each line of the box that is not an allow rule, by number, with why: `line 2: allow rule "…": …`. */
export function allowListErrors(text: string): readonly string[] {
  return parseAllowList(text).errors;
}

interface PrivacyFieldsProps {
  readonly mode: PiiMode;
  readonly allowText: string;
  readonly onMode: (mode: PiiMode) => void;
  readonly onAllowText: (text: string) => void;
}

export function PrivacyFields({ mode, allowText, onMode, onAllowText }: PrivacyFieldsProps) {
  const errors = allowListErrors(allowText);
  return (
    <section class="privacy" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <p class="hint">
        The privacy guard flags personal data and secrets in tracking calls (email addresses, phone, card and account
        numbers, tokens, passwords, URLs with secrets in their query), their values masked. Never flagged: identify and
        group traits, <code>context.traits</code> and <code>context.ip</code>, where the Segment spec puts them.
      </p>
      <label for="pii-mode">Personal data and secrets found</label>
      <select
        id="pii-mode"
        value={mode}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (isPiiMode(value)) onMode(value);
        }}
      >
        {MODES.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <label for="pii-allow">Allowed fields, one rule per line</label>
      <p class="hint">
        Where personal data belongs in your product: <code>track "Invite Sent" properties.invitee_email</code> (one
        event), <code>alias previousId</code> (every message of a type), <code>* properties.billing</code> (every
        message; a field and all under it). The same rules as the CLI's <code>--pii-allow</code>; a line that starts
        with <code>#</code> is a comment. A line that cannot be read is shown here and not applied; the others are.
      </p>
      <textarea
        id="pii-allow"
        rows={4}
        value={allowText}
        onInput={(e) => onAllowText(e.currentTarget.value)}
        aria-invalid={errors.length > 0}
      />
      {errors.map((error) => (
        <p class="error allow-error" key={error}>
          {error}
        </p>
      ))}
    </section>
  );
}
