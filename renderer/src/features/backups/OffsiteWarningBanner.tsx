import { Alert } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';

/** 首页提醒: shown while the removable (offsite) copy is missing or over 7 days old. Mount it on the home screen. */
export function OffsiteWarningBanner() {
  const { data } = useApiQuery('backups.list', () => api.backups.list({}));
  const navigate = useNavigate();
  const warning = data?.config.offsiteWarning;
  if (!warning) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="offsite-warning"
      message="数据备份提醒"
      description={warning}
      action={<a onClick={() => void navigate('/settings?tab=backups')}>去设置</a>}
    />
  );
}
