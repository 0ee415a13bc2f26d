import { EditOutlined, ShoppingCartOutlined } from '@ant-design/icons';
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
import { ScrapAmounts, ScrapFacts } from './ScrapFacts';
import { ScrapPhotos } from './ScrapPhotos';

const EDITABLE = ['registered', 'returned'];
const LINKABLE = ['registered', 'accepted', 'returned'];

/** /scraps/:id — one scrapped machine's file: facts, amounts, photos, history, and the next steps. */
export function ScrapDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { settings } = useSettings();
  const query = useApiQuery(`scrap:${id}`, () => api.scraps.get({ id }));
  const s = query.data;
  const band = useRecordBand(s?.catalogBandId);
  const own = s?.stationId === settings.stationId && settings.role === 'station';
  const linked = Boolean(s?.linkedPurchaseId);

  return (
    <DetailFrame backTo="/scraps" backLabel="返回报废台账" loading={query.loading} error={query.error} record={s}>
      {s && (
        <>
          <Card
            title={
              <Space wrap>
                <Typography.Text strong style={{ fontSize: 18 }}>
                  报废登记 · {s.item} {s.model}
                </Typography.Text>
                <StatusTag status={s.status} />
                {linked && <Tag color="blue">报废并更新</Tag>}
              </Space>
            }
            extra={
              own && (
                <Space wrap data-testid="record-actions">
                  {EDITABLE.includes(s.status) && !linked && (
                    <Button icon={<EditOutlined />} onClick={() => navigate(`/scraps/${s.id}/edit`)} data-testid="edit-record">
                      修改
                    </Button>
                  )}
                  {!linked && LINKABLE.includes(s.status) && (
                    <Button
                      icon={<ShoppingCartOutlined />}
                      onClick={() => navigate(`/farmers/${s.farmer.id}/purchases/new?scrapId=${s.id}`)}
                    >
                      购置新机（报废并更新）
                    </Button>
                  )}
                  {linked ? (
                    <Typography.Text type="secondary" data-testid="follows-purchase">
                      随购置申请办理
                    </Typography.Text>
                  ) : (
                    <>
                      <TransitionActions
                        kind="scrap"
                        id={s.id}
                        status={s.status}
                        subject={`${s.farmer.name} 的报废申请`}
                        onDone={query.reload}
                      />
                      {!s.ledgerSource && <IssueVoucherButton kind="scrap" applicationId={s.id} status={s.status} />}
                    </>
                  )}
                </Space>
              )
            }
          >
            <FarmerBrief farmer={s.farmer} />
          </Card>
          {s.ledgerSource && <LedgerSourceNote source={s.ledgerSource} />}
          <Row gutter={16}>
            <Col flex="1 1 600px" style={{ minWidth: 0 }}>
              <ScrapFacts scrap={s} band={band.data} />
            </Col>
            <Col flex="0 0 320px">
              <ScrapAmounts scrap={s} />
            </Col>
          </Row>
          <Card title="照片（拆解前、中、后及铭牌、确认表）" size="small">
            <ScrapPhotos scrap={s} readOnly={!own} onChanged={query.reload} />
          </Card>
          <Card title="办理记录" size="small">
            <EventHistory kind="scrap" events={s.events} />
          </Card>
          <Card title="操作日志" size="small">
            <AuditTrail entityId={s.id} refreshKey={`${s.updatedAt}:${s.photos.length}`} />
          </Card>
        </>
      )}
    </DetailFrame>
  );
}
