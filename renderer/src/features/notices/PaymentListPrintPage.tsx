import '../../fonts';
import '../../print/print.css';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatFen, fenToUppercase } from '../../../../shared/domain/money';
import { chinaDate } from '../../../../shared/domain/civil-date';
import { loadPaymentSummary } from './payment-summary';
import './notice-print.css';

/** /print/payment-list — the signed summary that goes with the bank's 代发清单 (accounts masked here). */
export function PaymentListPrintPage() {
  const navigate = useNavigate();
  const s = loadPaymentSummary();
  if (!s) return <Result status="warning" title="没有可打印的代发清单" subTitle="请先在公示批次中选择可兑付的申请并导出代发清单" />;
  return (
    <div className="np-page" data-testid="payment-summary-page">
      <div className="print-toolbar no-print">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            返回
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      </div>
      <div className="np-sheet">
        <h1 className="np-title">{s.unitName} 农机补贴资金代发清单（汇总）</h1>
        <div className="np-meta">
          <span>公示批次：{s.noticeNumber}</span>
          <span>
            导出：{s.exportedBy}，{chinaDate(s.exportedAt)}
          </span>
          <span>内部资料 · 完整账号见交银行的 Excel 清单</span>
        </div>
        <table className="np-table">
          <thead>
            <tr>
              <th style={{ width: '6%' }}>序号</th>
              <th>户名</th>
              <th>账号（脱敏）</th>
              <th>金额（元）</th>
              <th>开户行</th>
              <th>用途</th>
              <th>备注</th>
            </tr>
          </thead>
          <tbody>
            {s.lines.map((l) => (
              <tr key={l.applicationId}>
                <td>{l.lineNo}</td>
                <td>{l.accountName}</td>
                <td>{l.accountMasked}</td>
                <td className="np-money">{formatFen(l.amountFen)}</td>
                <td>{l.bankName}</td>
                <td>{l.purpose}</td>
                <td>{l.remark}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="payment-summary-total">
              <td colSpan={3}>合计 {s.rowCount} 笔</td>
              <td className="np-money">{formatFen(s.totalFen)}</td>
              <td colSpan={3}>{fenToUppercase(s.totalFen)}</td>
            </tr>
          </tfoot>
        </table>
        <div className="np-sign" style={{ textAlign: 'left', display: 'flex', justifyContent: 'space-between', marginTop: '12mm' }}>
          <span>经办人：____________</span>
          <span>审核人：____________</span>
          <span>站长：____________</span>
          <span>日期：____________</span>
        </div>
      </div>
    </div>
  );
}
