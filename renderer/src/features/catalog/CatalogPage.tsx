import { chinaDateTime, chinaYearNow } from '../../../../shared/domain/civil-date';
import { useCan } from '../../session-context';
import { DownloadOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CatalogVersion } from '../../../../shared/schemas/catalog';
import { api } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { useExportJob } from '../../hooks/useExportJob';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useDebounced } from '../../hooks/useDebounced';
import { CatalogTable } from './CatalogTable';
import { ImportDialog } from './ImportDialog';

type Scope = 'all' | 'scrap' | 'purchase';
const SCOPES: { value: Scope; label: string }[] = [
  { value: 'all', label: '全部品目' },
  { value: 'scrap', label: '报废更新范围' },
  { value: 'purchase', label: '购置补贴' },
];

function versionLabel(v: CatalogVersion) {
  return (
    <Space size={4}>
      <span>
        {v.year}年 · {v.title}
      </span>
      {v.isSample && <Tag color="orange">示例</Tag>}
      {v.supersededAt ? <Tag>已被替换</Tag> : <Tag color="green">现行</Tag>}
    </Space>
  );
}

function VersionFacts({ version }: { version: CatalogVersion }) {
  return (
    <Descriptions size="small" column={4} data-testid="catalog-version-facts">
      {!version.isSample && (
        <Descriptions.Item label="来源" span={4}>
          {version.source}
        </Descriptions.Item>
      )}
      <Descriptions.Item label="导入时间">{chinaDateTime(version.importedAt)}</Descriptions.Item>
      <Descriptions.Item label="导入人">{version.importedBy}</Descriptions.Item>
      <Descriptions.Item label="分档数">{version.bandCount}</Descriptions.Item>
      {!(version.fileName && version.source.includes(version.fileName)) && (
        <Descriptions.Item label="文件">{version.fileName ?? '随软件提供'}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** 补贴额一览表: the catalogue by year, searchable by 品目 name or pinyin initials; import and export. */
export function CatalogPage() {
  const can = useCan();
  const [versionId, setVersionId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [scope, setScope] = useState<Scope>('all');
  const [importing, setImporting] = useState(false);
  const exporter = useExportJob();
  const query = useDebounced(q.trim(), 200);
  const scrapScope = scope === 'all' ? undefined : scope === 'scrap';
  const result = useApiQuery(JSON.stringify([versionId, query, scope]), () => api.catalog.list({ versionId, q: query, scrapScope }));
  const data = result.data;
  const version = data?.version ?? null;

  const exportExcel = async () => {
    if (!version) return;
    await exporter.run(
      () => api.catalog.export({ year: version.year, versionId: version.id }),
      (file) => `已导出：${file.fileName}`,
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" size="middle" wrap>
        <Typography.Title level={4} className="page-title" style={{ margin: 0 }}>
          补贴额一览表
        </Typography.Title>
        {version?.isSample && (
          <Tag color="orange" style={{ fontSize: 16, lineHeight: '26px', padding: '0 12px' }} data-testid="sample-tag">
            示例
          </Tag>
        )}
        {version?.supersededAt && (
          <Tag style={{ fontSize: 14, lineHeight: '24px' }} data-testid="superseded-tag">
            已被替换
          </Tag>
        )}
      </Space>
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text>年度 / 版本</Typography.Text>
            <Select<string>
              style={{ minWidth: 420 }}
              value={version?.id}
              placeholder="尚无补贴额一览表，请导入"
              options={(data?.versions ?? []).map((v) => ({ value: v.id, label: versionLabel(v) }))}
              onChange={(id) => setVersionId(id)}
              data-testid="catalog-version"
            />
            {can('catalog.import') && (
              <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="catalog-import">
                导入目录
              </Button>
            )}
            <Button
              icon={<DownloadOutlined />}
              disabled={!version}
              loading={exporter.exporting}
              onClick={() => void exportExcel()}
              data-testid="catalog-export"
            >
              导出 Excel
            </Button>
          </Space>
          {exporter.job.status && (
            <div style={{ maxWidth: 480 }}>
              <JobProgress status={exporter.job.status} onCancel={exporter.job.cancel} />
            </div>
          )}
          {version?.isSample && (
            <Alert
              type="warning"
              showIcon
              title="示例目录，不是冠县正式的补贴额一览表"
              description={`来源：${version.source}。请导入省（县）正式发布的补贴额一览表后再用于核定补贴。`}
              data-testid="sample-notice"
            />
          )}
          {version?.supersededAt && (
            <Alert
              type="info"
              showIcon
              title={`该版本已于 ${chinaDateTime(version.supersededAt)} 被新导入的目录替换，仅供查阅按它核定的记录`}
            />
          )}
          {version && <VersionFacts version={version} />}
          <Space wrap>
            <Input
              allowClear
              autoFocus
              prefix={<SearchOutlined />}
              placeholder="品目名称、拼音或首字母（如 tlj 拖拉机）"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              style={{ width: 360 }}
              data-testid="catalog-search"
            />
            <Segmented<Scope> options={SCOPES} value={scope} onChange={setScope} />
          </Space>
        </Space>
      </Card>
      {result.error && <Alert type="error" showIcon title={result.error} />}
      <Card styles={{ body: { padding: 0 } }}>
        <CatalogTable
          bands={data?.bands ?? []}
          loading={result.loading}
          empty={version ? '没有匹配的品目' : '尚无补贴额一览表，请点击“导入目录”'}
        />
      </Card>
      {importing && (
        <ImportDialog
          open
          defaultYear={version?.year ?? chinaYearNow()}
          onClose={() => setImporting(false)}
          onImported={(v) => {
            setImporting(false);
            setQ('');
            setVersionId(v.id);
            result.reload();
          }}
        />
      )}
    </Space>
  );
}
