/**
 * The bundled CJK font (Noto Sans SC 400/500/700): some 300 @font-face rules, each a unicode range whose file
 * the browser fetches only when text needs it. Not part of the first screen (main.tsx loads this after it is
 * painted, the system's CJK font shows until then); every print layout imports it, so vouchers, notices and
 * reports always print in it (their chunk waits for this stylesheet, and they wait for document.fonts.ready).
 */
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/500.css';
import '@fontsource/noto-sans-sc/700.css';
