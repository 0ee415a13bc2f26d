import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The fuses the packaged app must flip, and the value each must have. */
const REQUIRED: Record<string, boolean> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};

/** The `electronFuses:` block of electron-builder.yml as key → value (a flat block of `key: true|false`). */
function readFuses(yaml: string): Record<string, string> {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((l) => /^electronFuses:\s*(#.*)?$/.test(l));
  if (start < 0) return {};
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const m = /^\s+([A-Za-z]+):\s*([^\s#]+)\s*(#.*)?$/.exec(line);
    if (!m) break;
    out[m[1] as string] = m[2] as string;
  }
  return out;
}

describe('electron-builder.yml', () => {
  const yaml = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');

  it('sets every required Electron fuse to its safe value', () => {
    const fuses = readFuses(yaml);
    for (const [name, value] of Object.entries(REQUIRED)) expect(fuses[name], `fuse ${name}`).toBe(String(value));
  });

  it('notices a missing or flipped fuse', () => {
    expect(readFuses(yaml.replace(/^\s+runAsNode: false\n/m, '')).runAsNode).toBeUndefined();
    expect(readFuses(yaml.replace('onlyLoadAppFromAsar: true', 'onlyLoadAppFromAsar: false')).onlyLoadAppFromAsar).toBe('false');
  });

  it('packs the app into asar (the integrity fuses need it) and documents where the code-signing certificate goes', () => {
    expect(yaml).toMatch(/^asar: true$/m);
    expect(yaml).toMatch(/CSC_LINK/);
  });
});
