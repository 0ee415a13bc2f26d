import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { extractAntdStyles } from '../../build/antd-static-styles';
import { THEME } from '../../renderer/src/theme';

/**
 * The page takes antd's map token from the build for the app's own seed (renderer/src/runtime-theme.ts) instead
 * of working out the colour palettes at start: the tokens it ends with must be exactly antd's own.
 */
describe('the theme map token computed at build time', () => {
  it('gives the very design tokens antd computes for the app theme', () => {
    const built = extractAntdStyles().mapToken;
    expect(built).not.toBeNull();
    const seeds: string[] = [];
    const fromBuild = (seed: Parameters<typeof theme.defaultAlgorithm>[0]) => {
      seeds.push(JSON.stringify(seed));
      return { ...(built?.map as unknown as ReturnType<typeof theme.defaultAlgorithm>) };
    };
    expect(theme.getDesignToken({ ...THEME, algorithm: fromBuild })).toEqual(theme.getDesignToken(THEME));
    // antd handed the algorithm the seed the build answered for, so the page takes the built answer
    expect(seeds).toEqual([built?.seed]);
    // and the answer is antd's for that seed, not for the default one
    expect(built?.map).toMatchObject({ colorPrimary: '#1f6f43', borderRadius: 4 });
  }, 120_000);
});
