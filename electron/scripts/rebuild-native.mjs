#!/usr/bin/env node
/*
 * Builds an Electron-ABI copy of better-sqlite3 into node_modules/.electron-native/better_sqlite3.node,
 * leaving node_modules/better-sqlite3/build (the Node build the tests, CLI and browser mode use) untouched:
 * the package is copied to a temp folder and built there. The main process passes the result to
 * better-sqlite3 as `nativeBinding` (electron/main/locations.ts).
 *
 * Needs the internet (a prebuilt binary from GitHub, or Electron's headers from electronjs.org) —
 * so it is run by `npm start` / `npm run rebuild:electron`, never from postinstall.
 *
 *   node electron/scripts/rebuild-native.mjs            build when missing or stale
 *   node electron/scripts/rebuild-native.mjs --force    rebuild even if up to date or the Electron binary is absent
 *   node electron/scripts/rebuild-native.mjs --from-source   skip the prebuilt download, compile with node-gyp
 * Env: AGRI_ELECTRON_DIST_URL — a mirror of https://electronjs.org/headers.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { tmpdir } from 'node:os';
import {
  electronBinary,
  electronVersion,
  NATIVE_BINDING,
  NATIVE_DIR,
  NATIVE_INFO,
  nativeBindingStatus,
  requireFromRoot,
  ROOT,
  run,
  wantedNativeInfo,
} from './common.mjs';

const args = new Set(process.argv.slice(2));
const force = args.has('--force');
const fromSource = args.has('--from-source');
const DIST_URL = process.env.AGRI_ELECTRON_DIST_URL || 'https://electronjs.org/headers';
const PREBUILT_TIMEOUT_MS = 120_000;

const NETWORK_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|\b(403|404|407|5\d\d)\b.*(status|response)|self[- ]signed|unable to get local issuer|request to .* failed|\[timeout after/i;

/** A failure with a message for the user in both languages (thrown so temp folders are still removed). */
class Failure extends Error {
  constructor(chinese, english) {
    super(english);
    this.chinese = chinese;
  }
}

function fail(chinese, english) {
  throw new Failure(chinese, english);
}

function nodeGypScript() {
  const candidates = [];
  try {
    candidates.push(requireFromRoot.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed in the project: fall back to the copy bundled with npm
  }
  if (process.env.npm_config_node_gyp) candidates.push(process.env.npm_config_node_gyp);
  const nodeDir = dirname(process.execPath);
  candidates.push(join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((file) => existsSync(file));
}

/** Copies better-sqlite3 (sources, no build/) to a temp folder so its build never touches node_modules. */
function stagePackage() {
  const source = dirname(requireFromRoot.resolve('better-sqlite3/package.json'));
  const staging = mkdtempSync(join(tmpdir(), 'agri-electron-native-'));
  const target = join(staging, 'better-sqlite3');
  cpSync(source, target, {
    recursive: true,
    filter: (file) => file !== join(source, 'build') && !file.startsWith(join(source, 'build') + sep),
  });
  return { staging, packageDir: target, builtFile: join(target, 'build', 'Release', 'better_sqlite3.node') };
}

async function tryPrebuilt(packageDir, version) {
  let script;
  try {
    script = requireFromRoot.resolve('prebuild-install/bin.js', { paths: [packageDir, ROOT] });
  } catch {
    return { ok: false, network: false };
  }
  console.log(`→ 下载预编译文件 / fetching a prebuilt binary for Electron ${version} (${process.platform}-${process.arch}) …`);
  const result = await run(
    process.execPath,
    [script, '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, `--platform=${process.platform}`, '--verbose'],
    { cwd: packageDir, timeoutMs: PREBUILT_TIMEOUT_MS },
  );
  return { ok: result.code === 0, network: NETWORK_ERROR.test(result.output) };
}

async function compile(packageDir, version) {
  const gyp = nodeGypScript();
  if (!gyp) fail('找不到 node-gyp，无法编译数据库组件。', 'node-gyp not found; cannot compile better-sqlite3 for Electron.');
  const common = [`--target=${version}`, `--arch=${process.arch}`, `--dist-url=${DIST_URL}`];
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: DIST_URL };

  console.log(`→ 下载 Electron ${version} 头文件 / downloading Electron ${version} headers from ${DIST_URL} …`);
  const headers = await run(process.execPath, [gyp, 'install', ...common], { cwd: packageDir, env });
  if (headers.code !== 0) {
    fail(
      `无法下载 Electron 头文件（${DIST_URL}）。本步骤需要联网：请检查网络或代理（HTTPS_PROXY），或用 AGRI_ELECTRON_DIST_URL 指定镜像后重试。`,
      `Could not download the Electron headers from ${DIST_URL}. This step needs the internet: check the network/proxy (HTTPS_PROXY) or set AGRI_ELECTRON_DIST_URL to a mirror, then retry.`,
    );
  }
  console.log('→ 编译 / compiling better-sqlite3 for Electron …');
  const build = await run(process.execPath, [gyp, 'rebuild', '--release', '--runtime=electron', ...common], { cwd: packageDir, env });
  if (build.code !== 0) {
    if (NETWORK_ERROR.test(build.output)) {
      fail('编译时下载失败，请检查网络后重试。', 'A download failed during the build; check the network and retry.');
    }
    fail(
      '编译数据库组件失败：需要 Python 3 和 C++ 编译工具（Windows：Visual Studio 生成工具“使用 C++ 的桌面开发”；Linux：build-essential）。',
      'Compiling better-sqlite3 for Electron failed: it needs Python 3 and a C++ toolchain (Windows: Visual Studio Build Tools "Desktop development with C++"; Linux: build-essential).',
    );
  }
}

async function main() {
  if (!electronBinary() && !force) {
    console.log(
      '跳过：本机未安装 Electron 可执行文件（node_modules/electron/dist 不存在），无需为 Electron 编译数据库组件。\n' +
        'Skipped: the Electron binary is not installed here (node_modules/electron/dist missing), so no Electron build of better-sqlite3 is needed.',
    );
    return;
  }
  const status = nativeBindingStatus();
  if (status === 'ok' && !force) {
    console.log(`已是最新 / up to date: ${NATIVE_BINDING}`);
    return;
  }
  const version = electronVersion();
  const { staging, packageDir, builtFile } = stagePackage();
  try {
    let built = false;
    if (!fromSource) {
      const prebuilt = await tryPrebuilt(packageDir, version);
      built = prebuilt.ok && existsSync(builtFile);
      if (!built) {
        console.log(
          prebuilt.network
            ? '预编译文件下载失败，改为本机编译 / prebuilt download failed, compiling from source instead'
            : '没有可用的预编译文件，改为本机编译 / no prebuilt binary, compiling from source instead',
        );
      }
    }
    if (!built) await compile(packageDir, version);
    if (!existsSync(builtFile)) fail('编译结束但没有生成 better_sqlite3.node。', `The build finished but produced no ${builtFile}.`);

    mkdirSync(NATIVE_DIR, { recursive: true });
    const temporary = `${NATIVE_BINDING}.${process.pid}.tmp`;
    copyFileSync(builtFile, temporary);
    renameSync(temporary, NATIVE_BINDING);
    writeFileSync(NATIVE_INFO, `${JSON.stringify({ ...wantedNativeInfo(), builtAt: new Date().toISOString() }, null, 2)}\n`);
    console.log(`✔ 已生成 / built: ${NATIVE_BINDING}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

main().catch((error) => {
  if (!(error instanceof Failure)) console.error(error);
  const chinese = error instanceof Failure ? error.chinese : '为 Electron 编译数据库组件时出错。';
  const english = error instanceof Failure ? error.message : 'Building better-sqlite3 for Electron failed unexpectedly.';
  console.error(`\n✖ ${chinese}\n✖ ${english}\n`);
  process.exitCode = 1;
});
