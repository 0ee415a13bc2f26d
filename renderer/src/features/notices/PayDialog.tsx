import { Alert, App, Descriptions, Form, Input, Modal, Spin } from 'antd';
import { useState } from 'react';
import type { ApplicationKind } from '../../../../shared/domain/workflow';
import { api } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { Money, MoneyInput } from '../../components/MoneyInput';
import { useApiQuery } from '../../hooks/useApiQuery';
import { errorText } from './errors';

interface Props {
  kind: ApplicationKind;
  id: string;
  subject: string;
  onClose: () => void;
  onDone: () => void;
}

/** 兑付 with its facts: payment date, amount (the approved subsidy unless a reason is given), finance document. */
export function PayDialog({ kind, id, subject, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const facts = useApiQuery(`pay:${id}`, () => api.notices.forApplication({ id }));
  const [typedPaidOn, setPaidOn] = useState<string | undefined>(undefined);
  // today by the service's clock (China time) until a date is typed
  const paidOn = typedPaidOn ?? facts.data?.today;
  const [amountFen, setAmountFen] = useState<number | undefined>(undefined);
  const [amountReason, setAmountReason] = useState('');
  const [financeDoc, setFinanceDoc] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const approved = facts.data?.approvedFen;
  const amount = amountFen ?? approved;

  const confirm = async () => {
    if (!paidOn || amount === undefined) return setError('请填写兑付日期和实付金额');
    setBusy(true);
    setError(null);
    try {
      await api.applications.pay({
        kind,
        id,
        paidOn,
        amountFen: amount,
        amountReason: amountReason.trim() || undefined,
        financeDoc: financeDoc.trim(),
      });
      void message.success(`已兑付：${subject}`);
      onDone();
    } catch (e) {
      setError(errorText(e, '兑付失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`兑付 · ${subject}`}
      okText="确认兑付"
      cancelText="取消"
      onOk={() => void confirm()}
      onCancel={onClose}
      okButtonProps={{ loading: busy, disabled: !facts.data?.payable }}
      destroyOnHidden
    >
      <div data-testid="pay-dialog">
        {!facts.data && <Spin />}
        {facts.data && (
          <>
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label="公示批次">
                {facts.data.notice ? `${facts.data.notice.number}（${facts.data.notice.startDate} 至 ${facts.data.notice.endDate}）` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="可兑付日期">{facts.data.notice?.payableFrom ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="核定补贴">
                <Money fen={facts.data.approvedFen} strong />
              </Descriptions.Item>
            </Descriptions>
            {facts.data.blocker && (
              <Alert type="warning" showIcon title={facts.data.blocker} style={{ marginBottom: 12 }} data-testid="pay-blocker" />
            )}
            <Form layout="vertical" disabled={!facts.data.payable}>
              <Form.Item label="兑付日期" required extra="公示期结束之后，不晚于今天">
                <DateInput value={paidOn} onChange={setPaidOn} noFuture />
              </Form.Item>
              <Form.Item
                label="实付金额（元）"
                required
                extra="应等于核定补贴；不一致时须说明原因。入账账户为农户信息中登记的银行卡（对公账户）"
              >
                <MoneyInput value={amount} onChange={(v) => setAmountFen(v ?? undefined)} data-testid="pay-amount" />
              </Form.Item>
              {amount !== approved && (
                <Form.Item label="金额不一致的原因" required>
                  <Input value={amountReason} onChange={(e) => setAmountReason(e.target.value)} data-testid="pay-amount-reason" />
                </Form.Item>
              )}
              <Form.Item label="财政拨付凭证号或批次号" required>
                <Input
                  value={financeDoc}
                  onChange={(e) => setFinanceDoc(e.target.value)}
                  placeholder="如 冠财农〔2025〕31号 / 批次 2025-10-001"
                  data-testid="pay-finance-doc"
                />
              </Form.Item>
            </Form>
          </>
        )}
        {(error ?? facts.error) && <Alert type="error" showIcon title={error ?? facts.error} data-testid="pay-error" />}
      </div>
    </Modal>
  );
}
