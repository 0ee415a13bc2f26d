import type { Voucher } from '../../../shared/schemas/vouchers';
import type { VoucherLayout } from './print-prefs';
import { VoucherPart } from './VoucherPart';
import '../fonts';
import './print.css';
import './voucher.css';

function CutLine() {
  return (
    <div className="vs-cut" aria-hidden="true">
      <span className="vs-cut-text">✂ 沿此线剪开</span>
    </div>
  );
}

/**
 * A voucher as printed: on A4, the stub (存根联) and the farmer's copy (农户联) on one sheet with a
 * cut line between them; `printNumber` is the print this paper is (第N次打印, 补打 from the second); on A5, each part on a page of its own. Plain black on white, sized in mm.
 */
export function VoucherSheet({ voucher, layout, printNumber }: { voucher: Voucher; layout: VoucherLayout; printNumber: number }) {
  if (layout === 'a5') {
    return (
      <>
        <div className="vs-sheet vs-sheet--a5" data-testid="voucher-sheet">
          <VoucherPart voucher={voucher} copy="stub" cols={2} printNumber={printNumber} />
        </div>
        <div className="vs-sheet vs-sheet--a5" data-testid="voucher-sheet">
          <VoucherPart voucher={voucher} copy="farmer" cols={2} printNumber={printNumber} />
        </div>
      </>
    );
  }
  return (
    <div className="vs-sheet vs-sheet--a4" data-testid="voucher-sheet">
      <VoucherPart voucher={voucher} copy="stub" cols={3} printNumber={printNumber} />
      <CutLine />
      <VoucherPart voucher={voucher} copy="farmer" cols={3} printNumber={printNumber} />
    </div>
  );
}
