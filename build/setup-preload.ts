import type { Plugin, Rollup } from 'vite';

/** The page's list of the setup form's chunks (space-separated, relative to the page): db/http/static.ts reads it. */
export const SETUP_CHUNKS_META = 'agri-setup-chunks'; // the same name in db/http/static.ts
const SETUP_PAGE = /[\\/]renderer[\\/]src[\\/]features[\\/]setup[\\/]SetupPage\.tsx$/;

/**
 * Names, in the built page, the chunks the setup form needs beyond the entry's own (a `<meta>` the page itself
 * ignores). The browser-mode server turns them into `modulepreload` links for a new installation's first page,
 * so they arrive with the entry instead of after it has run (App.tsx asks for them only then).
 */
export function setupPreloadList(): Plugin {
  return {
    name: 'agri-setup-preload-list',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (from: string[]) => {
          const seen = new Set<string>();
          const visit = (name: string) => {
            if (seen.has(name)) return;
            seen.add(name);
            for (const dep of byName.get(name)?.imports ?? []) visit(dep);
          };
          from.forEach(visit);
          return seen;
        };
        const setup = chunks.find((c) => c.moduleIds.some((id) => SETUP_PAGE.test(id)));
        if (!setup) return undefined;
        const first = closure(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        const files = [...closure([setup.fileName])].filter((f) => !first.has(f));
        return [{ tag: 'meta', attrs: { name: SETUP_CHUNKS_META, content: files.join(' ') }, injectTo: 'head' }];
      },
    },
  };
}
