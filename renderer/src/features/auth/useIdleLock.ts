import { useEffect, useEffectEvent } from 'react';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;
const CHECK_MS = 5_000;

/** Calls onIdle once when nobody has touched keyboard or mouse for `minutes` (while `active`). */
export function useIdleLock(minutes: number, active: boolean, onIdle: () => void): void {
  const fire = useEffectEvent(onIdle);
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    const seen = () => {
      last = Date.now();
    };
    for (const name of ACTIVITY) window.addEventListener(name, seen, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) {
        window.clearInterval(timer);
        fire();
      }
    }, CHECK_MS);
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, seen, { capture: true });
    };
  }, [minutes, active]);
}
