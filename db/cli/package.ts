import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { openCore } from '../app';
import { buildCountyPackage } from '../county-package/export';
import { importCountyPackage } from '../county-package/load';
import { asUser, signInCli } from './credentials';

const out = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** `agri export-package --out FILE --user NAME`: the county writes the signed package for every station. */
export async function exportPackageCommand(dbPath: string, outFile: string, user: string | undefined): Promise<number> {
  const core = openCore(dbPath);
  try {
    const actor = await signInCli(core, user);
    const built = asUser(core, actor, 'county.exportPackage', () => buildCountyPackage(core.ctx));
    const path = resolve(outFile);
    writeFileSync(path, built.bytes);
    process.stderr.write(`已导出县局下发包，县局密钥指纹 ${built.fingerprint}（各站首次导入时核对）\n`);
    out({ ok: true, data: { path, sizeBytes: built.bytes.length, exportedAt: built.body.exportedAt, fingerprint: built.fingerprint, summary: built.summary } });
    return 0;
  } finally {
    core.close();
  }
}

/**
 * `agri import-package [--fingerprint XXXX-…] --user NAME FILE`: a station loads the county package. The first
 * package pins the county key only when --fingerprint repeats the fingerprint read from the county.
 */
export async function importPackageCommand(dbPath: string, file: string | undefined, fingerprint: string | undefined, user: string | undefined): Promise<number> {
  if (!file) {
    process.stderr.write('请给出要导入的县局下发包文件\n');
    return 2;
  }
  const core = openCore(dbPath);
  try {
    const actor = await signInCli(core, user);
    const base64 = readFileSync(file).toString('base64');
    const result = asUser(core, actor, 'settings.importPackage', () =>
      importCountyPackage(core.ctx, { fileName: basename(file), base64, confirmFingerprint: fingerprint }),
    );
    if (result.status === 'needsConfirmation') {
      process.stderr.write(
        `本站尚未登记县局密钥。下发包的县局密钥指纹为 ${result.fingerprint}：请与县农业农村局电话核对后，用 --fingerprint ${result.fingerprint} 再次导入\n`,
      );
      out({ ok: false, error: { code: 'VALIDATION', message: '需要核对并确认县局密钥指纹', details: result } });
      return 1;
    }
    process.stderr.write(`${result.message}\n`);
    out({ ok: true, data: result });
    return 0;
  } finally {
    core.close();
  }
}
