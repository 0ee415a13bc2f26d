import { Card, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { ConflictsPanel } from './ConflictsPanel';
import { ImportLog } from './ImportLog';
import { ImportPanel } from './ImportPanel';
import { ReportingPanel } from './ReportingPanel';
import { StationsPanel } from './StationsPanel';
import { ExportPackagePanel } from '../county-package/ExportPackagePanel';

/** 县级汇总: receive the stations' files, see what came in, check cross-station conflicts, see who is silent. */
export function CountyPage() {
  const [refreshKey, setRefreshKey] = useState(0);
  return (
    <>
      <Typography.Title level={4} className="page-title">
        县级汇总 · 站点数据导入与核查
      </Typography.Title>
      <Card>
        <Tabs
          items={[
            { key: 'import', label: '导入站点数据', children: <ImportPanel onImported={() => setRefreshKey((k) => k + 1)} /> },
            { key: 'conflicts', label: '冲突核查', children: <ConflictsPanel refreshKey={refreshKey} /> },
            { key: 'reporting', label: '上报情况', children: <ReportingPanel refreshKey={refreshKey} /> },
            { key: 'stations', label: '站点密钥', children: <StationsPanel refreshKey={refreshKey} /> },
            { key: 'package', label: '县局下发包', children: <ExportPackagePanel /> },
            { key: 'log', label: '导入记录', children: <ImportLog refreshKey={refreshKey} /> },
          ]}
        />
      </Card>
    </>
  );
}
