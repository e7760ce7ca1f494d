#!/usr/bin/env node
// Test-only stand-in for Firefox ESR as Playwright's `moz-firefox` executable (docs/playwright.md,
// "Browsers"). Playwright 1.65 sends `emulation.setMediaFeaturesOverride` when it opens a context, a
// WebDriver BiDi command Firefox ESR 153 does not have ("unknown command": no context opens). This
// starts Debian's firefox-esr with the arguments Playwright gave, puts a WebSocket proxy in front of
// its BiDi endpoint, and answers that one command with success; everything else passes through
// unchanged. The only cost: prefers-color-scheme emulation does nothing, which no spec uses.
import { spawn } from 'node:child_process';
import { WebSocket, WebSocketServer } from 'ws';

const UNSUPPORTED = new Set(['emulation.setMediaFeaturesOverride']);
const firefox = spawn(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', process.argv.slice(2), {
  stdio: ['inherit', 'inherit', 'pipe'],
});
const proxy = new WebSocketServer({ host: '127.0.0.1', port: 0 });
await new Promise((resolve) => proxy.once('listening', resolve));
let upstream = null;
let pending = '';

// Playwright learns the endpoint from this line on stderr: it is rewritten to point at the proxy.
firefox.stderr.on('data', (data) => {
  pending += data.toString();
  for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
    let line = pending.slice(0, end);
    pending = pending.slice(end + 1);
    const listening = /WebDriver BiDi listening on (ws:\/\/\S+)$/.exec(line);
    if (listening) {
      upstream = listening[1];
      line = line.replace(upstream, `ws://127.0.0.1:${proxy.address().port}`);
    }
    process.stderr.write(line + '\n');
  }
});

proxy.on('connection', (client, request) => {
  const server = new WebSocket(upstream + request.url);
  const queued = [];
  server.on('open', () => queued.splice(0).forEach((message) => server.send(message)));
  client.on('message', (data) => {
    const text = data.toString();
    const command = JSON.parse(text);
    if (UNSUPPORTED.has(command.method)) {
      client.send(JSON.stringify({ type: 'success', id: command.id, result: {} }));
    } else if (server.readyState === WebSocket.OPEN) server.send(text);
    else queued.push(text);
  });
  server.on('message', (data) => client.readyState === WebSocket.OPEN && client.send(data.toString()));
  server.on('close', () => client.close());
  server.on('error', () => client.close());
  client.on('close', () => server.close());
});

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => firefox.kill(signal));
firefox.on('exit', (code) => {
  proxy.close();
  process.exit(code ?? 0);
});
