/** The fixture's options as a test writes them (ready-options.ts makes them ready for the pipeline). */

export interface TrackInspectorOptions {
  /** A tracking plan file (JSON), relative to the Playwright config's directory (captureTracking: the working directory). */
  readonly plan?: string;
  /** Your own tracking hosts (first-party proxies), as in the options page: `proxy.example.com/collect`. */
  readonly hosts?: readonly string[];
  /** Strict mode: the June schema's recommendations are errors too. */
  readonly strict?: boolean;
  /** What an event the plan does not name is: a warning (default) or an error. */
  readonly unplanned?: 'warn' | 'error';
  /**
   * Personal data and secrets in messages (an email, a card number, a token in a URL: docs/privacy.md): warnings
   * (default), errors (toBeValid fails on them), or not looked for.
   */
  readonly pii?: 'warn' | 'error' | 'off';
  /** Fields where personal data belongs, not flagged: `track "Invite Sent" properties.invitee_email`, as --pii-allow. */
  readonly piiAllow?: readonly string[];
  /** When a test attaches its capture as `tracking.ndjson`: when it fails (default), or always. */
  readonly attach?: 'on-failure' | 'always';
}

/** Thrown when the options cannot be used: the message says why, one problem per line. */
export class TrackInspectorOptionsError extends Error {
  override readonly name = 'TrackInspectorOptionsError';
}
