/** The name a row shows for a message: event name, page/screen name, or the identify/group id. */
import { isPlainObject } from './types';

export function messageLabel(type: string, payload: unknown): string | null {
  if (!isPlainObject(payload)) return null;
  const field =
    type === 'track' ? 'event' : type === 'page' || type === 'screen' ? 'name' : type === 'group' ? 'groupId' : type === 'identify' ? 'userId' : type === 'alias' ? 'previousId' : null;
  const value = field ? payload[field] : undefined;
  return typeof value === 'string' ? value : null;
}
