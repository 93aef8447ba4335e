/**
 * @module Worker start-up without tsx. Run from TypeScript sources, every ingest worker used to
 * register tsx (its own loader-hooks thread) and load some forty modules through it: ~1.3 CPU s per
 * worker before the first article, against ~0.6 s for plain JavaScript. So the worker's module
 * graph is bundled once into one ES module (esbuild, which tsx itself uses; npm packages stay
 * external imports) and cached in `node_modules/.cache/marquee/`, keyed by the content of every
 * source file in it: any edit rebuilds it on the next run, and nothing stale is ever loaded.
 *
 * Each module's `import.meta.url` is replaced by its own source file's URL, so files found
 * relative to a module (data files) are found exactly as before. Anything going wrong (no esbuild,
 * a read-only folder, another `import.meta` use) returns null and the caller starts tsx workers.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where bundles are cached (the repository's node_modules, next to the packages they import). */
const CACHE_DIR = new URL('../../node_modules/.cache/marquee/', import.meta.url);

/** What a cached bundle was built from: every source file and its content hash. */
interface Manifest {
  /** Node and esbuild versions, and the entry: a bundle is reused only for the same ones. */
  key: string;
  inputs: [path: string, sha1: string][];
  bundle: string;
}

const sha1 = (data: string | Buffer): string => createHash('sha1').update(data).digest('hex');

/** Bundles (or rebuilds) per entry already resolved in this process. */
const resolved = new Map<string, Promise<URL | null>>();

/**
 * A cached single-file ES module of `entry` (a `.ts` file) and its source imports, built if
 * missing or out of date; null when it cannot be built (the caller then loads `entry` through tsx).
 */
export function bundledModule(entry: URL): Promise<URL | null> {
  let p = resolved.get(entry.href);
  if (p === undefined) {
    p = buildBundle(entry).catch(() => null);
    resolved.set(entry.href, p);
  }
  return p;
}

/** {@link bundledModule} without the per-process memo, throwing on failure (for tests). */
export async function buildBundle(entry: URL, cacheDir: URL = CACHE_DIR): Promise<URL | null> {
  if (process.env.MARQUEE_NO_WORKER_BUNDLE === '1') return null;
  const esbuild = await import('esbuild');
  const entryPath = fileURLToPath(entry);
  const key = `node ${process.version} esbuild ${esbuild.version} ${entryPath}`;
  const name = `worker-${sha1(key).slice(0, 12)}`;
  const manifestUrl = new URL(`${name}.json`, cacheDir);
  const cached = readManifest(manifestUrl);
  if (cached !== null && cached.key === key && isCurrent(cached, cacheDir)) return new URL(cached.bundle, cacheDir);

  const inputs = new Map<string, string>();
  const result = await esbuild.build({
    entryPoints: [entryPath],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'marquee-own-import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
            const source = readFileSync(args.path, 'utf8');
            inputs.set(args.path, sha1(source));
            const contents = source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
            if (/import\.meta\b/.test(contents)) throw new Error(`${args.path} uses import.meta beyond import.meta.url`);
            const ext = args.path.slice(args.path.lastIndexOf('.') + 1);
            return { contents, loader: ext.endsWith('ts') ? 'ts' : 'js' };
          });
        },
      },
    ],
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) return null;
  mkdirSync(cacheDir, { recursive: true });
  const bundle = `${name}-${sha1(code).slice(0, 12)}.mjs`;
  const manifest: Manifest = { key, inputs: [...inputs].sort((a, b) => (a[0] < b[0] ? -1 : 1)), bundle };
  // Written under temporary names and renamed: a concurrent run sees the old files or the new ones.
  writeAtomically(new URL(bundle, cacheDir), code);
  writeAtomically(manifestUrl, JSON.stringify(manifest));
  // Older bundles of this entry are never loaded again (a run that still held one falls back to tsx).
  for (const f of readdirSync(cacheDir)) {
    if (f.startsWith(`${name}-`) && f.endsWith('.mjs') && f !== bundle) rmSync(new URL(f, cacheDir), { force: true });
  }
  return new URL(bundle, cacheDir);
}

function readManifest(url: URL): Manifest | null {
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** True when the bundle exists and every source file it was built from is unchanged. */
function isCurrent(m: Manifest, cacheDir: URL): boolean {
  try {
    return existsSync(new URL(m.bundle, cacheDir)) && m.inputs.length > 0 && m.inputs.every(([path, hash]) => sha1(readFileSync(path)) === hash);
  } catch {
    return false;
  }
}

function writeAtomically(url: URL, data: string): void {
  const tmp = new URL(`${url.href}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  writeFileSync(tmp, data);
  renameSync(tmp, url);
}
