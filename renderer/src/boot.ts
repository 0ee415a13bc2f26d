import { BOOT_ELEMENT_ID, type BootData } from '../../shared/api/boot';
import type { SessionInfo } from '../../shared/schemas/auth';
import type { Settings } from '../../shared/schemas/settings';
import { api, ApiError } from './api/client';

/** The first screen's data: the installation's settings and, once it is set up, this window's session. */
export interface Boot {
  settings: Settings;
  session: SessionInfo | null;
}

/** The data block the browser-mode server put in the page (shared/api/boot.ts); read once. */
function readPageBoot(): Boot | Error | undefined {
  const element = document.getElementById(BOOT_ELEMENT_ID);
  if (!element?.textContent) return undefined;
  element.remove();
  try {
    const data = JSON.parse(element.textContent) as BootData;
    if (!data.settings.ok) return new ApiError(data.settings.error);
    return { settings: data.settings.data, session: data.session?.ok ? data.session.data : null };
  } catch {
    return undefined; // asked again below
  }
}

/** Both asked at once (the desktop app, the dev server): no round trip waits for the other. */
async function askBoot(): Promise<Boot> {
  const session = api.auth.session({}).catch(() => null);
  const settings = await api.settings.get({});
  return { settings, session: settings.configured ? await session : null };
}

const inPage = readPageBoot();
/** Known when this module runs (the page carried it), so the first render is the first screen itself. */
export const bootNow: Boot | undefined = inPage instanceof Error ? undefined : inPage;
let pending: Promise<Boot> | undefined = bootNow ? undefined : inPage instanceof Error ? Promise.reject(inPage) : askBoot();
pending?.catch(() => undefined); // handled where it is taken

/** The startup answer the first time (unless it was in the page), a fresh one after that (retry). */
export function takeBoot(): Promise<Boot> {
  const first = pending;
  pending = undefined;
  return first ?? askBoot();
}
