import { Alert, App, Button, Card, Form, Input, InputNumber, Table, Tag } from 'antd';
import { useState } from 'react';
import { chinaYearNow } from '../../../../shared/domain/civil-date';
import { parseDateList } from '../../../../shared/domain/date-list';
import type { CalendarYears } from '../../../../shared/schemas/calendar';
import { api, ApiError } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useCan } from '../../session-context';

type Year = CalendarYears['years'][number];

/** Consecutive dates shown as ranges: 2027-02-08~02-10. */
function ranges(dates: string[]): string {
  const out: string[] = [];
  let start = '';
  let prev = '';
  const flush = () => start && out.push(start === prev ? start : `${start}~${prev.slice(5)}`);
  for (const d of dates) {
    const next = prev && new Date(Date.parse(`${prev}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (d !== next) {
      flush();
      start = d;
    }
    prev = d;
  }
  flush();
  return out.join('、') || '—';
}

/** 工作日历: the State Council holiday lists every deadline counts by; a later year is added here from its notice. */
export function CalendarCard() {
  const can = useCan();
  const { message } = App.useApp();
  const calendar = useApiQuery('calendar', () => api.settings.calendar({}));
  const [year, setYear] = useState<number | null>(chinaYearNow() + 1);
  const [source, setSource] = useState('');
  const [holidays, setHolidays] = useState('');
  const [makeup, setMakeup] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    const h = parseDateList(holidays);
    const m = parseDateList(makeup);
    if (!h.ok) return setError(`放假日期：${h.reason}`);
    if (!m.ok) return setError(`调休上班日期：${m.reason}`);
    setBusy(true);
    try {
      await api.settings.addCalendarYear({ year: year ?? 0, source, holidays: h.dates, makeupWorkdays: m.dates });
      setError(null);
      void message.success(`已添加 ${year} 年节假日安排：放假 ${h.dates.length} 天，调休上班 ${m.dates.length} 天`);
      calendar.reload();
    } catch (e) {
      setError(e instanceof ApiError ? (e.body.issues ?? []).map((i) => i.message).join('；') || e.message : '保存失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="工作日历（节假日与调休）" data-testid="calendar-card">
      <Table<Year>
        rowKey="year"
        size="small"
        pagination={false}
        loading={calendar.loading}
        dataSource={calendar.data?.years ?? []}
        columns={[
          { title: '年份', dataIndex: 'year', width: 70 },
          {
            title: '依据',
            dataIndex: 'source',
            width: 220,
            render: (v: string, r) => (
              <>
                {v} {r.builtIn ? <Tag>内置</Tag> : <Tag color="blue">设置添加</Tag>}
              </>
            ),
          },
          { title: '放假', dataIndex: 'holidays', render: (v: string[]) => ranges(v) },
          { title: '调休上班', dataIndex: 'makeupWorkdays', width: 260, render: (v: string[]) => ranges(v) },
        ]}
      />
      {can('settings.addCalendarYear') && (
        <Form layout="vertical" component="div" style={{ marginTop: 16, maxWidth: 720 }}>
          <div className="kbd-hint" style={{ marginBottom: 8 }}>
            国务院办公厅每年11月前后发布下一年的节假日安排，请据此添加（受理、核验、公示、兑付的期限都按它计算工作日）。日期每行一个或用顿号分隔，连续日期可写作
            2027-02-06~2027-02-12。
          </div>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="calendar-error" />}
          <Form.Item label="年份" htmlFor="calendar-year" required>
            <InputNumber id="calendar-year" min={2027} max={2100} value={year} onChange={setYear} />
          </Form.Item>
          <Form.Item label="通知文号或发布日期" htmlFor="calendar-source" required>
            <Input
              id="calendar-source"
              value={source}
              onChange={(e) => setSource(e.target.value)}
              placeholder="如：国办发明电〔2026〕X号"
            />
          </Form.Item>
          <Form.Item label="放假日期" htmlFor="calendar-holidays" required>
            <Input.TextArea id="calendar-holidays" rows={3} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
          </Form.Item>
          <Form.Item label="调休上班日期（周六、周日上班）" htmlFor="calendar-makeup">
            <Input.TextArea id="calendar-makeup" rows={2} value={makeup} onChange={(e) => setMakeup(e.target.value)} />
          </Form.Item>
          <Button type="primary" loading={busy} onClick={() => void add()} data-testid="calendar-add">
            添加该年安排
          </Button>
        </Form>
      )}
    </Card>
  );
}
