import { Alert, Typography } from 'antd';
import { LEDGER_SOURCE_LABEL, type LedgerSource } from '../../../../shared/schemas/ledger-source';

/**
 * On a purchase's or scrap's detail page: the record came from the station's old Excel ledger (file,
 * sheet, row, and what needed attention when it was imported). It was handled and paid on paper, so it
 * gets no voucher here; the page hides 出具并打印凭证 for it.
 */
export function LedgerSourceNote({ source }: { source: LedgerSource }) {
  return (
    <Alert
      type="info"
      showIcon
      data-testid="ledger-source"
      title={
        <span>
          {LEDGER_SOURCE_LABEL}（{source.fileName}，工作表“{source.sheet}”，第 {source.row} 行）
        </span>
      }
      description={
        <div>
          <div>该记录已按原台账办理（兑付在纸面台账上完成），本软件不再为其开具补贴凭证；它计入进度并参与防重复核查。</div>
          {source.flags.length > 0 && (
            <div style={{ marginTop: 4 }}>
              <Typography.Text type="warning">导入时需注意：</Typography.Text>
              {source.flags.map((f) => (
                <div key={f}>
                  <Typography.Text type="warning">· {f}</Typography.Text>
                </div>
              ))}
            </div>
          )}
        </div>
      }
    />
  );
}
