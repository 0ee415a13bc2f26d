import { Alert, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { chinaDate } from '../../../../shared/domain/civil-date';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useSettings } from '../../settings-context';

/** 首页: the county package in force (its date) at a station, and a reminder once it is older than the configured days. */
export function PackageBanner() {
  const { settings } = useSettings();
  const station = settings.role === 'station';
  const { data } = useApiQuery(`package-status#${station}`, () => (station ? api.settings.packageStatus({}) : Promise.resolve(null)));
  const navigate = useNavigate();
  if (!station || !data) return null;
  const date = data.loaded ? chinaDate(data.loaded.exportedAt) : null;
  if (!data.stale) {
    return (
      <Typography.Text type="secondary" data-testid="package-date">
        县局下发包：{date} 导出（已 {data.loaded?.ageDays ?? 0} 天），全县农机号码 {data.loaded?.summary.machineIndex ?? 0} 条
      </Typography.Text>
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="package-reminder"
      message="县局下发包提醒"
      description={
        date
          ? `本站的县局下发包是 ${date} 导出的，已超过 ${data.staleAfterDays} 天：请向县农业农村局索取最新的下发包并导入，窗口才能查到其他乡镇新近申请补贴的农机。`
          : '本站还没有导入县局下发包：导入后，窗口扫码时才能发现在其他乡镇申请过补贴或登记过报废的农机。'
      }
      action={<a onClick={() => void navigate('/settings?tab=county')}>去导入</a>}
    />
  );
}
