import { OffsiteWarningBanner } from '../backups/OffsiteWarningBanner';
import { PackageBanner } from '../county-package/PackageBanner';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Drawer, Input, Space, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useDebounced } from '../../hooks/useDebounced';
import { useSettings } from '../../settings-context';
import { FarmerForm } from './FarmerForm';
import { FarmerTable } from './FarmerTable';

/** 登记台: one search box for any buyer (name, pinyin initials, ID or its last digits, phone tail), then register. */
export function CounterPage() {
  const { settings } = useSettings();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const searchRef = useRef<InputRef>(null);
  const [q, setQ] = useState('');
  const [includeVoided, setIncludeVoided] = useState(false);
  const [registering, setRegistering] = useState(false);
  const query = useDebounced(q.trim(), 200);
  // A new query starts again at page 1: the page chosen belongs to the query it was chosen for.
  const filterKey = JSON.stringify([query, includeVoided]);
  const [pageState, setPaging] = useState({ filterKey, page: 1, pageSize: 20 });
  const paging = { page: pageState.filterKey === filterKey ? pageState.page : 1, pageSize: pageState.pageSize };

  const result = useApiQuery(JSON.stringify([filterKey, paging]), () => api.farmers.search({ q: query, includeVoided, ...paging }));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        setRegistering(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const open = (id: string) => navigate(`/farmers/${id}`);
  const looksLikeId = /^[0-9A-Za-z]{18}$/.test(q.trim());

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <OffsiteWarningBanner />
      <PackageBanner />
      <Typography.Title level={4} className="page-title">
        登记台 · 查找或登记农户
      </Typography.Title>
      <Card>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            ref={searchRef}
            autoFocus
            allowClear
            size="large"
            prefix={<SearchOutlined />}
            placeholder="输入姓名、拼音或首字母（如 zs）、身份证号或后几位、手机尾号"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && result.data?.total === 1 && result.data.items[0]) open(result.data.items[0].id);
            }}
            data-testid="farmer-search"
          />
          <Button size="large" type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="register-farmer">
            新增农户（F2）
          </Button>
        </Space.Compact>
        <Space style={{ marginTop: 8 }}>
          <Checkbox checked={includeVoided} onChange={(e) => setIncludeVoided(e.target.checked)}>
            显示已作废
          </Checkbox>
          <span className="kbd-hint">只有一条结果时按回车直接打开；身份证阅读器读入后自动查找</span>
        </Space>
      </Card>
      {result.error && <Alert type="error" showIcon message={result.error} />}
      <Card styles={{ body: { padding: 0 } }}>
        <FarmerTable
          page={result.data}
          loading={result.loading}
          onOpen={open}
          onPage={(page, pageSize) => setPaging({ filterKey, page, pageSize })}
        />
      </Card>
      <Drawer title="登记农户（购机者）" size={720} open={registering} onClose={() => setRegistering(false)} destroyOnHidden>
        <FarmerForm
          defaults={{ townshipCode: (settings.townshipCode ?? undefined) as never, idNumber: looksLikeId ? q.trim() : '' }}
          onCancel={() => setRegistering(false)}
          onSaved={(farmer) => {
            setRegistering(false);
            void message.success(`已登记：${farmer.name}`);
            open(farmer.id);
          }}
        />
      </Drawer>
    </Space>
  );
}
