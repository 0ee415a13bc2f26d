import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Result, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { JobStatus } from '../../../../shared/schemas/jobs';
import {
  LEDGER_MAX_FILE_BYTES,
  type LedgerCommitResult,
  type LedgerMapping,
  type LedgerPreview,
} from '../../../../shared/schemas/ledger-import';
import { api, ApiError } from '../../api/client';
import { readFileAsBase64 } from '../../api/files';
import { JobProgress } from '../../components/JobProgress';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useJob } from '../../hooks/useJob';
import { DryRunTable } from './DryRunTable';
import { ImportHistory, useImportReport } from './ImportHistory';
import { MappingPanel } from './MappingPanel';

interface ChosenFile {
  name: string;
  base64: string;
}

/**
 * 台账导入: a station's old Excel ledgers in four steps — choose the file, check the sheets and the
 * column mapping, see the dry run row by row, import (one transaction, with a progress bar) and keep the report.
 */
export function LedgerImportPage() {
  const { message } = App.useApp();
  const job = useJob();
  const report = useImportReport();
  const history = useApiQuery('ledger-imports', () => api.ledgerImports.list({}));
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<LedgerPreview | null>(null);
  const [sheets, setSheets] = useState<string[]>([]);
  const [mapping, setMapping] = useState<LedgerMapping>({});
  const [dirty, setDirty] = useState(false);
  const [includeAttention, setIncludeAttention] = useState(true);
  const [done, setDone] = useState<LedgerCommitResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState<'preview' | 'commit'>('preview');
  const running = job.status?.state === 'running';

  const follow = async <T,>(start: () => Promise<JobStatus>): Promise<T | null> => {
    setError(null);
    try {
      const final = await job.follow(await start());
      if (final.state !== 'done') return null;
      return final.result as T;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败，请重试');
      return null;
    }
  };

  const runPreview = async (f: ChosenFile, chosen?: { sheets: string[]; mapping: LedgerMapping }) => {
    setWorking('preview');
    const p = await follow<LedgerPreview>(() =>
      api.ledgerImports.preview({ fileName: f.name, base64: f.base64, ...(chosen ? { sheets: chosen.sheets, mapping: chosen.mapping } : {}) }),
    );
    if (!p) return;
    setPreview(p);
    setSheets(p.sheets.filter((s) => s.selected).map((s) => s.name));
    setMapping(p.mapping);
    setDirty(false);
  };

  const choose = async (chosen: File) => {
    setPreview(null);
    setDone(null);
    job.reset();
    if (chosen.size > LEDGER_MAX_FILE_BYTES) {
      setError('文件超过 20 MB，请把各年度的台账分开导入');
      return;
    }
    try {
      const f = { name: chosen.name, base64: await readFileAsBase64(chosen) };
      setFile(f);
      await runPreview(f);
    } catch {
      setError('无法读取该文件，请确认文件没有被其他程序占用');
    }
  };

  const commit = async () => {
    if (!file) return;
    setWorking('commit');
    const r = await follow<LedgerCommitResult>(() =>
      api.ledgerImports.commit({ fileName: file.name, base64: file.base64, sheets, mapping, includeAttention }),
    );
    if (!r) return;
    setDone(r);
    if (r.importId) void message.success(r.message);
    history.reload();
  };

  const restart = () => {
    setFile(null);
    setPreview(null);
    setDone(null);
    setError(null);
    job.reset();
  };

  const step = done ? 3 : preview ? 2 : file ? 1 : 0;
  const importable = preview ? preview.totals.create + (includeAttention ? preview.totals.attention : 0) : 0;
  const blocked = !preview || dirty || preview.missingFields.length > 0 || importable === 0 || running;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        台账导入
      </Typography.Title>
      <Typography.Text type="secondary">
        把本站原有的 Excel 台账（2024–2026年报废、购置记录）导入本软件：导入的记录计入进度、参与防重复核查，并随上报文件报县局；已在纸面兑付的不再开具凭证。
      </Typography.Text>
      <Steps current={step} size="small" items={[{ title: '选择文件' }, { title: '工作表与列对应' }, { title: '预演检查' }, { title: '导入完成' }]} />

      {!file && (
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          beforeUpload={(f) => {
            void choose(f);
            return false;
          }}
          data-testid="ledger-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击选择或把台账文件拖到这里</p>
          <p className="ant-upload-hint">Excel 工作簿（.xlsx；旧版 .xls 请先另存为 .xlsx）或 CSV，不超过 20 MB。标题行、合并单元格、每月一张表都可以。</p>
        </Upload.Dragger>
      )}
      {file && (
        <Space>
          <Typography.Text>
            文件：<Typography.Text strong>{file.name}</Typography.Text>
          </Typography.Text>
          <Button onClick={restart} disabled={running}>
            换一个文件
          </Button>
        </Space>
      )}
      {working === 'preview' && <JobProgress status={job.status?.state === 'done' ? null : job.status} onCancel={job.cancel} />}
      {error && <Alert type="error" showIcon title={error} data-testid="ledger-error" />}

      {preview && !done && (
        <>
          {preview.fileErrors.map((e) => (
            <Alert key={e} type="warning" showIcon title={e} />
          ))}
          {preview.sheets.some((s) => s.selected && s.kind === 'scrap') && (
            <Alert
              type="info"
              showIcon
              data-testid="scrap-ledger-note"
              title="报废台账：旧台账没有记载报废条件，导入的报废登记的“报废条件”显示为“台账未记载”（未填写的生产厂家、型号也如此），不作推测；以后修改该记录时须选择实际的报废条件。"
            />
          )}
          <MappingPanel
            preview={preview}
            sheets={sheets}
            mapping={mapping}
            onSheets={(s) => {
              setSheets(s);
              setDirty(true);
            }}
            onMapping={(m) => {
              setMapping(m);
              setDirty(true);
            }}
          />
          {dirty && (
            <Alert
              type="info"
              showIcon
              title="工作表或列对应已修改"
              action={
                <Button type="primary" size="small" onClick={() => file && void runPreview(file, { sheets, mapping })} disabled={running} data-testid="rerun-preview">
                  按新的对应重新预演
                </Button>
              }
            />
          )}
          <Card size="small" title="预演结果（尚未导入）">
            <DryRunTable key={`${preview.totals.rows}-${preview.totals.create}-${preview.totals.refused}`} preview={preview} />
          </Card>
          <Space>
            <Checkbox checked={includeAttention} onChange={(e) => setIncludeAttention(e.target.checked)} data-testid="include-attention">
              同时导入“需注意”的行（导入后保留提示，供核对）
            </Checkbox>
            <Button type="primary" disabled={blocked} onClick={() => void commit()} data-testid="ledger-commit">
              确认导入 {importable} 条
            </Button>
          </Space>
          {working === 'commit' && <JobProgress status={job.status?.state === 'done' ? null : job.status} onCancel={job.cancel} />}
        </>
      )}

      {done && (
        <Result
          status={done.importId ? 'success' : 'info'}
          title={done.importId ? '导入完成' : '没有导入任何记录'}
          subTitle={<span data-testid="ledger-done">{done.message}</span>}
          extra={
            <Space>
              {done.importId && (
                <Button
                  type="primary"
                  loading={report.exporting}
                  onClick={() => done.importId && void report.download(done.importId)}
                  data-testid="ledger-report"
                >
                  下载未导入行报告（Excel）
                </Button>
              )}
              <Button onClick={restart}>导入另一个文件</Button>
            </Space>
          }
        >
          {report.job.status && <JobProgress status={report.job.status} onCancel={report.job.cancel} />}
        </Result>
      )}

      {history.data && <ImportHistory items={history.data.items} onChanged={history.reload} />}
    </Space>
  );
}
