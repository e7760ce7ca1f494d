// The example app's server: the page and its scripts, the sign-up API, and the app's own first-party
// collect endpoint (/collect/v1/...), which answers every tracking call with 200 as Segment's API does.
// No dependencies: `node app/server.mjs` (PORT defaults to 4100).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

const PORT = Number(process.env.PORT ?? 4100);
const FILES = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/analytics.js': ['analytics.js', 'text/javascript; charset=utf-8'],
};

const server = createServer(async (request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  // Read the whole body before answering, as a real collector would.
  for await (const _chunk of request);
  if (request.method === 'POST' && path.startsWith('/collect/')) return send(response, 200, 'application/json', '{}');
  if (request.method === 'POST' && path === '/api/signup') {
    return send(response, 200, 'application/json', JSON.stringify({ userId: 'u-1' }));
  }
  const file = request.method === 'GET' ? FILES[path] : undefined;
  if (!file) return send(response, 404, 'text/plain', 'not found');
  send(response, 200, file[1], await readFile(new URL(file[0], import.meta.url)));
});

function send(response, status, type, body) {
  response.writeHead(status, { 'content-type': type });
  response.end(body);
}

server.listen(PORT, '127.0.0.1', () => console.log(`example app on http://127.0.0.1:${PORT}/`));
