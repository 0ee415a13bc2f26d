import type { Voucher } from '../../../shared/schemas/vouchers';
import { QrCode } from './QrCode';
import { chineseDate, packRows, voucherSections, type VoucherCopy } from './voucher-fields';

const COPIES: Record<VoucherCopy, { no: string; name: string; keeper: string }> = {
  stub: { no: '第一联', name: '存根联', keeper: '乡镇农机站留存' },
  farmer: { no: '第二联', name: '农户联', keeper: '交购机者收执' },
};

interface Props {
  voucher: Voucher;
  copy: VoucherCopy;
  /** Label/value pairs per table row: 3 on the A4 half sheet, 2 on an A5 page. */
  cols: number;
  /** Which print this paper is: the count after it (the preview shows what the paper will carry). */
  printNumber: number;
}

/** The printed count: a print after the first is a 补打 (reprint) and says so conspicuously. */
function PrintMark({ count }: { count: number }) {
  if (count < 1) return null;
  return (
    <div className="vs-printmark" data-testid="print-mark">
      {count > 1 && <div className="vs-reprint">补打</div>}
      <div className="vs-printcount">第{count}次打印</div>
    </div>
  );
}

/** One part of a voucher (存根联 or 农户联): heading with QR code, the facts grid, signatures. */
export function VoucherPart({ voucher: v, copy, cols, printNumber }: Props) {
  const s = v.snapshot;
  const c = COPIES[copy];
  const sections = voucherSections(v, copy).map((sec) => ({ title: sec.title, rows: packRows(sec.fields, cols) }));
  return (
    <section className={`vs-part vs-part--${copy}`} data-testid={`voucher-part-${copy}`} data-number={v.number}>
      <header className="vs-head">
        <div className="vs-head-left">
          <div className="vs-copy">
            <div className="vs-copy-no">{c.no}</div>
            <div className="vs-copy-name">{c.name}</div>
          </div>
          <div className="vs-keeper">（{c.keeper}）</div>
          <PrintMark count={printNumber} />
        </div>
        <div className="vs-head-main">
          <h1 className="vs-title">{s.title}</h1>
          <div className="vs-meta">
            <span>
              凭证编号：<b className="vs-number">{v.number}</b>
            </span>
            <span>出具日期：{chineseDate(v.issueDate)}</span>
          </div>
          <div className="vs-meta vs-meta--unit">出具单位：{s.unitName}</div>
        </div>
        <div className="vs-head-qr">
          <QrCode text={v.qrPayload} className="vs-qr" />
          <div className="vs-qr-number">{v.number}</div>
        </div>
      </header>

      <table className="vs-grid">
        <colgroup>
          <col className="vs-col-section" />
          {Array.from({ length: cols }, (_, i) => [
            <col key={`l${i}`} className="vs-col-label" />,
            <col key={`v${i}`} className={i < cols - 1 ? `vs-col-value-${i + 1}` : undefined} />,
          ])}
        </colgroup>
        <tbody>
          {sections.flatMap((sec) =>
            sec.rows.map((row, r) => (
              <tr key={`${sec.title}-${r}`}>
                {r === 0 && (
                  <th rowSpan={sec.rows.length} className="vs-section" scope="rowgroup">
                    {sec.title}
                  </th>
                )}
                {row.fields.map((f) => [
                  <th key={`${f.label}-l`} className="vs-label" scope="row">
                    {f.label}
                  </th>,
                  <td
                    key={`${f.label}-v`}
                    colSpan={f.span * 2 - 1}
                    className={['vs-value', f.money ? 'vs-money' : '', f.strong ? 'vs-strong' : ''].join(' ').trim()}
                    data-testid={f.testId}
                  >
                    {f.value}
                  </td>,
                ])}
              </tr>
            )),
          )}
        </tbody>
      </table>

      <div className="vs-signs">
        <div className="vs-sign">
          <div className="vs-sign-label">经办人（签字）</div>
          <div className="vs-sign-foot">{s.operator}</div>
        </div>
        <div className="vs-sign">
          <div className="vs-sign-label">农户签字（按手印）</div>
          <div className="vs-sign-foot">{'年\u3000\u3000月\u3000\u3000日'}</div>
        </div>
        <div className="vs-sign">
          <div className="vs-sign-label">单位盖章</div>
          <div className="vs-sign-foot">{s.unitName}（盖章）</div>
        </div>
      </div>

      <footer className="vs-foot">
        <span>扫描二维码或在农机站「凭证核验」输入编号可查验真伪；涂改无效。</span>
        <span>校验码：{v.checkCode}</span>
      </footer>
    </section>
  );
}
