import { steppingClock, tempCore, type TempCore } from './core';
import { setUpInstallation } from './setup';

/**
 * A temporary county installation, set up and signed in, its clock stepping from `at` (UTC ms). Pushed
 * onto `keep` when given, for the caller's afterAll to dispose.
 */
export async function countyCore(at: number, keep?: TempCore[], name = '县局审核员'): Promise<TempCore> {
  const core = tempCore({ now: steppingClock(at) });
  await setUpInstallation(core, { role: 'county', name });
  keep?.push(core);
  return core;
}
