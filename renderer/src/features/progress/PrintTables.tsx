import type { Measure, ProgressByTownship, ProgressSummary } from '../../../../shared/schemas/progress';
import { count, PACE_LABELS, pct, wan } from './progress-format';

function measureCells(m: Measure) {
  return (
    <>
      <td>{count(m.target)}</td>
      <td>{count(m.done)}</td>
      <td>{pct(m.percent)}</td>
      <td>{m.expectedByToday}</td>
      <td>{count(m.projectedYearEnd)}</td>
      <td>{count(m.projectedFromRecent)}</td>
      <td>{m.neededPerMonth === null ? '—' : count(m.neededPerMonth)}</td>
      <td>{PACE_LABELS[m.status]}</td>
    </>
  );
}

/** 主要指标: the cards' numbers as a table on paper. */
export function SummaryTable({ s }: { s: ProgressSummary }) {
  return (
    <table className="pp-table" data-testid="print-summary">
      <thead>
        <tr>
          <th>项目（台）</th>
          <th>目标</th>
          <th>完成</th>
          <th>完成率</th>
          <th>今日应完成</th>
          <th>年底预计①</th>
          <th>年底预计②</th>
          <th>每月需完成</th>
          <th>进度</th>
        </tr>
      </thead>
      <tbody>
        <tr className={s.scraps.status === 'behind' ? 'pp-behind' : ''} data-row="scraps">
          <td>报废农机</td>
          {measureCells(s.scraps)}
        </tr>
        <tr className={s.purchases.status === 'behind' ? 'pp-behind' : ''} data-row="purchases">
          <td>新购农机</td>
          {measureCells(s.purchases)}
        </tr>
        <tr>
          <td>其中装北斗/监测终端</td>
          <td>{count(s.terminals.target)}</td>
          <td>{count(s.terminals.beidou + s.terminals.monitor)}</td>
          <td colSpan={6} style={{ textAlign: 'left' }}>
            占新购 {pct(s.terminals.sharePct)}（北斗 {s.terminals.beidou} 台，作业监测 {s.terminals.monitor} 台）
          </td>
        </tr>
      </tbody>
      <caption className="pp-note" style={{ captionSide: 'bottom', textAlign: 'left' }}>
        今日应完成 = 目标 × 已过天数 ÷ 全年天数（均衡进度）；① 按全年至今的进度推算；② 按近{s.scraps.recentDays || 90}
        天的进度推算；每月需完成 = 尚差台数 ÷ 剩余月数（含本月）。
      </caption>
    </table>
  );
}

export function FundsTable({ s }: { s: ProgressSummary }) {
  return (
    <table className="pp-table" data-testid="print-funds">
      <thead>
        <tr>
          <th>补贴资金</th>
          <th>报废部分</th>
          <th>购置部分</th>
          <th>合计</th>
        </tr>
      </thead>
      <tbody>
        {(
          [
            ['已承诺（已核验及以后）', s.funds.committed],
            ['已兑付', s.funds.paid],
          ] as const
        ).map(([label, f]) => (
          <tr key={label}>
            <td>{label}</td>
            <td>{wan(f.scrapFen)}</td>
            <td>{wan(f.purchaseFen)}</td>
            <td>{wan(f.totalFen)}</td>
          </tr>
        ))}
        <tr>
          <td>耕种收综合机械化率</td>
          <td colSpan={3} style={{ textAlign: 'left' }}>
            {s.mechanization.ratePct === null ? '未录入' : pct(s.mechanization.ratePct)}（目标 ≥{s.mechanization.targetPct}%）
          </td>
        </tr>
        <tr>
          <td>粮食烘干</td>
          <td colSpan={3} style={{ textAlign: 'left' }}>
            运行能力 {s.drying.operatingTpd} 吨/日（目标 {s.drying.capacityTargetTpd === null ? '未设定' : `${s.drying.capacityTargetTpd} 吨/日`}
            ）；燃煤烘干机{s.drying.coal.text}（截至 {s.drying.asOf}）
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** The township's pace in words: which measure lags, else the worse of the two. */
function townshipPace(r: ProgressByTownship['rows'][number]): string {
  if (r.laggard)
    return `${[r.scraps.status === 'behind' && '报废', r.purchases.status === 'behind' && '新购'].filter(Boolean).join('、')}滞后`;
  const rank = { behind: 0, onPace: 1, ahead: 2, achieved: 3 } as const;
  return PACE_LABELS[rank[r.scraps.status] <= rank[r.purchases.status] ? r.scraps.status : r.purchases.status];
}

/** 各乡镇进度 on paper; laggards in red. */
export function TownshipPrintTable({ data }: { data: ProgressByTownship }) {
  return (
    <table className="pp-table" data-testid="print-townships">
      <thead>
        <tr>
          <th>乡镇（街道）</th>
          <th>报废 完成/目标</th>
          <th>完成率</th>
          <th>新购 完成/目标</th>
          <th>完成率</th>
          <th>新购年底预计</th>
          <th>最近计入</th>
          <th>进度</th>
        </tr>
      </thead>
      <tbody>
        {data.rows.map((r) => (
          <tr key={r.townshipCode} className={r.laggard ? 'pp-behind' : ''}>
            <td>{r.townshipName}</td>
            <td>
              {r.scraps.done} / {r.scraps.target}
            </td>
            <td>{pct(r.scraps.percent)}</td>
            <td>
              {r.purchases.done} / {r.purchases.target}
            </td>
            <td>{pct(r.purchases.percent)}</td>
            <td>{count(r.purchases.projectedYearEnd)}</td>
            <td>{r.lastActivity ?? '本年无'}</td>
            <td>{townshipPace(r)}</td>
          </tr>
        ))}
        <tr style={{ fontWeight: 600 }}>
          <td>合计</td>
          <td>
            {data.totals.scraps} / {data.totals.scrapTarget}
          </td>
          <td />
          <td>
            {data.totals.purchases} / {data.totals.purchaseTarget}
          </td>
          <td colSpan={4} />
        </tr>
      </tbody>
    </table>
  );
}
