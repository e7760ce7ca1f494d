/**
 * What the CLI says of the bytes the collector received: each request read as a HAR entry by the
 * code `track-inspector validate` runs on a HAR, so a spec can check the fixture's messages against
 * it: every message once, bodies equal, verdicts equal.
 */
import type { CollectedRequest } from '../../browser-harness/collector';
import { harEntryReader } from '../../src/core/har/har-records';
import { toNdjsonLine } from '../../src/core/ndjson';
import type { TrackedMessage } from 'track-inspector/playwright';

export interface CollectorMessage {
  readonly payload: unknown;
  readonly type: string;
  readonly sender: string;
  readonly validation: TrackedMessage['validation'];
}

/** A form's fields as a HAR's `postData.params` (DevTools and Playwright record a form so). */
async function paramsOf(request: CollectedRequest): Promise<{ name: string; value: string }[] | undefined> {
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)/.test(request.contentType)) return undefined;
  const headers = { 'content-type': request.contentType };
  const form = await new Response(request.body, { headers }).formData();
  const params: { name: string; value: string }[] = [];
  form.forEach((value, name) => params.push({ name, value: typeof value === 'string' ? value : value.name }));
  return params;
}

export async function collectorMessages(requests: readonly CollectedRequest[]): Promise<CollectorMessage[]> {
  const read = harEntryReader({ strict: false, checker: null, hosts: [] });
  const params = await Promise.all(requests.map(paramsOf));
  return requests.flatMap((request, index) => {
    const postData = {
      mimeType: request.contentType,
      text: request.body,
      ...(params[index] ? { params: params[index] } : {}),
    };
    const entry = {
      startedDateTime: new Date(request.at).toISOString(),
      request: { method: request.method, url: `https://${request.host}${request.path}`, postData },
      response: { status: 200 },
    };
    const item = read(entry, index, new Map());
    if (item?.kind !== 'records') return [];
    return item.records.map((record) => {
      const line = JSON.parse(toNdjsonLine(record)) as TrackedMessage;
      return { payload: line.payload as unknown, type: line.type, sender: line.sender, validation: line.validation };
    });
  });
}

/** A message as compared: its payload, type, sender and problems, lint aside (it depends on what came before). */
export function comparable(message: Pick<CollectorMessage, 'payload' | 'type' | 'sender' | 'validation'>): string {
  const notLint = (problems: readonly { source: string }[]) => problems.filter((p) => p.source !== 'lint');
  const { valid, errors, warnings } = message.validation;
  return JSON.stringify({
    payload: message.payload,
    type: message.type,
    sender: message.sender,
    valid,
    errors: notLint(errors),
    warnings: notLint(warnings),
  });
}
