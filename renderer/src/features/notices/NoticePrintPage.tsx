import '../../fonts';
import '../../print/print.css';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Spin, Typography } from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { desktop } from '../../api/desktop';
import { useApiQuery } from '../../hooks/useApiQuery';
import { errorText } from './errors';
import { NoticeSheet } from './NoticeSheet';
import './notice-print.css';

/**
 * /print/notice/:id — the 公示表 as it prints (A4 landscape), without the app's menu. Printing or saving a PDF
 * goes through notices.exportPdf first, so every printout is counted and audited.
 */
export function NoticePrintPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const notice = useApiQuery(`notice-print:${id}`, () => api.notices.get({ id }));

  const run = async (mode: 'print' | 'pdf') => {
    try {
      const n = await api.notices.exportPdf({ id });
      await document.fonts.ready;
      if (!desktop.available) return window.print();
      if (mode === 'pdf') {
        const saved = await desktop.savePdf({ fileName: `公示表-${n.number}`, cssPage: true });
        if (saved.saved) void message.success(`已保存 PDF：${saved.path ?? ''}`);
      } else {
        const done = await desktop.print({ pageSize: 'A4', copies: 1, cssPage: true });
        if (!done.printed) void message.warning(`未打印：${done.reason ?? '已取消'}`);
      }
    } catch (e) {
      void message.error(errorText(e, '打印失败，请重试'));
    }
  };

  return (
    <div className="np-page" data-testid="notice-print-page">
      <div className="print-toolbar no-print">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => (location.key === 'default' ? navigate(`/notices/${id}`) : navigate(-1))}>
            返回
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => void run('print')} data-testid="notice-print-run">
            打印
          </Button>
          {desktop.available && <Button onClick={() => void run('pdf')}>保存为 PDF</Button>}
          <Typography.Text type="secondary">A4 横向；姓名已脱敏，不含身份证号、电话、银行卡号和住址</Typography.Text>
        </Space>
      </div>
      {notice.error && <Alert type="error" showIcon title={notice.error} />}
      {!notice.data && !notice.error && <Spin size="large" style={{ display: 'block', marginTop: 80 }} />}
      {notice.data && <NoticeSheet notice={notice.data} />}
    </div>
  );
}
