import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { Table, Tag, Tooltip, Typography } from 'antd';
import { CHECKS, type ApplicationKind } from '../../../../shared/domain/workflow';
import type { ApplicationEvent } from '../../../../shared/schemas/machines';
import { StatusTag } from '../../components/StatusTag';

function Checks({ kind, checks }: { kind: ApplicationKind; checks: ApplicationEvent['checks'] }) {
  if (!checks) return null;
  const note = typeof checks.note === 'string' ? checks.note : null;
  return (
    <div>
      {CHECKS[kind].map((c) => (
        <Tag key={c.key} color={checks[c.key] === true ? 'green' : 'red'} style={{ marginBlock: 2 }}>
          {checks[c.key] === true ? '✓' : '✗'} {c.label.replace(/（.*）/, '')}
        </Tag>
      ))}
      {note && <Typography.Text type="secondary">备注：{note}</Typography.Text>}
    </div>
  );
}

/** The application's history: every status change with who, when, why, and the on-site checks of 核验. */
export function EventHistory({ kind, events }: { kind: ApplicationKind; events: ApplicationEvent[] }) {
  return (
    <Table<ApplicationEvent>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={events}
      data-testid="event-history"
      locale={{ emptyText: '尚无办理记录' }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => chinaDateTime(v) },
        {
          title: '操作员',
          key: 'operator',
          width: 110,
          render: (_: unknown, e) => (
            <>
              {e.operator}
              {e.unseparated && (
                <Tooltip title="单人站点：与上一步为同一人办理（未分离）">
                  <Tag color="orange" style={{ marginInlineStart: 4 }} data-testid="unseparated-tag">
                    未分离
                  </Tag>
                </Tooltip>
              )}
            </>
          ),
        },
        {
          title: '状态变化',
          key: 'change',
          width: 180,
          render: (_: unknown, e) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              <StatusTag status={e.fromStatus} /> → <StatusTag status={e.toStatus} />
            </span>
          ),
        },
        {
          title: '原因 / 核验',
          key: 'detail',
          render: (_: unknown, e) => (
            <>
              {e.reason && !(e.checks && e.reason === e.checks.note) && <div>{e.reason}</div>}
              <Checks kind={kind} checks={e.checks} />
              {!e.reason && !e.checks && <Typography.Text type="secondary">—</Typography.Text>}
            </>
          ),
        },
      ]}
    />
  );
}
