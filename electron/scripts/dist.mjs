#!/usr/bin/env node
/*
 * npm run dist: build, then package with electron-builder (electron-builder.yml), passing any arguments
 * on (e.g. `npm run dist -- --win`).
 *
 * electron-builder's npmRebuild recompiles better-sqlite3 for Electron IN PLACE in node_modules, which
 * would leave the tests, the CLI and browser mode with a binary Node cannot load. So the Node build is
 * saved first and put back afterwards, whatever happens.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NODE_BINDING, requireFromRoot, runInherit } from './common.mjs';

const binScript = (pkg, relative) => join(requireFromRoot.resolve(`${pkg}/package.json`), '..', relative);

let code = await runInherit(process.execPath, [binScript('electron-vite', 'bin/electron-vite.js'), 'build']);
if (code !== 0) process.exit(code);

// Save every .node in build/Release (node-gyp's rebuild deletes the whole build folder before compiling).
const releaseDir = dirname(NODE_BINDING);
const saveDir = mkdtempSync(join(tmpdir(), 'agri-node-binding-'));
const saved = existsSync(releaseDir) ? readdirSync(releaseDir).filter((name) => name.endsWith('.node')) : [];
for (const name of saved) copyFileSync(join(releaseDir, name), join(saveDir, name));
try {
  code = await runInherit(process.execPath, [binScript('electron-builder', 'cli.js'), '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
} finally {
  if (saved.length > 0) {
    mkdirSync(releaseDir, { recursive: true });
    for (const name of saved) copyFileSync(join(saveDir, name), join(releaseDir, name));
    console.log('已恢复 Node 版 better-sqlite3 / restored the Node build of better-sqlite3');
  }
  rmSync(saveDir, { recursive: true, force: true });
}
process.exit(code);
