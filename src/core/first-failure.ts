/**
 * A logger that says only the first failure: a failure that repeats on every event (a full disk, a
 * panel that cannot be sent to) would otherwise bury the log, and capture goes on regardless.
 */
export function firstFailureLogger(): (message: string, error: unknown) => void {
  let logged = false;
  return (message, error) => {
    if (logged) return;
    logged = true;
    console.error(`track-inspector: ${message}`, error);
  };
}
