/**
 * @module Static files of the web UI. The set of servable files is fixed when the app is created
 * (everything under web/, plus cytoscape's ES module build under /vendor/), so a request path is
 * only ever looked up in that map: it never reaches the file system, and `..` or encoded
 * separators cannot escape it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** One servable file: where it is and how to send it; the bytes are read once and kept. */
interface StaticFile {
  file: string;
  type: string;
  body?: Uint8Array;
}

/** Default location of the web UI: `web/` at the package root. */
export const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));

/** URL path of cytoscape's ES module build, served from node_modules (no CDN: works offline). */
export const CYTOSCAPE_PATH = '/vendor/cytoscape.esm.min.mjs';

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && MIME[extname(name)]) out.push(p);
    }
  };
  walk(root);
  return out;
}

/** Map of URL path → file for the web UI and vendored libraries. */
export function createStaticFiles(webRoot = WEB_ROOT): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  let names: string[] = [];
  try {
    names = listFiles(webRoot);
  } catch {
    names = [];
  }
  for (const file of names) {
    const url = '/' + relative(webRoot, file).split(sep).join('/');
    files.set(url, { file, type: MIME[extname(file)]! });
  }
  const index = files.get('/index.html');
  if (index) files.set('/', index);
  try {
    const require = createRequire(import.meta.url);
    const cyDir = dirname(require.resolve('cytoscape'));
    files.set(CYTOSCAPE_PATH, { file: join(cyDir, 'cytoscape.esm.min.mjs'), type: MIME['.mjs']! });
  } catch {
    // cytoscape missing: the graph view says so instead of drawing.
  }
  return files;
}

/** Hono handler for GET/HEAD of a static file, or null when the path is not one of ours. */
export function serveStaticFile(c: Context, files: Map<string, StaticFile>): Response | null {
  const entry = files.get(c.req.path);
  if (!entry) return null;
  if (!entry.body) {
    try {
      entry.body = new Uint8Array(readFileSync(entry.file));
    } catch {
      return null;
    }
  }
  c.header('Content-Type', entry.type);
  // Small files, served locally: revalidate every time so an upgrade is picked up at once.
  c.header('Cache-Control', 'no-cache');
  return c.body(entry.body as Uint8Array<ArrayBuffer>, 200);
}
