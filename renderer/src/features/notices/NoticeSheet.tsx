import { formatFen } from '../../../../shared/domain/money';
import type { Notice } from '../../../../shared/schemas/notices';
import { chineseDate } from '../../print/voucher-fields';

const money = (fen: number | null) => (fen === null ? '' : formatFen(fen));
const COLS: [string, number][] = [
  ['序号', 2.5],
  ['县', 3],
  ['乡(镇)', 5],
  ['村组', 5.5],
  ['购机者姓名', 6],
  ['机具品目', 6],
  ['生产厂家', 9],
  ['产品名称', 6],
  ['购买机型', 6.5],
  ['数量(台)', 3.5],
  ['经销商', 8],
  ['购机日期', 8],
  ['单台销售价格', 6.5],
  ['单台补贴额', 6.5],
  ['总补贴额', 6.5],
  ['出厂编号', 7.5],
  ['状态', 4.5],
];

/** The notice as posted on the board: DOMAIN §4's columns, names masked, a total row, where to object. */
export function NoticeSheet({ notice: n }: { notice: Notice }) {
  const qty = n.rows.reduce((a, r) => a + r.quantity, 0);
  return (
    <div className="np-sheet" data-testid="notice-sheet">
      <h1 className="np-title">{n.title}</h1>
      <div className="np-meta">
        <span>公示批次：{n.number}</span>
        <span>
          公示期：{chineseDate(n.startDate)} 至 {chineseDate(n.endDate)}（5个工作日）
        </span>
        <span>公示单位：{n.unitName}</span>
      </div>
      <table className="np-table">
        <colgroup>
          {COLS.map(([h, w]) => (
            <col key={h} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLS.map(([h]) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {n.rows.map((r) => (
            <tr key={r.applicationId}>
              <td>{r.lineNo}</td>
              <td>{r.county}</td>
              <td>{r.townshipName}</td>
              <td>{r.village}</td>
              <td>{r.buyerNameMasked}</td>
              <td>{r.item}</td>
              <td>{r.maker}</td>
              <td>{r.productName}</td>
              <td>{r.model}</td>
              <td>{r.quantity}</td>
              <td>{r.dealer}</td>
              <td>{r.purchaseDate ?? ''}</td>
              <td className="np-money">{money(r.priceFen)}</td>
              <td className="np-money">{money(r.unitSubsidyFen)}</td>
              <td className="np-money">{money(r.totalFen)}</td>
              <td>{r.factoryNo}</td>
              <td>{r.stateLabel}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="notice-total">
            <td colSpan={9}>合计</td>
            <td>{qty}</td>
            <td colSpan={4} />
            <td className="np-money">{formatFen(n.totalFen)}</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
      <div className="np-foot">
        公示期间，如对上述补贴对象、机具或金额有异议，请向 {n.unitName} 实名反映（{n.objectionContact}）。
      </div>
      <div className="np-sign">
        {n.unitName}
        <br />
        {chineseDate(n.startDate)}
      </div>
    </div>
  );
}
