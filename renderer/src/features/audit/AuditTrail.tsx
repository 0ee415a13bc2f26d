import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { Alert, Table, Typography } from 'antd';
import { formatFen } from '../../../../shared/domain/money';
import { STATUS_LABELS, type Status } from '../../../../shared/domain/workflow';
import type { AuditEntry } from '../../../../shared/schemas/audit';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { FRAME_NO_LABEL } from '../../../../shared/domain/machine-terms';

const METHOD_LABELS: Record<string, string> = {
  'farmers.create': '登记',
  'farmers.update': '修改',
  'farmers.void': '作废',
  'scraps.create': '报废登记',
  'scraps.update': '修改',
  'scraps.addPhoto': '上传照片',
  'purchases.create': '购置登记',
  'purchases.update': '修改',
  'applications.transition': '办理',
  'partners.create': '新增',
  'partners.void': '作废',
  'vouchers.issue': '出具凭证',
  'vouchers.void': '作废凭证',
  'vouchers.recordPrint': '打印凭证',
  'vouchers.markPrintFailed': '标记未打印成功',
};

/** Field names in audit snapshots, for the "what changed" column. */
const FIELD_LABELS: Record<string, string> = {
  kind: '类型',
  name: '姓名/名称',
  idNumber: '证件号码',
  contactName: '负责人',
  phone: '手机号',
  bankCard: '银行卡号',
  bankName: '开户银行',
  townshipCode: '乡镇',
  village: '村',
  address: '地址',
  voidReason: '作废原因',
  status: '状态',
  reason: '原因',
  model: '型号',
  factoryNo: '出厂编号',
  engineNo: '发动机号',
  frameNo: FRAME_NO_LABEL,
  priceFen: '价格',
  totalFen: '补贴合计',
  plateNo: '号牌',
  printCount: '打印次数',
  reprintReason: '补打原因',
  note: '说明',
};

/** A value as a person reads it: statuses in Chinese, blanks as 空. */
function shown(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '空';
  if (key === 'status' && typeof value === 'string') return STATUS_LABELS[value as Status] ?? value;
  if (key.endsWith('Fen') && typeof value === 'number') return `${formatFen(value)} 元`;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function changes(entry: AuditEntry): string {
  if (!entry.before || !entry.after) return '';
  const { before, after } = entry;
  return Object.keys(FIELD_LABELS)
    .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .map((k) => `${FIELD_LABELS[k]}：${shown(k, before[k])} → ${shown(k, after[k])}`)
    .join('；');
}

/** Who did what and when to one record (personal numbers masked by the service). */
export function AuditTrail({ entityId, refreshKey }: { entityId: string; refreshKey: string }) {
  const audit = useApiQuery(`${entityId}:${refreshKey}`, () => api.audit.list({ entityId, pageSize: 50 }));
  if (audit.error) return <Alert type="error" showIcon message={audit.error} />;
  return (
    <Table<AuditEntry>
      rowKey="id"
      size="small"
      loading={audit.loading}
      dataSource={audit.data?.items ?? []}
      pagination={false}
      columns={[
        { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => chinaDateTime(v, true) },
        { title: '操作', dataIndex: 'method', width: 80, render: (m: string) => METHOD_LABELS[m] ?? m },
        { title: '操作员', dataIndex: 'operator', width: 100 },
        { title: '变更内容', key: 'changes', render: (_: unknown, r) => <Typography.Text>{changes(r) || '—'}</Typography.Text> },
      ]}
    />
  );
}
