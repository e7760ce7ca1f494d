/**
 * How the page reporter's reports reach the test process, as calls of the pipeline's PageCall shape.
 *
 * Two ways, because one is lost exactly when it matters: a binding (Playwright's exposeBinding)
 * carries every report while the document lives, but in Chromium 156 no binding call, console
 * message or CDP event of a document arrives once it is being replaced by a navigation (measured:
 * 0 of 20 from `pagehide`, against 20 of 20 from Firefox ESR 153). So while its document is going
 * away, the reporter also sends each report as a beacon to this channel's own server on 127.0.0.1,
 * which the browser still delivers after the document is gone. Reports carry ids: one that came
 * both ways counts once. The beacon names its document by a token the document's first report
 * (a hello over the binding) tied to its page and frames.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Frame } from '@playwright/test';
import type { PageCall, RequestSource } from '../core/capture/events';
import { readPageReport, type PageReport } from './page-report';

type CallReport = Extract<PageReport, { kind: 'call' }>;
import { sourceOf, type PlaywrightIds } from './playwright-events';

/** Who called the binding (Playwright does not export the type). */
type BindingSource = Parameters<Parameters<BrowserContext['exposeBinding']>[1]>[0];

export const BINDING = '__trackInspectorReport';
/** Report ids remembered to drop the second copy of a report that came both ways. */
const IDS_KEPT = 10_000;
/** The largest beacon body the server reads (the reporter's own limit is the page's beacon quota, 64 KiB). */
const MAX_REPORT_BYTES = 1024 * 1024;

export class PageChannel {
  private readonly documents = new Map<string, RequestSource>();
  private readonly seen = new Set<string>();
  private readonly server = http.createServer((request, response) => this.received(request, response));

  constructor(
    private readonly ids: PlaywrightIds,
    private readonly deliver: (call: PageCall) => void,
  ) {}

  /** Starts the server and the binding; resolves with the URL the reporter beacons to. */
  async open(context: BrowserContext): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    await context.exposeBinding(BINDING, (source: BindingSource, json: unknown) => this.fromBinding(source, json));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/report`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private fromBinding(source: BindingSource, json: unknown): void {
    const report = readPageReport(json);
    if (!report) return;
    const from = this.sourceOf(source.frame, report.page);
    if (report.kind === 'hello') this.documents.set(report.document, from);
    else this.take(report, from);
  }

  private received(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REPORT_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      response.writeHead(204, { 'Access-Control-Allow-Origin': '*' }).end();
      const report = readPageReport(Buffer.concat(chunks).toString('utf8'));
      if (report?.kind !== 'call') return;
      const known = this.documents.get(report.document);
      if (known) this.take(report, { ...known, documentUrl: report.page, timeStamp: report.at });
    });
  }

  private take(report: CallReport, from: RequestSource): void {
    if (this.seen.has(report.id)) return;
    this.seen.add(report.id);
    if (this.seen.size > IDS_KEPT) this.seen.delete(this.seen.values().next().value as string);
    const { url, method, body, visible, at } = report;
    this.deliver({ ...from, url, method, body, bodyVisible: visible, at });
  }

  private sourceOf(frame: Frame, documentUrl: string): RequestSource {
    return sourceOf(frame, this.ids, documentUrl);
  }
}
