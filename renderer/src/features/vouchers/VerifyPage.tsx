import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { ArrowLeftOutlined, ScanOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, Space, Typography, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { fenToUppercase, formatFen } from '../../../../shared/domain/money';
import { NUMBER_PATTERN } from '../../../../shared/domain/voucher-code';
import type { VerifyOutput } from '../../../../shared/schemas/vouchers';
import { api, ApiError } from '../../api/client';
import { LimitedInput } from '../../components/LimitedInput';

const LOOKS: Record<VerifyOutput['result'], { word: string; color: string; background: string }> = {
  valid: { word: '有效', color: '#15803d', background: '#ecfdf3' },
  number_only: { word: '编号有效', color: '#15803d', background: '#f3fbf6' },
  voided: { word: '已作废', color: '#b91c1c', background: '#fef2f2' },
  mismatch: { word: '不符', color: '#b91c1c', background: '#fef2f2' },
  not_found: { word: '未找到', color: '#4b5563', background: '#f3f4f6' },
};

interface Checked {
  code: string;
  at: string;
  answer: VerifyOutput;
}

function Verdict({ checked }: { checked: Checked }) {
  const { answer } = checked;
  const look = LOOKS[answer.result];
  const v = answer.voucher;
  return (
    <Card
      data-testid="verify-result"
      data-result={answer.result}
      style={{ borderColor: look.color, borderWidth: 2, background: look.background }}
    >
      <Space align="center" size="large" wrap>
        <div style={{ fontSize: 56, fontWeight: 700, lineHeight: 1.1, color: look.color, minWidth: 180 }} data-testid="verify-word">
          {look.word}
        </div>
        <Space orientation="vertical" size={2}>
          <Typography.Text style={{ fontSize: 16, color: look.color }} data-testid="verify-message">
            {answer.message}
          </Typography.Text>
          <Typography.Text type="secondary" className="masked" data-testid="verify-code">
            核验内容：{checked.code} （{checked.at}）
          </Typography.Text>
        </Space>
      </Space>
      {v && (
        <Descriptions bordered size="small" column={2} style={{ marginTop: 16, background: '#fff' }}>
          <Descriptions.Item label="凭证编号">{v.number}</Descriptions.Item>
          <Descriptions.Item label="凭证类别">{v.title}</Descriptions.Item>
          <Descriptions.Item label="购机者">{v.buyerNameMasked}</Descriptions.Item>
          <Descriptions.Item label="出具单位">{v.unitName}</Descriptions.Item>
          <Descriptions.Item label="出具日期">{v.issueDate}</Descriptions.Item>
          <Descriptions.Item label="登记补贴合计">
            {formatFen(v.totalFen)} 元（{fenToUppercase(v.totalFen)}）
          </Descriptions.Item>
          {v.voidReason && (
            <Descriptions.Item label="作废原因" span={2}>
              <Typography.Text type="danger" data-testid="verify-void-reason">
                {v.voidReason}
              </Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
}

/** 凭证核验: a scanner types the QR code and Enter; the answer is shown big, and the box is ready for the next. */
export function VerifyPage() {
  const navigate = useNavigate();
  const inputRef = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  const [checkCode, setCheckCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<Checked[]>([]);

  const check = async () => {
    const text = code.trim();
    if (!text || busy) return;
    // selected at once: the next scan replaces this code, however fast it comes
    inputRef.current?.select();
    setBusy(true);
    try {
      const typedCode = NUMBER_PATTERN.test(text.toUpperCase()) ? checkCode.trim() : '';
      const answer = await api.vouchers.verify(typedCode ? { code: text, checkCode: typedCode } : { code: text });
      setHistory((h) =>
        [{ code: typedCode ? `${text} 校验码 ${typedCode}` : text, at: chinaDateTime(new Date(), true).slice(11), answer }, ...h].slice(
          0,
          8,
        ),
      );
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '核验失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const [latest, ...earlier] = history;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/vouchers')}>
        返回补贴凭证
      </Button>
      <Typography.Title level={4} className="page-title">
        凭证核验
      </Typography.Title>
      <Card>
        <Input
          ref={inputRef}
          autoFocus
          size="large"
          prefix={<ScanOutlined />}
          placeholder="用扫码枪扫描凭证上的二维码，或输入凭证编号（如 GX-103-2025-000123）后按回车"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => void check()}
          data-testid="verify-input"
        />
        <Space style={{ marginTop: 12 }} wrap>
          <label htmlFor="verify-check-code">校验码（纸质凭证无法扫码时）</label>
          <LimitedInput
            id="verify-check-code"
            style={{ width: 200 }}
            placeholder="凭证上印的8位校验码"
            value={checkCode}
            maxLength={20}
            onChange={(e) => setCheckCode(e.target.value)}
            onPressEnter={() => void check()}
            data-testid="verify-check-code"
          />
          <Button onClick={() => void check()} loading={busy} data-testid="verify-submit">
            核验
          </Button>
        </Space>
        <div className="kbd-hint" style={{ marginTop: 8 }}>
          扫描二维码可同时核对编号、金额和签名；无法扫码时输入凭证编号和凭证上印的校验码，核对显示的补贴金额与纸面是否一致。只输入编号时只能查到凭证是否存在、是否作废。
        </div>
      </Card>
      {error && <Alert type="error" showIcon message={error} />}
      {latest && <Verdict checked={latest} />}
      {earlier.length > 0 && (
        <Card size="small" title="本次核验记录">
          {earlier.map((c) => (
            <div key={`${c.at}-${c.code}`} style={{ display: 'flex', gap: 12, padding: '2px 0' }}>
              <span className="kbd-hint">{c.at}</span>
              <span style={{ color: LOOKS[c.answer.result].color, width: 70 }}>{LOOKS[c.answer.result].word}</span>
              <span className="masked">{c.answer.voucher?.number ?? c.code.slice(0, 40)}</span>
            </div>
          ))}
        </Card>
      )}
    </Space>
  );
}
