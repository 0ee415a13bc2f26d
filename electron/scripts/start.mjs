#!/usr/bin/env node
/*
 * npm start: build (electron-vite), make sure the Electron-ABI better-sqlite3 exists, launch the desktop app.
 * Arguments after `--` go to the app, e.g. `npm start -- --db=D:\台账\agri.db`.
 */
import { join } from 'node:path';
import { electronBinary, nativeBindingStatus, requireFromRoot, ROOT, runInherit } from './common.mjs';

const electron = electronBinary();
if (!electron) {
  console.error(
    [
      '本机没有安装 Electron 可执行文件（node_modules/electron/dist 不存在），无法启动桌面版。',
      '请改用浏览器模式：npm run web',
      '',
      'Electron is not installed on this machine (node_modules/electron/dist is missing), so the desktop app cannot start.',
      'Use browser mode instead: npm run web',
    ].join('\n'),
  );
  process.exit(1);
}

// Run the bin script through node: it works whatever the .bin link's permissions or the platform's shell.
const electronVite = join(requireFromRoot.resolve('electron-vite/package.json'), '..', 'bin', 'electron-vite.js');
let code = await runInherit(process.execPath, [electronVite, 'build']);
if (code !== 0) {
  console.error('构建失败 / build failed');
  process.exit(code);
}

if (nativeBindingStatus() !== 'ok') {
  code = await runInherit(process.execPath, [join(ROOT, 'electron', 'scripts', 'rebuild-native.mjs')]);
  if (code !== 0) process.exit(code);
}

const args = ['.'];
// Chromium refuses to run its sandbox as root on Linux (containers, CI); only then turn it off.
if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
args.push(...process.argv.slice(2));

// ELECTRON_RUN_AS_NODE in the environment would start Electron as plain Node instead of the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
process.exit(await runInherit(electron, args, { env }));
