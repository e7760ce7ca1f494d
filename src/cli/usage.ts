/** What `track-inspector --help` prints, and what a usage error points to. */
export const USAGE = `Usage: track-inspector validate [--plan PLAN [--unplanned warn|error]] [--strict] [--json | --quiet]
                                [--pii warn|error|off] [--pii-allow RULE ...] [--host PATTERN ...]
                                [--allow-empty] [FILE ...]
       track-inspector plan infer [--name NAME] [--pii-allow RULE ...] [--host PATTERN ...] [--allow-empty]
                                  [FILE ...]
       track-inspector coverage --plan PLAN [--min PERCENT] [--json | --markdown] [--strict]
                                [--unplanned warn|error] [--host PATTERN ...] [FILE ...]
       track-inspector diff BASE CURRENT [--json | --markdown] [--host PATTERN ...]
       track-inspector redact [--pii-allow RULE ...] [--host PATTERN ...] [--allow-empty] [FILE ...]
       track-inspector --version

validate     Validates NDJSON of June / Segment payloads (bare payloads, or records exported by
             the Track Inspector panel), or the tracking calls in a HAR file (DevTools'
             "Save all as HAR", Playwright's recordHar): a FILE named *.har, or whose content
             is one JSON object with log.entries.
plan infer   Drafts a tracking plan (Segment Public API shape, JSON Schema draft-07) from the
             same input: one rule per track event, one for identify traits and one for group
             traits, property types as observed. Writes it to standard output.
coverage     What the input covered of a tracking plan: per rule never-seen, always-valid,
             sometimes-valid or never-valid, its counts and most common problem, the planned
             properties never sent and the required ones missing; the unplanned events; the
             share of rules seen. Several files are one capture.
diff         Compares two captures (NDJSON or HAR files): events removed and added, properties
             removed, added or sent with a new type, events whose messages were all valid in
             BASE and are not in CURRENT.
redact       Writes the same input as NDJSON to standard output, every value the privacy guard
             flags (emails, phone and card numbers, tokens, secrets in URLs…) replaced by
             "[redacted:KIND:HASH]" (the first 12 hex digits of its SHA-256).

With no FILE, or when FILE is -, reads standard input.

  --plan PLAN  also check every message against this tracking plan (Segment Public API or
               Config API / Typewriter JSON); a bad plan file exits 2
  --unplanned  what a track event the plan does not have is: warn (default) or error
  --strict     validate payloads exactly as sent (a null userId is an error, not read as absent)
  --pii        what personal data or a secret in a message is: warn (default), error, or off
  --pii-allow RULE  a field where personal data belongs, not flagged (nor redacted):
               TYPE ["EVENT"] PATH, e.g. 'track "Invite Sent" properties.invitee_email',
               'identify traits.email', '* properties.email'; repeatable
  --json       print one JSON result per message instead of a report ("line" for NDJSON,
               "entry" for HAR: where the message is in its file, from 1); coverage and diff
               print their report as one JSON object
  --quiet      report invalid messages only, with their errors; without it the report also
               lists each message with warnings (an unplanned event's "did you mean" among them)
  --host PATTERN  also treat calls to this host as tracking calls in a HAR (a first-party
               proxy: proxy.example.com/collect, *.metrics.example.com); repeatable
  --name NAME  the drafted plan's name (default "Draft tracking plan")
  --min PERCENT  coverage: exit 1 when fewer than PERCENT of the plan's rules were seen
  --markdown   coverage, diff: print the report as a GitHub table (a CI summary, a PR comment)
  --allow-empty  accept input with no tracking message in it (exit 0; plan infer writes a plan
               with no rules); without it, finding none exits 1: a capture that caught nothing
               is a broken test, not a passing one
  --help       show this help
  --version    print the version

Exit status: 0 all valid (or plan or redacted copy written), 1 any invalid, no message found, or
(redact) a line that could not be read and was left out, 2 usage error or unreadable file.
coverage: 1 below --min. diff: 1 when an event or a property was removed, a property's type
changed or an event got worse, 0 when CURRENT only adds.`;
