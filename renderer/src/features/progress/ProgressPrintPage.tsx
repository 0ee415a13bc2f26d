import '../../fonts';
import { chinaTodayNow, chinaYearNow } from '../../../../shared/domain/civil-date';
import '../../print/print.css';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { TOWNSHIP_CODES } from '../../../../shared/domain/townships';
import { api, ApiError } from '../../api/client';
import { desktop } from '../../api/desktop';
import { EChart } from '../../components/EChart';
import { useApiQuery } from '../../hooks/useApiQuery';
import { chineseDate } from '../../print/voucher-fields';
import { useSettings } from '../../settings-context';
import { cumulativeOption, monthlyOption } from './chart-options';
import { FundsTable, SummaryTable, TownshipPrintTable } from './PrintTables';
import './progress.css';

/**
 * /print/progress?year=2025[&township=…] — the progress report on A4, without the app's menu: the page is
 * the paper. The toolbar is never printed; the browser's dialog (or the desktop printer) prints the sheet.
 */
export function ProgressPrintPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const { settings } = useSettings();
  const year = Number(params.get('year')) || chinaYearNow();
  const township = settings.role === 'county' ? TOWNSHIP_CODES.find((c) => c === params.get('township')) : undefined;
  const input = { year, townshipCode: township };
  const key = `${year}:${township ?? ''}`;
  const summary = useApiQuery(`p-summary:${key}`, () => api.progress.summary(input));
  const monthly = useApiQuery(`p-monthly:${key}`, () => api.progress.monthly(input));
  const townships = useApiQuery(`p-town:${key}`, () =>
    settings.role === 'county' && !township ? api.progress.byTownship({ year }) : Promise.resolve(null),
  );
  const s = summary.data;
  const m = monthly.data;
  const cumulative = useMemo(() => (m ? cumulativeOption(m) : null), [m]);
  const byMonth = useMemo(() => (m ? monthlyOption(m) : null), [m]);
  const error = summary.error ?? monthly.error ?? townships.error;

  const print = async () => {
    await document.fonts.ready;
    if (!desktop.available) {
      window.print();
      return;
    }
    try {
      const done = await desktop.print({ pageSize: 'A4', copies: 1 });
      if (!done.printed) void message.warning(`未打印：${done.reason ?? '已取消'}`);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : '打印失败，请重试');
    }
  };
  const back = () =>
    location.key === 'default' ? navigate(`/progress?year=${year}${township ? `&township=${township}` : ''}`) : navigate(-1);

  return (
    <div className="pp-print" data-testid="progress-print">
      <div className="pp-toolbar no-print">
        <Button icon={<ArrowLeftOutlined />} onClick={back}>
          返回
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => void print()} disabled={!s || !m} data-testid="print-now">
          打印
        </Button>
        <Typography.Text type="secondary">A4 纵向；打印时不含本工具栏。</Typography.Text>
      </div>
      {error && <Alert className="no-print" type="error" showIcon title={error} style={{ margin: 16 }} />}
      {!s || !m || !cumulative || !byMonth ? (
        <Spin size="large" style={{ display: 'block', marginTop: 80 }} />
      ) : (
        <div className="pp-sheet">
          <h1>
            {s.scope.name} {year} 年农机更新目标进度报告
          </h1>
          <div className="pp-meta">
            截至 {s.asOf}
            {'\u3000'}制表单位：{settings.unitName}
            {s.targetsAreDefault ? '\u3000（目标为县政府方案默认值）' : ''}
          </div>
          <h2>一、主要指标</h2>
          <SummaryTable s={s} />
          <h2>二、补贴资金及其他目标</h2>
          <FundsTable s={s} />
          <div className="pp-note">{s.countingRule.text}</div>
          <h2>三、累计进度与逐月完成</h2>
          <div className="pp-chart">
            <EChart option={cumulative} style={{ height: 230 }} testId="print-chart-cumulative" />
          </div>
          <div className="pp-chart">
            <EChart option={byMonth} style={{ height: 210 }} testId="print-chart-monthly" />
          </div>
          {townships.data && (
            <>
              <h2>四、各乡镇（街道）进度</h2>
              <TownshipPrintTable data={townships.data} />
              <div className="pp-note">
                红色为进度滞后（任一指标低于均衡进度 5% 以上）的乡镇；目标为县局分解数
                {townships.data.sharesAreDefault ? '（尚未分解，按平均分配）' : ''}。
              </div>
            </>
          )}
          <div className="pp-footer">
            <span>制表人：____________</span>
            <span>审核人：____________</span>
            <span>打印日期：{chineseDate(chinaTodayNow())}</span>
          </div>
        </div>
      )}
    </div>
  );
}
