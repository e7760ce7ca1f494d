/**
 * Playwright's view of the browser, as the capture pipeline's plain events (core/capture/events.ts):
 * pages become tabs, requests get ids, a frame names its URL and the frames above it (as Firefox's
 * webRequest does), and a body becomes what the extension's webRequest hands over: a form parsed
 * into fields, anything else as bytes.
 */
import type { Frame, Page, Request } from '@playwright/test';
import type { RequestBody } from '../core/body';
import type { RequestSource } from '../core/capture/events';

export class PlaywrightIds {
  private readonly pages = new WeakMap<Page, number>();
  private readonly requests = new WeakMap<Request, string>();
  private lastPage = 0;
  private lastRequest = 0;

  /** A page is a tab, numbered from 1 in the order the capture meets them. */
  tabOf(page: Page): number {
    let id = this.pages.get(page);
    if (id === undefined) this.pages.set(page, (id = ++this.lastPage));
    return id;
  }

  requestIdOf(request: Request): string {
    let id = this.requests.get(request);
    if (id === undefined) this.requests.set(request, (id = `pw-${++this.lastRequest}`));
    return id;
  }
}

/** The frame a request came from; null for a service worker's own requests (Playwright throws for them). */
export function frameOf(request: Request): Frame | null {
  try {
    return request.frame();
  } catch {
    return null;
  }
}

/** Who sent it: the frame's page as a tab, the frame's URL now, and the frames above it (the top page last). */
export function sourceOf(frame: Frame, ids: PlaywrightIds, documentUrl = frame.url()): RequestSource {
  const frameAncestors: { url: string }[] = [];
  for (let parent = frame.parentFrame(); parent; parent = parent.parentFrame())
    frameAncestors.push({ url: parent.url() });
  return {
    tabId: ids.tabOf(frame.page()),
    frameId: 0,
    documentUrl,
    ...(frameAncestors.length ? { frameAncestors } : {}),
    timeStamp: Date.now(),
  };
}

const FORM_TYPES = /^\s*(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

/** The request's body as the extension's webRequest would hand it over; null when Playwright has none. */
export async function requestBody(request: Request): Promise<RequestBody | null> {
  const bytes = request.postDataBuffer();
  if (!bytes) return null;
  const type = request.headers()['content-type'] ?? '';
  if (!FORM_TYPES.test(type)) return { kind: 'bytes', parts: [new Uint8Array(bytes)] };
  try {
    // The platform's own form parser (undici's), as webRequest parses a form into `formData`.
    const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
    const fields: Record<string, string[]> = {};
    form.forEach((value, name) => (fields[name] ??= []).push(typeof value === 'string' ? value : value.name));
    return { kind: 'form', fields };
  } catch {
    return { kind: 'bytes', parts: [new Uint8Array(bytes)] }; // a malformed form: its bytes, as sent
  }
}
