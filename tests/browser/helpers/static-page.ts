import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticPage {
  /** http://localhost:<port>: the page's origin as the browser names it. */
  origin: string;
  close: () => Promise<void>;
}

/** Serves one HTML file at every path on 127.0.0.1, a port of its own (its own origin). */
export async function serveStaticPage(file: string): Promise<StaticPage> {
  const html = fs.readFileSync(file);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
