/** A realistic, deterministic mix of tracking bodies for the benchmarks. */

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

function message(i: number, targetBytes: number): Record<string, unknown> {
  const invalid = i % 10 === 0; // 10% invalid, in varied ways
  const properties: Record<string, unknown> = { plan: 'pro', total: i * 3.5, currency: 'EUR', items: i % 7 };
  const msg: Record<string, unknown> = {
    type: 'track',
    event: `Event ${i % 40}`,
    userId: `user-${i % 900}`,
    anonymousId: `anon-${(i * 7919) % 100000}`,
    messageId: `msg-${i}`,
    timestamp: invalid && i % 20 === 0 ? '2024-05-01' : '2024-05-01T10:00:00.000Z',
    properties: invalid && i % 20 === 10 ? 'oops' : properties,
    context: {
      locale: 'en-US',
      timezone: 'Europe/Paris',
      library: { name: 'analytics-next', version: '1.70.0' },
      page: { url: 'https://app.example.com/settings', title: 'Settings' },
    },
  };
  const filler = targetBytes - JSON.stringify(msg).length;
  if (filler > 0 && typeof msg.properties === 'object')
    properties['description'] = 'lorem ipsum '.repeat(Math.ceil(filler / 12)).slice(0, filler);
  return msg;
}

export interface BenchBody {
  readonly text: string;
  readonly callType: 'track' | 'batch';
  readonly messages: number;
}

/** 85% single messages of 300 B - 8 KB, 15% batches of 50 messages. */
export function bodyMix(count: number): BenchBody[] {
  const bodies: BenchBody[] = [];
  let n = 0;
  for (let b = 0; b < count; b++) {
    if (random() < 0.15) {
      const batch = Array.from({ length: 50 }, () => message(n++, 300 + Math.floor(random() * 1200)));
      bodies.push({
        text: JSON.stringify({ batch, sentAt: '2024-05-01T10:00:01.000Z', writeKey: 'wk' }),
        callType: 'batch',
        messages: 50,
      });
    } else {
      bodies.push({
        text: JSON.stringify(message(n++, 300 + Math.floor(random() * 7900))),
        callType: 'track',
        messages: 1,
      });
    }
  }
  return bodies;
}

export function payloads(count: number, from = 0): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => message(from + i, 300 + ((from + i) % 10) * 100));
}

/**
 * A Segment Public API plan of `events` track rules ("Event 0"…), each over the whole message, as a
 * team would write them.
 */
export function benchPlanJson(events: number): string {
  const rules = Array.from({ length: events }, (_, i) => ({
    type: 'TRACK',
    key: `Event ${i}`,
    version: 1,
    jsonSchema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        properties: {
          type: 'object',
          properties: {
            plan: { enum: ['free', 'pro', 'team'] },
            total: { type: 'number', minimum: 0 },
            currency: { type: 'string', pattern: '^[A-Z]{3}$' },
            items: { type: 'integer', minimum: 0 },
            description: { type: 'string', maxLength: 10000 },
          },
          required: ['plan', 'total', 'currency'],
        },
        context: { type: 'object', properties: { locale: { type: 'string' } } },
      },
      required: ['properties'],
    },
  }));
  return JSON.stringify({ name: 'Bench plan', rules });
}
