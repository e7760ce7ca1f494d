/** The plan the CLI's coverage tests read, as the panel would have it from the options, and what a page sent. */
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { parseArgs } from '../../src/cli/args';
import { runCoverage } from '../../src/cli/coverage-command';
import { DEFAULT_SETTINGS } from '../../src/shared/settings/user-settings';
import { validationModeOf, type ValidationMode } from '../../src/shared/settings/validation-mode';
import { captured } from './fixtures';

export const SHOP_PLAN_PATH = 'test/fixtures/coverage/shop.plan.json';

/** Order Completed (order_id and total required), Bad Timestamp, Trial Started, IDENTIFY (email required), PAGE. */
export const SHOP = validationModeOf(DEFAULT_SETTINGS, {
  fileName: 'shop.plan.json',
  loadedAt: 7,
  text: readFileSync(SHOP_PLAN_PATH, 'utf8'),
});

/** One rule in each state but never seen (Trial Started and the page are not sent), and an unplanned event twice. */
export function sentToShop(mode: ValidationMode = SHOP) {
  return [
    ...captured({ event: 'Order Completed', userId: 'u', properties: { order_id: 'o1', total: 3 } }, { mode }),
    ...captured({ event: 'Order Completed', userId: 'u', properties: { order_id: 'o2' } }, { mode }),
    ...captured({ event: 'Bad Timestamp', userId: 'u', timestamp: '2024-05-01' }, { mode }),
    ...captured({ type: 'identify', userId: 'u', traits: { email: 'a@example.com' } }, { callType: 'identify', mode }),
    ...captured({ event: 'Signed up', userId: 'u' }, { mode }),
    ...captured({ event: 'Signed up', userId: 'u' }, { mode }),
  ];
}

/** What `track-inspector coverage --plan shop.plan.json --markdown FILE` prints for an NDJSON file. */
export async function cliMarkdown(ndjsonFile: string): Promise<string> {
  const parsed = parseArgs(['coverage', '--plan', SHOP_PLAN_PATH, '--markdown', ndjsonFile]);
  if (parsed.kind !== 'coverage') throw new Error(`not a coverage command: ${parsed.kind}`);
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await runCoverage(parsed.args, { stdin: new PassThrough(), stdout, stderr: new PassThrough() });
  if (code !== 0) throw new Error(`coverage exited ${code}`);
  return out;
}
