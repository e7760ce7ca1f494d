import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenStarted } from '../../../src/background/when-started';

afterEach(() => vi.restoreAllMocks());

describe('whenStarted', () => {
  it('handles the events that came before the start first, in their order, and later ones inside their event', async () => {
    let start: (value: string) => void = () => undefined;
    const withApp = whenStarted(new Promise<string>((resolve) => (start = resolve)));
    const handled: string[] = [];
    withApp((app) => void handled.push(`${app} 1`));
    withApp((app) => void handled.push(`${app} 2`));
    expect(handled).toEqual([]);
    start('app');
    await Promise.resolve();
    await Promise.resolve();
    expect(handled).toEqual(['app 1', 'app 2']);
    withApp((app) => void handled.push(`${app} 3`));
    // At once: no promise waits between the event and its handler.
    expect(handled).toEqual(['app 1', 'app 2', 'app 3']);
  });

  it('keeps handling events after one fails, and says only the first failure', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const withApp = whenStarted(Promise.resolve('app'));
    await Promise.resolve();
    const handled: string[] = [];
    withApp(() => {
      throw new Error('thrown');
    });
    withApp(() => Promise.reject(new Error('rejected')));
    withApp((app) => void handled.push(app));
    await Promise.resolve();
    expect(handled).toEqual(['app']);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[1])).toContain('thrown');
  });
});
