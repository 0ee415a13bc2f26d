import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { BOOT_ELEMENT_ID } from '../../shared/api/boot';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  immutable: boolean;
}

/** A file under `root` for a URL path, or undefined; never escapes `root`. */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const base = resolve(root);
  const file = resolve(join(base, normalize(decoded)));
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  const type = TYPES[extname(file).toLowerCase()];
  if (!type) return undefined;
  try {
    const body = await readFile(file);
    return { body, type, immutable: file.includes(`${sep}assets${sep}`) };
  } catch {
    return undefined;
  }
}

/** The setup form's chunks as the build listed them in the page (build/setup-preload.ts). */
const SETUP_CHUNKS = /<meta name="agri-setup-chunks" content="([^"]*)"/;

/** `modulepreload` links for the setup form's chunks: fetched beside the entry's, not after the entry has run. */
function setupPreloads(html: string): string {
  const files = (SETUP_CHUNKS.exec(html)?.[1] ?? '').split(' ').filter((f) => /^assets\/[\w.-]+\.js$/.test(f));
  return files.map((f) => `\n    <link rel="modulepreload" crossorigin href="./${f}" />`).join('');
}

/**
 * The app page with this launch's token in a meta tag the HTTP transport reads, and the page's first data
 * (`bootJson`, see shared/api/boot.ts) in a JSON data block when given; for a new installation (`setup`), the
 * setup form's chunks preloaded.
 */
export async function readIndexWithToken(root: string, token: string, bootJson?: string, setup = false): Promise<Buffer> {
  const html = await readFile(join(root, 'index.html'), 'utf8');
  const boot = bootJson ? `\n    <script type="application/json" id="${BOOT_ELEMENT_ID}">${bootJson}</script>` : '';
  const preloads = setup ? setupPreloads(html) : '';
  return Buffer.from(html.replace('<head>', () => `<head>\n    <meta name="agri-token" content="${token}" />${boot}${preloads}`));
}
