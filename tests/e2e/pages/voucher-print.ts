import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { ARTIFACTS } from '../fixtures';

/** The print route /print/vouchers: toolbar (never printed) over the sheets as they print. */
export class VoucherPrintModel {
  readonly toolbar: Locator;
  readonly sheets: Locator;
  readonly printButton: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.getByTestId('print-toolbar');
    this.sheets = page.getByTestId('voucher-sheet');
    this.printButton = page.getByTestId('print-button');
  }

  /**
   * Browser mode prints with window.print(): replace it before the page loads so no dialog blocks the test.
   * Like a real dialog it fires 'afterprint' when done; it notes what the paper said (the print marks).
   */
  static async stubPrintDialog(page: Page) {
    await page.addInitScript(() => {
      const w = window as unknown as { print: () => void; __prints: number; __printMarks: string[] };
      w.__prints = 0;
      w.__printMarks = [];
      w.print = () => {
        w.__prints += 1;
        w.__printMarks.push(Array.from(document.querySelectorAll('[data-testid="print-mark"]'), (e) => e.textContent).join('|'));
        window.dispatchEvent(new Event('afterprint'));
      };
    });
  }

  /** What each print's paper said (第N次打印, 补打), in browser mode. */
  async printedMarks(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __printMarks: string[] }).__printMarks);
  }

  /**
   * Pretends to be the desktop app: a preload-style bridge that carries contract calls over the page's
   * HTTP server and answers desktop.* (printers, print, savePdf) itself, noting each call and what the
   * sheet showed at that moment.
   */
  static async fakeDesktopBridge(page: Page) {
    await page.addInitScript(() => {
      const calls: { method: string; input: unknown; mark: string }[] = [];
      const answers: Record<string, unknown> = {
        'desktop.printers': {
          printers: [
            { name: 'HP_LaserJet_1020', displayName: 'HP LaserJet 1020', isDefault: true },
            { name: 'Canon_LBP2900', displayName: 'Canon LBP2900', isDefault: false },
          ],
        },
        'desktop.print': { printed: true, reason: null },
        'desktop.savePdf': { saved: true, path: 'D:\\凭证\\补贴凭证.pdf' },
      };
      Object.assign(window, {
        __desktopCalls: calls,
        agriBridge: {
          async invoke(method: string, input: unknown) {
            if (method in answers) {
              const mark = Array.from(document.querySelectorAll('[data-testid="print-mark"]'), (e) => e.textContent).join('|');
              calls.push({ method, input, mark });
              const w = window as unknown as { __cancelNextPrint?: boolean };
              if (method === 'desktop.print' && w.__cancelNextPrint) {
                w.__cancelNextPrint = false;
                return { ok: true, data: { printed: false, reason: '已取消' } };
              }
              return { ok: true, data: answers[method] };
            }
            const token = document.querySelector<HTMLMetaElement>('meta[name="agri-token"]')?.content ?? '';
            const r = await fetch(`/rpc/${method}`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'X-Agri-Token': token },
              body: JSON.stringify(input ?? {}),
            });
            return r.json();
          },
          onEvent: () => () => undefined,
        },
      });
    });
  }

  async desktopCalls(): Promise<{ method: string; input: Record<string, unknown>; mark: string }[]> {
    return this.page.evaluate(() => (window as unknown as { __desktopCalls: never[] }).__desktopCalls);
  }

  async printDialogCalls(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __prints: number }).__prints);
  }

  async expectShown(count: number) {
    await expect(this.toolbar).toBeVisible();
    await expect(this.sheets).toHaveCount(count);
    await expect(this.page.locator('.ant-layout-sider')).toHaveCount(0);
  }

  async chooseLayout(label: 'A4 两联' | 'A5 单联') {
    await this.page.getByTestId('layout-switch').getByText(label, { exact: true }).click();
  }

  /** Clicks 打印 (a reprint: gives the reason asked for) and waits until the dialog has opened. */
  async print(reprintReason?: string) {
    const before = await this.printDialogCalls();
    await this.printButton.click();
    if (reprintReason) await this.giveReprintReason(reprintReason);
    await expect.poll(() => this.printDialogCalls()).toBe(before + 1);
  }

  async giveReprintReason(reason: string) {
    const box = this.page.getByTestId('reprint-reason');
    await expect(box).toBeVisible();
    await box.fill(reason);
    await this.page.getByTestId('reprint-confirm').click();
  }

  /** The page as Chromium prints it, kept under tests/artifacts/e2e; returns the path. */
  async pdf(name: string, format: 'A4' | 'A5' = 'A4'): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
    // the page prints its sheets only during a print it counts (stubbed dialogs are over by now): arm it to see the paper
    await this.page.evaluate(() => document.querySelector('.vs-unarmed')?.classList.remove('vs-unarmed'));
    await this.page.emulateMedia({ media: 'print' });
    const path = join(ARTIFACTS, `${name}.pdf`);
    await this.page.pdf({ format, printBackground: true, preferCSSPageSize: format !== 'A4', path });
    await this.page.emulateMedia({ media: 'screen' });
    return path;
  }
}

function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

/** Text of a PDF with its layout kept (poppler's pdftotext). */
export const pdfText = (path: string) => run('pdftotext', ['-layout', path, '-']);

/** Page count and page size (points) from pdfinfo. */
export function pdfInfo(path: string): { pages: number; size: string } {
  const out = run('pdfinfo', [path]);
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1]), size: /Page size:\s+(.+)/.exec(out)?.[1]?.trim() ?? '' };
}

/** The base names of the fonts embedded in the PDF (pdffonts), without the subset tag (ABCDEF+). */
export function pdfFonts(path: string): string[] {
  const lines = run('pdffonts', [path]).split('\n').slice(2);
  return [
    ...new Set(
      lines
        .map(
          (l) =>
            l
              .trim()
              .split(/\s+/)[0]
              ?.replace(/^[A-Z]{6}\+/, '') ?? '',
        )
        .filter(Boolean),
    ),
  ];
}

/** PNGs of every page at 80 dpi next to the PDF (name-1.png, name-2.png …), for people to look at. */
export function pdfToPng(path: string, dpi = 80): void {
  run('pdftoppm', ['-png', '-r', String(dpi), path, path.replace(/\.pdf$/, '')]);
}
