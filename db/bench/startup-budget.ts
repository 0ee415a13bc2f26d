/**
 * The first screen's budget (issue 18), shared by the startup bench and the bundle-budget test: an old
 * township PC must show the setup / sign-in screen in about a second, so the JavaScript it fetches and parses
 * first is capped, and heavy parts (ECharts, print layouts, county and drying pages) must stay out of it.
 */
import type { Plugin } from 'vite';

/** First screen ≤ 1.2 s with Chromium's CPU throttled 4× (measured by `npm run bench -- startup`). */
export const FIRST_SCREEN_BUDGET_MS = 1200;
/** Uncompressed JavaScript fetched before the first screen: the entry chunk and every chunk it imports statically. */
export const FIRST_SCREEN_JS_BUDGET_BYTES = 1_500_000;

export interface BuiltChunk {
  fileName: string;
  bytes: number;
  isEntry: boolean;
  /** chunks this one imports statically (fetched with it, before it runs) */
  imports: string[];
  /** chunks this one imports on demand (`import()`) */
  dynamicImports: string[];
  /** the stylesheets loaded with it */
  css: string[];
  /** absolute ids of the source modules bundled into it */
  moduleIds: string[];
}

/**
 * A build plugin that notes every JavaScript chunk of the bundle as it is written (and, in `stylesheets`, the
 * text of every CSS file by name).
 */
export function chunkRecorder(into: BuiltChunk[], stylesheets = new Map<string, string>()): Plugin {
  return {
    name: 'agri-chunk-recorder',
    generateBundle(_options, bundle) {
      for (const out of Object.values(bundle)) {
        if (out.type === 'asset') {
          if (out.fileName.endsWith('.css')) stylesheets.set(out.fileName, String(out.source));
          continue;
        }
        const meta = (out as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata;
        into.push({
          fileName: out.fileName,
          bytes: Buffer.byteLength(out.code),
          isEntry: out.isEntry,
          imports: [...out.imports],
          dynamicImports: [...out.dynamicImports],
          css: [...(meta?.importedCss ?? [])],
          moduleIds: [...out.moduleIds],
        });
      }
    },
  };
}

/** The entry chunks and everything they import statically: what the page loads before its first screen. */
export function entryClosure(chunks: BuiltChunk[]): BuiltChunk[] {
  return staticClosure(
    chunks,
    chunks.filter((c) => c.isEntry),
  );
}

/** `from` and every chunk they import statically: what loading them fetches. */
export function staticClosure(chunks: BuiltChunk[], from: BuiltChunk[]): BuiltChunk[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of byName.get(name)?.imports ?? []) visit(dep);
  };
  for (const c of from) visit(c.fileName);
  return [...seen].map((n) => byName.get(n)).filter((c): c is BuiltChunk => Boolean(c));
}
