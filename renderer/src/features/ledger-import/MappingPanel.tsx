import { Alert, Card, Checkbox, Collapse, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { missingBySheet, requiredFieldsOf } from '../../../../shared/domain/ledger-required';
import {
  LEDGER_FIELD_LABELS,
  LEDGER_FIELDS,
  type LedgerField,
  type LedgerKind,
  type LedgerMapping,
  type LedgerPreview,
} from '../../../../shared/schemas/ledger-import';

type Choice = LedgerField | 'ignore';

const SOURCE_TAGS: Record<string, { color: string; text: string }> = {
  remembered: { color: 'green', text: '上次的对应' },
  suggested: { color: 'blue', text: '按列名建议' },
  chosen: { color: 'purple', text: '已调整' },
  none: { color: 'default', text: '未识别' },
};

/** The field choices; * marks a field required by a kind of sheet being imported. */
const optionsFor = (kinds: readonly LedgerKind[]) => [
  { value: 'ignore', label: '（不导入此列）' },
  ...LEDGER_FIELDS.map((f) => ({ value: f, label: `${LEDGER_FIELD_LABELS[f]}${kinds.some((k) => requiredFieldsOf(k).includes(f)) ? ' *' : ''}` })),
];

interface ColumnRow {
  key: string;
  header: string;
  letters: string;
  field: Choice | null;
  source: string;
}

interface Props {
  preview: LedgerPreview;
  sheets: string[];
  mapping: LedgerMapping;
  onSheets: (sheets: string[]) => void;
  onMapping: (mapping: LedgerMapping) => void;
}

/** Which sheets to import and which column is which field, with where each choice came from. */
export function MappingPanel({ preview, sheets, mapping, onSheets, onMapping }: Props) {
  const rows = new Map<string, ColumnRow>();
  for (const s of preview.sheets.filter((x) => sheets.includes(x.name))) {
    for (const c of s.columns) {
      const known = rows.get(c.key);
      if (known) {
        if (!known.letters.includes(c.letter)) known.letters += `、${c.letter}`;
        continue;
      }
      const chosen = mapping[c.key];
      rows.set(c.key, {
        key: c.key,
        header: c.header,
        letters: c.letter,
        field: chosen ?? c.field,
        source: chosen && chosen !== c.field ? 'chosen' : c.source,
      });
    }
  }
  const data = [...rows.values()];
  // each chosen sheet is checked against its own kind's required columns (购置 or 报废; a file may hold both)
  const chosenSheets = preview.sheets.filter((x) => sheets.includes(x.name) && x.headerRow !== null);
  const kinds = [...new Set(chosenSheets.map((x) => x.kind))];
  const lacking = missingBySheet(chosenSheets, mapping);
  const missing = lacking.flatMap((l) => l.missing);
  const options = optionsFor(kinds.length ? kinds : ['purchase']);

  const columns: ColumnsType<ColumnRow> = [
    { title: '列', dataIndex: 'letters', width: 60 },
    { title: '台账中的列名', dataIndex: 'header', width: 200 },
    {
      title: '对应到',
      key: 'field',
      width: 240,
      render: (_, r) => (
        <Select<Choice>
          value={r.field ?? undefined}
          placeholder="请选择"
          options={options}
          style={{ width: 220 }}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(v) => onMapping({ ...mapping, [r.key]: v })}
          aria-label={`“${r.header}”对应的字段`}
          data-testid={`map-${r.header}`}
        />
      ),
    },
    {
      title: '来源',
      key: 'source',
      render: (_, r) => {
        const tag = SOURCE_TAGS[r.source] ?? SOURCE_TAGS.none;
        return <Tag color={tag?.color}>{tag?.text}</Tag>;
      },
    },
  ];

  return (
    <Card size="small" title="工作表与列对应" data-testid="mapping-panel">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text>导入这些工作表（版式相同的可一起导入）：</Typography.Text>
          {preview.sheets.map((s) => (
            <Checkbox
              key={s.name}
              checked={sheets.includes(s.name)}
              disabled={s.headerRow === null}
              onChange={(e) => onSheets(e.target.checked ? [...sheets, s.name] : sheets.filter((x) => x !== s.name))}
              data-testid={`sheet-${s.name}`}
            >
              {s.name}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.headerRow === null ? '（未找到表头）' : `（${s.kind === 'scrap' ? '报废台账' : '购置台账'}，表头第 ${s.headerRow} 行，${s.dataRows} 行数据）`}
              </Typography.Text>
            </Checkbox>
          ))}
        </Space>
        {lacking.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="mapping-missing"
            title={
              lacking.length === 1 && chosenSheets.length === 1
                ? `还缺少必需的列：${lacking[0]?.missing.map((f) => LEDGER_FIELD_LABELS[f]).join('、')}，请在下表中指定`
                : '还缺少必需的列，请在下表中指定：'
            }
            description={
              lacking.length === 1 && chosenSheets.length === 1
                ? undefined
                : lacking.map((l) => (
                    <div key={l.sheet}>
                      工作表“{l.sheet}”（{l.kind === 'scrap' ? '报废台账' : '购置台账'}）：{l.missing.map((f) => LEDGER_FIELD_LABELS[f]).join('、')}
                    </div>
                  ))
            }
          />
        )}
        <Collapse
          size="small"
          defaultActiveKey={missing.length ? ['columns'] : []}
          items={[
            {
              key: 'columns',
              label: `共 ${data.length} 列：已对应 ${data.filter((r) => r.field && r.field !== 'ignore').length} 列，不导入 ${data.filter((r) => r.field === 'ignore').length} 列，未识别 ${data.filter((r) => !r.field).length} 列（点击查看或修改）`,
              children: <Table<ColumnRow> rowKey="key" size="small" columns={columns} dataSource={data} pagination={false} scroll={{ y: 260 }} />,
            },
          ]}
          data-testid="mapping-columns"
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          带 * 的为必需字段（购置台账与报废台账各有其必需字段，按每张工作表的种类检查）。确认导入后，本站会记住这些对应，下个月的台账会自动对应。
        </Typography.Text>
      </Space>
    </Card>
  );
}
