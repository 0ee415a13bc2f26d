import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, List, Progress, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportOutcome } from '../../../../shared/schemas/county';
import { api, ApiError } from '../../api/client';
import { readFileAsBase64 } from '../../api/files';
import { FingerprintInput, fingerprintComplete } from '../../components/FingerprintInput';
import { requestGroups } from '../../../../shared/api/request-groups';

type Phase = 'waiting' | 'reading' | 'importing' | 'done' | 'failed';

interface Item {
  file: File;
  phase: Phase;
  outcome?: ImportOutcome;
  error?: string;
}

const PHASE_PERCENT: Record<Phase, number> = { waiting: 0, reading: 30, importing: 70, done: 100, failed: 100 };
const PHASE_TEXT: Record<Phase, string> = { waiting: '等待', reading: '读取文件', importing: '校验并合并', done: '完成', failed: '失败' };

type Confirm = { trustFingerprints: string[] } | { acceptRewrittenHistory: true };

/** A first-seen station: the clerk types the fingerprint the station reads out; the server compares it with the file's key. */
function EnrolStep({ e, onConfirm, busy }: { e: NonNullable<ImportOutcome['enrolment']>; onConfirm: (c: Confirm) => void; busy: boolean }) {
  const [typed, setTyped] = useState('');
  const confirm = () => fingerprintComplete(typed) && onConfirm({ trustFingerprints: [typed] });
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="enrolment"
      message={`${e.townshipName}站点首次上报：请核对签名密钥指纹`}
      description={
        <Space orientation="vertical">
          <span>
            请电话请{e.townshipName}（站点编号 {e.stationId.slice(0, 8)}…）读出其“设置 → 本机签名密钥”上的指纹，在下面逐组输入；与文件的签名密钥一致才登记并导入。不一致时不要导入，并上报。
          </span>
          <FingerprintInput value={typed} onChange={setTyped} source="该站" onEnter={confirm} testId="enrol-fingerprint-input" />
          {e.otherStationsInTownship > 0 && (
            <Typography.Text type="danger">注意：{e.townshipName}已有 {e.otherStationsInTownship} 个登记过的站点，请确认这是新的或重装的站点。</Typography.Text>
          )}
          <Button type="primary" loading={busy} disabled={!fingerprintComplete(typed)} onClick={confirm} data-testid="confirm-enrol">
            核对并登记导入
          </Button>
        </Space>
      }
    />
  );
}

/** A refusal the clerk can lift after checking: a first-seen station key, or a history that was rewritten. */
function ConfirmStep({ o, onConfirm, busy }: { o: ImportOutcome; onConfirm: (c: Confirm) => void; busy: boolean }) {
  if (o.enrolment) return <EnrolStep e={o.enrolment} onConfirm={onConfirm} busy={busy} />;
  if (o.historyRewrite) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="history-rewrite"
        message={`历史记录被改写：从第 ${o.historyRewrite.seq} 条操作日志起与上次导入的不一致`}
        description={
          <Space orientation="vertical">
            <span>{o.historyRewrite.detail}</span>
            <span>请先与该站核实原因。确认导入后，此情况会列入“冲突核查”，留待处理。</span>
            <Button danger loading={busy} onClick={() => onConfirm({ acceptRewrittenHistory: true })} data-testid="confirm-rewrite">
              已核实，仍然导入并列入冲突核查
            </Button>
          </Space>
        }
      />
    );
  }
  return null;
}

function Outcome({ o }: { o: ImportOutcome }) {
  if (o.status === 'refused') {
    return (
      <Space orientation="vertical" size={2}>
        <Tag color="red">已拒绝，未导入任何数据</Tag>
        {o.reasons.slice(0, 6).map((r) => (
          <Typography.Text key={r} type="danger">
            {r}
          </Typography.Text>
        ))}
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size={2}>
      <AcceptedCounts o={o} />
      {/* accepted with notes: rows refused (仅导入合格记录), photos missing or altered */}
      {o.reasons.slice(0, 6).map((r) => (
        <Typography.Text key={r} type="warning" data-testid="import-note">
          {r}
        </Typography.Text>
      ))}
      {o.reasons.length > 6 && <Typography.Text type="secondary">另有 {o.reasons.length - 6} 条，见“导入记录”</Typography.Text>}
    </Space>
  );
}

function AcceptedCounts({ o }: { o: ImportOutcome }) {
  return (
    <Space wrap>
      <Tag color="green">已导入 · {o.townshipName}</Tag>
      <span>新增 {o.added}</span>
      <span>更新 {o.updated}</span>
      <span>未变 {o.unchanged}</span>
      {o.rejected > 0 && <Tag color="orange">拒收 {o.rejected}</Tag>}
      {o.conflictsFound > 0 && <Tag color="volcano">涉及冲突 {o.conflictsFound}</Tag>}
      <Typography.Text type="secondary">{o.durationMs} ms</Typography.Text>
      {/* e.g. a file already merged, recognised without merging it again */}
      {o.reasons.slice(0, 3).map((r) => (
        <Typography.Text key={r} type="secondary">
          {r}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** 导入站点数据: many files at once (choose or drag), sent in as few calls as fit, each checked and merged in turn. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const [items, setItems] = useState<Item[]>([]);
  const [acceptPartial, setAcceptPartial] = useState(false);
  const [running, setRunning] = useState(false);

  const update = (index: number, patch: Partial<Item>) => setItems((list) => list.map((it, i) => (i === index ? { ...it, ...patch } : it)));

  /**
   * One call for a group of files: one backup of the county file before them and one batch (the county
   * tables' indexes set aside once for all of them), each file still accepted or refused on its own.
   */
  const importGroup = async (group: { index: number; item: Item }[], confirm?: Confirm) => {
    try {
      for (const { index } of group) update(index, { phase: 'reading', error: undefined });
      const files = [];
      for (const { item } of group) files.push({ fileName: item.file.name, base64: await readFileAsBase64(item.file) });
      for (const { index } of group) update(index, { phase: 'importing' });
      const { results } = await api.county.importStations({ files, acceptPartial, ...confirm });
      group.forEach(({ index }, k) => update(index, { phase: 'done', outcome: results[k] }));
    } catch (e) {
      for (const { index } of group) update(index, { phase: 'failed', error: e instanceof ApiError ? e.message : '导入失败' });
    }
  };

  const run = async () => {
    setRunning(true);
    const pending = items.flatMap((item, index) => (item.phase === 'done' ? [] : [{ index, item }]));
    for (const group of requestGroups(pending, (p) => p.item.file.size)) await importGroup(group);
    setRunning(false);
    onImported();
  };

  const confirmOne = async (index: number, item: Item, confirm: Confirm) => {
    setRunning(true);
    await importGroup([{ index, item }], confirm);
    setRunning(false);
    onImported();
  };

  const finished = items.filter((i) => i.phase === 'done' || i.phase === 'failed').length;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message="每个文件都按不可信文件处理：先核对站点签名（首次上报的站点需电话核对密钥指纹后登记），再检查完整性和数据结构，逐条校验记录；有任何不合格记录时整个文件不导入（可勾选“仅导入合格记录”）。同一文件重复导入不会重复计数。"
      />
      <Upload.Dragger
        multiple
        accept=".agri"
        showUploadList={false}
        disabled={running}
        beforeUpload={(file, list) => {
          if (file === list[0])
            setItems((prev) => [...prev.filter((p) => p.phase !== 'done'), ...list.map((f) => ({ file: f, phase: 'waiting' as const }))]);
          return false;
        }}
        data-testid="station-files"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击选择或拖入乡镇站上报文件（.agri，可多选）</p>
      </Upload.Dragger>
      {items.length > 0 && (
        <>
          <Space>
            <Button
              type="primary"
              loading={running}
              disabled={!items.some((i) => i.phase !== 'done')}
              onClick={() => void run()}
              data-testid="start-import"
            >
              开始导入（{items.length} 个文件）
            </Button>
            <Checkbox checked={acceptPartial} onChange={(e) => setAcceptPartial(e.target.checked)}>
              仅导入合格记录（不合格记录列出原因）
            </Checkbox>
          </Space>
          <Progress percent={Math.round((finished / items.length) * 100)} format={() => `总进度 ${finished}/${items.length}`} />
          <List
            bordered
            dataSource={items}
            data-testid="import-results"
            renderItem={(it, index) => (
              <List.Item>
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Space>
                    <Typography.Text strong>{it.file.name}</Typography.Text>
                    <Typography.Text type="secondary">{(it.file.size / 1024).toFixed(0)} KB</Typography.Text>
                  </Space>
                  <Progress
                    percent={PHASE_PERCENT[it.phase]}
                    status={
                      it.phase === 'failed' || it.outcome?.status === 'refused' ? 'exception' : it.phase === 'done' ? 'success' : 'active'
                    }
                    format={() => PHASE_TEXT[it.phase]}
                    size="small"
                  />
                  {it.outcome && <Outcome o={it.outcome} />}
                  {it.outcome?.status === 'refused' && (
                    <ConfirmStep o={it.outcome} busy={running} onConfirm={(c) => void confirmOne(index, it, c)} />
                  )}
                  {it.error && <Typography.Text type="danger">{it.error}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
    </Space>
  );
}
