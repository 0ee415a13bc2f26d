import { theme, type ThemeConfig } from 'antd';
import built from 'virtual:antd-styles/map-token';
import { THEME } from './theme';

type MapToken = ReturnType<typeof theme.defaultAlgorithm>;
type SeedToken = Parameters<typeof theme.defaultAlgorithm>[0];

/**
 * antd's default algorithm, answered from the build for the app's own seed: the build ran it on the very seed
 * antd hands it here (build/antd-styles.ts), so the first screen does not work out colour palettes at start on
 * an old PC. Any other seed (a theme nested below, a changed antd) is worked out as before.
 */
function defaultAlgorithmFromBuild(seed: SeedToken): MapToken {
  if (built && JSON.stringify(seed) === built.seed) return { ...(built.map as unknown as MapToken) };
  return theme.defaultAlgorithm(seed);
}

/** The app's theme (theme.ts) as the page uses it. */
export const RUNTIME_THEME: ThemeConfig = { ...THEME, algorithm: defaultAlgorithmFromBuild };
