import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { StatusTag } from '../../components/StatusTag';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useSettings } from '../../settings-context';
import { AuditTrail } from '../audit/AuditTrail';
import { useRecordBand } from '../applications/catalog';
import { DetailFrame } from '../applications/DetailFrame';
import { EventHistory } from '../applications/EventHistory';
import { FarmerBrief } from '../applications/FarmerBrief';
import { TransitionActions } from '../applications/TransitionActions';
import { LedgerSourceNote } from '../ledger-import/LedgerSourceNote';
import { IssueVoucherButton } from '../vouchers/IssueVoucherButton';
import { PurchaseAmounts, PurchaseFacts } from './PurchaseFacts';

const EDITABLE = ['registered', 'returned'];

/** /purchases/:id — one purchase application: facts, frozen amounts, history, and the next steps. */
export function PurchaseDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { settings } = useSettings();
  const query = useApiQuery(`purchase:${id}`, () => api.purchases.get({ id }));
  const p = query.data;
  const band = useRecordBand(p?.catalogBandId);
  const own = p?.stationId === settings.stationId && settings.role === 'station';

  return (
    <DetailFrame backTo="/purchases" backLabel="返回购置台账" loading={query.loading} error={query.error} record={p}>
      {p && (
        <>
          <Card
            title={
              <Space wrap>
                <Typography.Text strong style={{ fontSize: 18 }}>
                  购置登记 · {p.item} {p.model}
                </Typography.Text>
                <StatusTag status={p.status} />
                {p.scrapId && <Tag color="blue">报废并更新</Tag>}
              </Space>
            }
            extra={
              own && (
                <Space wrap data-testid="record-actions">
                  {EDITABLE.includes(p.status) && (
                    <Button icon={<EditOutlined />} onClick={() => navigate(`/purchases/${p.id}/edit`)} data-testid="edit-record">
                      修改
                    </Button>
                  )}
                  <TransitionActions
                    kind="purchase"
                    id={p.id}
                    status={p.status}
                    subject={`${p.farmer.name} 的购置申请`}
                    onDone={query.reload}
                  />
                  {!p.ledgerSource && <IssueVoucherButton kind="purchase" applicationId={p.id} status={p.status} />}
                </Space>
              )
            }
          >
            <FarmerBrief farmer={p.farmer} />
          </Card>
          {p.ledgerSource && <LedgerSourceNote source={p.ledgerSource} />}
          <Row gutter={16}>
            <Col flex="1 1 600px" style={{ minWidth: 0 }}>
              <PurchaseFacts purchase={p} band={band.data} />
            </Col>
            <Col flex="0 0 320px">
              <PurchaseAmounts purchase={p} />
            </Col>
          </Row>
          <Card title="办理记录" size="small">
            <EventHistory kind="purchase" events={p.events} />
          </Card>
          <Card title="操作日志" size="small">
            <AuditTrail entityId={p.id} refreshKey={p.updatedAt} />
          </Card>
        </>
      )}
    </DetailFrame>
  );
}
