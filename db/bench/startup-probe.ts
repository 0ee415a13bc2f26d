/**
 * In-page timing for the startup bench: an init script that notes, against the page's own clock
 * (performance.now(), 0 = navigation start), the frame in which a selector first shows an enabled, laid-out
 * element, and which JavaScript the page had fetched by then (Resource Timing, decoded = uncompressed bytes).
 * Written as plain script text: the node project has no DOM types, and the page runs it as is.
 */
import type { Page } from 'playwright';

/** The first screen is up when a form field can be typed into: setup, sign-in or the counter's search box. */
export const FIRST_INPUT = 'input:is([type="text"], [type="password"], [type="search"], :not([type])):not([disabled])';

const PROBE = `(() => {
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && !el.disabled; };
  const marks = new Map();
  window.__agriShown = (sel) => {
    if (!marks.has(sel)) {
      marks.set(sel, new Promise((resolve) => {
        let observer = null;
        const check = () => {
          if (!Array.from(document.querySelectorAll(sel)).some(shown)) return false;
          if (observer) observer.disconnect();
          // the frame that paints it
          requestAnimationFrame(() => resolve(performance.now()));
          return true;
        };
        if (check()) return;
        observer = new MutationObserver(() => { check(); });
        observer.observe(document, { subtree: true, childList: true, attributes: true });
      }));
    }
    return marks.get(sel);
  };
  window.__agriJsBytes = (from, to) => performance.getEntriesByType('resource')
    .filter((e) => /\\.m?js(\\?|$)/.test(e.name) && e.startTime >= from && e.startTime <= to)
    .reduce((sum, e) => sum + e.decodedBodySize, 0);
  // antd component styles @ant-design/cssinjs made in the page (its css-variable blocks aside): 0 when prerendered
  window.__agriRuntimeStyles = () => Array.from(document.querySelectorAll('style[data-css-hash]'))
    .filter((s) => !/^\\s*\\.css-var-/.test(s.textContent || '')).length;
  for (const sel of WATCHED) window.__agriShown(sel);
})();`;

/** Watches `selectors` from the very start of every page load (a selector watched later is timed from then). */
export async function installProbe(page: Page, selectors: string[]): Promise<void> {
  await page.addInitScript({ content: PROBE.replace('WATCHED', JSON.stringify(selectors)) });
}

/** ms after navigation start at which `selector` was first painted; waits for it (up to timeoutMs). */
export async function shownAt(page: Page, selector: string, timeoutMs = 60_000): Promise<number> {
  const wait = page.evaluate(`window.__agriShown(${JSON.stringify(selector)})`) as Promise<number>;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`startup bench: ${selector} did not appear within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([wait, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts watching for `selector` now (the observer is in place when this resolves), before an action that
 * should bring it; call the returned function after the action for the page time it was painted.
 */
export async function watchFor(page: Page, selector: string, timeoutMs = 60_000): Promise<() => Promise<number>> {
  await page.evaluate(`(window.__agriShown(${JSON.stringify(selector)}), 0)`);
  return () => shownAt(page, selector, timeoutMs);
}

export async function pageNow(page: Page): Promise<number> {
  return (await page.evaluate('performance.now()')) as number;
}

/** Uncompressed bytes of the JavaScript files the page started fetching between `from` and `to` (page clock, ms). */
export async function jsBytes(page: Page, from: number, to: number): Promise<number> {
  return (await page.evaluate(`window.__agriJsBytes(${from}, ${to})`)) as number;
}

/** How many antd component styles the page has made at runtime so far (prerendered ones are not counted). */
export async function runtimeStyles(page: Page): Promise<number> {
  return (await page.evaluate('window.__agriRuntimeStyles()')) as number;
}
