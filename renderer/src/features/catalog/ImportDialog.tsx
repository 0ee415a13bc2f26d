import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadProps,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { CatalogVersion } from '../../../../shared/schemas/catalog';
import {
  CATALOG_FILE_TOO_LARGE,
  CATALOG_MAX_FILE_BYTES,
  type CatalogImportReport,
  type CatalogImportRow,
} from '../../../../shared/schemas/catalog-api';
import { api, ApiError } from '../../api/client';
import { readFileAsBase64 } from '../../api/files';
import { rangeText, yuanOrDash } from './catalog-format';

interface ChosenFile {
  name: string;
  base64: string;
}

const ROW_COLUMNS: ColumnsType<CatalogImportRow> = [
  { title: '行号', dataIndex: 'row', width: 64, align: 'right' },
  {
    title: '状态',
    dataIndex: 'ok',
    width: 72,
    render: (ok: boolean) => (ok ? <Tag color="green">通过</Tag> : <Tag color="red">错误</Tag>),
  },
  { title: '品目 · 分档', dataIndex: 'label', width: 240 },
  { title: '参数范围', key: 'range', width: 170, render: (_, r) => (r.band ? rangeText(r.band) : '') },
  {
    title: '补贴额（元）',
    key: 'amounts',
    width: 190,
    render: (_, r) =>
      r.band && (
        <span className="masked">
          {r.band.purchaseFen !== null && <div>购置 {yuanOrDash(r.band.purchaseFen)}</div>}
          {r.band.scrapFen !== null && <div>报废 {yuanOrDash(r.band.scrapFen)}</div>}
          {r.band.scrapReplaceFen !== null && <div>报废并更新 {yuanOrDash(r.band.scrapReplaceFen)}</div>}
        </span>
      ),
  },
  {
    title: '问题',
    dataIndex: 'errors',
    render: (errors: string[]) =>
      errors.map((e) => (
        <div key={e}>
          <Typography.Text type="danger">{e}</Typography.Text>
        </div>
      )),
  },
];

function Report({ report }: { report: CatalogImportReport }) {
  const [onlyErrors, setOnlyErrors] = useState(report.errorCount > 0);
  const rows = onlyErrors ? report.rows.filter((r) => !r.ok) : report.rows;
  const ok = report.errorCount === 0;
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="import-report">
      <Alert type={ok ? 'success' : 'error'} showIcon title={report.message} data-testid="import-message" />
      {report.fileErrors.map((e) => (
        <Alert key={e} type="error" title={e} />
      ))}
      {report.warnings.map((w) => (
        <Alert key={w} type="warning" title={w} />
      ))}
      {ok && report.replaces && (
        <Alert
          type="warning"
          showIcon
          title={`导入后将替换 ${report.replaces.year} 年现行目录“${report.replaces.title}”；原目录保留并标记为“已被替换”，已登记记录的补贴额不变。`}
        />
      )}
      <Space>
        <Typography.Text>
          共 {report.rows.length} 行，有效分档 {report.bandCount} 个，
          <Typography.Text type={report.errorCount ? 'danger' : undefined}>错误 {report.errorCount} 处</Typography.Text>
        </Typography.Text>
        <Checkbox checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)}>
          只显示有错误的行
        </Checkbox>
      </Space>
      <Table<CatalogImportRow>
        rowKey="row"
        size="small"
        columns={ROW_COLUMNS}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ y: 300 }}
        onRow={(r) => ({ style: r.ok ? undefined : { background: '#fff5f5' } })}
        data-testid="import-rows"
      />
    </Space>
  );
}

interface Props {
  open: boolean;
  defaultYear: number;
  onClose: () => void;
  onImported: (version: CatalogVersion) => void;
}

/** 导入目录: choose an .xlsx or .csv, see every row checked, import only when nothing is wrong. */
export function ImportDialog({ open, defaultYear, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const [year, setYear] = useState(defaultYear);
  const [title, setTitle] = useState('');
  const [source, setSource] = useState('');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [report, setReportState] = useState<CatalogImportReport | null>(null);
  // Each new report starts with its own "only errors" choice.
  const [reportSeq, setReportSeq] = useState(0);
  const setReport = (r: CatalogImportReport | null) => {
    setReportState(r);
    setReportSeq((n) => n + 1);
  };
  const [busy, setBusy] = useState<'reading' | 'checking' | 'importing' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = (f: ChosenFile, forYear: number, commit: boolean) =>
    api.catalog.import({
      year: forYear,
      fileName: f.name,
      base64: f.base64,
      commit,
      title: title || undefined,
      source: source || undefined,
    });

  const check = async (f: ChosenFile, forYear: number) => {
    setBusy('checking');
    setError(null);
    setReport(null);
    try {
      setReport(await send(f, forYear, false));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '校验失败，请重试');
    } finally {
      setBusy(null);
    }
  };

  const choose = async (chosen: File) => {
    setReport(null);
    setError(null);
    if (chosen.size > CATALOG_MAX_FILE_BYTES) {
      setFile(null);
      setError(CATALOG_FILE_TOO_LARGE);
      return;
    }
    setBusy('reading');
    try {
      const f = { name: chosen.name, base64: await readFileAsBase64(chosen) };
      setFile(f);
      await check(f, year);
    } catch {
      setBusy(null);
      setError('无法读取该文件，请确认文件没有被其他程序占用');
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy('importing');
    setError(null);
    try {
      const done = await send(file, year, true);
      setReport(done);
      if (done.committed && done.version) {
        void message.success(done.message);
        onImported(done.version);
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '导入失败，请重试');
    } finally {
      setBusy(null);
    }
  };

  const uploadProps: UploadProps = {
    accept: '.xlsx,.csv',
    multiple: false,
    showUploadList: false,
    disabled: busy !== null,
    beforeUpload: (f) => {
      void choose(f);
      return false;
    },
  };

  const canCommit = Boolean(file && report && !report.committed && report.errorCount === 0 && report.bandCount > 0 && !busy);

  return (
    <Modal
      title="导入补贴额一览表"
      open={open}
      width={1080}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            disabled={!canCommit}
            loading={busy === 'importing'}
            onClick={() => void commit()}
            data-testid="import-confirm"
          >
            确认导入
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Form layout="inline">
          <Form.Item label="年度" required>
            <InputNumber
              min={2000}
              max={2100}
              precision={0}
              value={year}
              onChange={(v) => {
                if (typeof v !== 'number') return;
                setYear(v);
                if (file) void check(file, v);
              }}
              data-testid="import-year"
            />
          </Form.Item>
          <Form.Item label="标题">
            <Input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={`${year}年补贴额一览表`} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label="来源">
            <Input
              value={source}
              onChange={(e) => setSource(e.target.value)}
              placeholder="如：省农业农村厅 2025年第1号公告"
              style={{ width: 300 }}
            />
          </Form.Item>
        </Form>
        {file ? (
          <Space>
            <Typography.Text>
              已选择：<Typography.Text strong>{file.name}</Typography.Text>
            </Typography.Text>
            <Upload {...uploadProps}>
              <Button icon={<UploadOutlined />} disabled={busy !== null}>
                重新选择文件
              </Button>
            </Upload>
          </Space>
        ) : (
          <Upload.Dragger {...uploadProps}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击选择或把文件拖到这里</p>
            <p className="ant-upload-hint">
              Excel 工作簿（.xlsx）或 CSV（UTF-8），不超过 5
              MB。列名可用：品目、分档名称、参数、下限、含下限、上限、含上限、购置补贴额（元）、报废补贴额（元）、报废并更新补贴额（元）等；可先“导出
              Excel”作为模板。
            </p>
          </Upload.Dragger>
        )}
        {busy === 'reading' || busy === 'checking' ? <Alert type="info" showIcon title="正在逐行校验…" /> : null}
        {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
        {report && <Report key={reportSeq} report={report} />}
      </Space>
    </Modal>
  );
}
