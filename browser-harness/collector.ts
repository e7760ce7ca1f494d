/**
 * A TLS collector on 127.0.0.1 standing in for api.june.so / api.segment.io (self-signed cert made
 * with the openssl CLI), plus a plain-HTTP page server that doubles as a CONNECT proxy into the
 * collector for Firefox, which has no switch to map a host name to a port.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import type { AddressInfo, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const TRACK_HOSTS = [
  'api.june.so',
  'api.segment.io',
  'events.eu1.segmentapis.com',
  'acme.dataplane.rudderstack.com',
  'proxy.example.com',
  'collect.example.org',
];

export interface CollectedRequest {
  readonly host: string;
  readonly method: string;
  readonly path: string;
  readonly body: string;
  /** The Content-Type header ('' when none): a FormData body is multipart. */
  readonly contentType: string;
  readonly at: number;
}

export type PageContent = string | { readonly type: string; readonly body: string };

function generateCert(hosts: readonly string[]): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ti-cert-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  const san = [...hosts.map((h) => `DNS:${h}`), 'IP:127.0.0.1'].join(',');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '2',
        '-subj',
        '/CN=track-inspector-e2e',
        '-addext',
        `subjectAltName=${san}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export interface CollectorOptions {
  /**
   * Serve HTTP/2 (HTTP/1.1 still offered), as api.june.so and api.segment.io do: a page's burst of
   * calls is then in flight at once, not six at a time over HTTP/1.1 connections (bench:panel).
   */
  readonly http2?: boolean;
}

export async function startCollector(pages: Record<string, PageContent> = {}, options: CollectorOptions = {}) {
  const requests: CollectedRequest[] = [];
  /** Server time before answering a tracking call: 0 is the local worst case, ~50 ms an internet round trip. */
  let delayMs = 0;
  const sockets = new Set<Socket>();
  const { key, cert } = generateCert(TRACK_HOSTS);

  const handle = (
    req: http.IncomingMessage | http2.Http2ServerRequest,
    res: http.ServerResponse | http2.Http2ServerResponse,
  ) => {
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    // Whatever headers the preflight asks for, as the real APIs allow theirs (RudderStack's XHR sends AnonymousId).
    const asked = req.headers['access-control-request-headers'];
    res.setHeader('Access-Control-Allow-Headers', typeof asked === 'string' ? asked : 'Content-Type, Authorization');
    res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        host: String(req.headers[':authority'] ?? req.headers.host ?? '').replace(/:\d+$/, ''),
        method: req.method ?? '',
        path: req.url ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
        contentType: req.headers['content-type'] ?? '',
        at: Date.now(),
      });
      const answer = () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"success":true}');
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  };
  const tls = options.http2
    ? http2.createSecureServer({ key, cert, allowHTTP1: true }, handle)
    : https.createServer({ key, cert }, handle);

  const web = http.createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname];
    if (req.method !== 'GET' || page === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    const { type, body } = typeof page === 'string' ? { type: 'text/html; charset=utf-8', body: page } : page;
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
  });
  web.on('connect', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    const [host, port] = (req.url ?? '').split(':');
    if (!host || !TRACK_HOSTS.includes(host) || (port && port !== '443')) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    tls.emit('connection', socket);
  });
  for (const server of [tls, web]) {
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  }
  const tlsPort = await listen(tls);
  const webPort = await listen(web);
  return {
    tlsPort,
    webPort,
    origin: `http://127.0.0.1:${webPort}`,
    requests,
    setDelay(ms: number) {
      delayMs = ms;
    },
    setPage(pathname: string, content: PageContent) {
      pages[pathname] = content;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([tls, web].map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}

export type Collector = Awaited<ReturnType<typeof startCollector>>;
