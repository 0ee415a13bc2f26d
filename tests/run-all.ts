/**
 * `npm test`: type check, lint, vitest suites (unit, db, contract, server), a renderer build,
 * then Playwright (browser-mode e2e in Chromium, and the Electron smoke test where Electron exists).
 * Ends with one line: `tests: N passed, N failed, N skipped`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM_HELP, chromiumPath } from './support/chromium';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = resolve(ROOT, 'test-results');
const BIN = resolve(ROOT, 'node_modules/.bin');

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];

function add(name: string, t: Tally) {
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
  lines.push(`  ${name.padEnd(22)} ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`);
}

/** Runs a tool from node_modules/.bin, or a script path through node (some packages ship bins without the exec bit). */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  process.stdout.write(`\n▶ ${cmd} ${args.join(' ')}\n`);
  const [file, argv] = cmd.endsWith('.js') ? [process.execPath, [resolve(ROOT, cmd), ...args]] : [resolve(BIN, cmd), args];
  const r = spawnSync(file, argv, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

/** A whole-program check (tsc, eslint) counts as one test. */
function check(name: string, cmd: string, args: string[]) {
  const status = run(cmd, args);
  add(name, { passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0 });
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function vitest() {
  const out = resolve(RESULTS, 'vitest.json');
  rmSync(out, { force: true });
  const status = run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(out);
  if (!report) return add('vitest', { passed: 0, failed: 1, skipped: 0 });
  // a suite that fails to load has no tests but a non-zero exit
  const failed = report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  add('vitest', { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests });
}

interface PwStats {
  expected: number;
  unexpected: number;
  flaky: number;
  skipped: number;
}

function playwright() {
  const browser = chromiumPath();
  if (!browser) {
    process.stdout.write(`\n✘ ${CHROMIUM_HELP}\n`);
    return add('playwright', { passed: 0, failed: 1, skipped: 0 });
  }
  if (run('vite', ['build', '-c', 'vite.renderer.config.ts', '--logLevel', 'warn']) !== 0) {
    return add('renderer build', { passed: 0, failed: 1, skipped: 0 });
  }
  const electronInstalled = existsSync(resolve(ROOT, 'node_modules/electron/dist'));
  if (electronInstalled && run('node_modules/electron-vite/bin/electron-vite.js', ['build']) !== 0) {
    return add('electron build', { passed: 0, failed: 1, skipped: 0 });
  }
  const out = resolve(RESULTS, 'playwright.json');
  rmSync(out, { force: true });
  const status = run('playwright', ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out, CHROMIUM_PATH: browser });
  const report = readJson<{ stats: PwStats }>(out);
  if (!report) return add('playwright', { passed: 0, failed: 1, skipped: 0 });
  const s = report.stats;
  const failed = s.unexpected + (status !== 0 && s.unexpected === 0 ? 1 : 0);
  if (s.flaky) process.stdout.write(`\n⚠ ${s.flaky} end-to-end test(s) passed only on retry (flaky)\n`);
  add('playwright', { passed: s.expected + s.flaky, failed, skipped: s.skipped });
}

mkdirSync(RESULTS, { recursive: true });
check('typecheck', 'tsc', ['-b']);
check('lint', 'eslint', ['.']);
vitest();
playwright();

process.stdout.write(`\nsummary:\n${lines.join('\n')}\n`);
process.stdout.write(`tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}\n`);
process.exitCode = total.failed === 0 ? 0 : 1;
