import { describe, expect, it } from 'vitest';
import { completedOutcome, errorOutcome } from '../../../src/core/capture/outcome';

describe('request outcomes', () => {
  it('takes the status of a completed request', () => {
    expect(completedOutcome(202)).toEqual({ outcome: 'status', status: 202, error: null });
  });
  it('names an ad blocker', () => {
    expect(errorOutcome('net::ERR_BLOCKED_BY_CLIENT', 'xmlhttprequest', undefined)).toEqual({
      outcome: 'blocked',
      status: null,
      error: 'blocked by the browser or an extension (net::ERR_BLOCKED_BY_CLIENT)',
    });
  });
  it("trusts a Firefox beacon's headers over its NS_ERROR_FAILURE", () => {
    expect(errorOutcome('NS_ERROR_FAILURE', 'beacon', 202)).toEqual({ outcome: 'status', status: 202, error: null });
  });
  it('calls an aborted Chromium unload beacon unknown, not failed', () => {
    expect(errorOutcome('net::ERR_ABORTED', 'ping', undefined).error).toBe(
      'sent during unload, outcome unknown (net::ERR_ABORTED)',
    );
  });
  it('reports other failures as they are', () => {
    expect(errorOutcome('net::ERR_CONNECTION_REFUSED', 'xmlhttprequest', undefined)).toEqual({
      outcome: 'failed',
      status: null,
      error: 'net::ERR_CONNECTION_REFUSED',
    });
  });
});
