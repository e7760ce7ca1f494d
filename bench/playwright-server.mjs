// bench:playwright's page and collector, on one plain-HTTP origin on 127.0.0.1: GET / is an empty page,
// POST /collect/... answers 200 at once. Its own process, as a Playwright config's webServer is: the
// test process's work (the capture's) must not delay the page's responses except through the CPU they
// share. Prints its port on its first line.
import http from 'node:http';

const server = http.createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    if (request.method === 'POST' && request.url?.startsWith('/collect/')) {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
    } else if (request.method === 'GET' && request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>fixture bench</title>');
    } else response.writeHead(404).end();
  });
});
server.listen(0, '127.0.0.1', () => console.log(`port ${server.address().port}`));
