import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { terminalsOption } from '../../renderer/src/features/progress/chart-options';

/** The ring's segments as the page would draw them (ECharts rendered to SVG on the server): each one's sweep. */
function segments(terminals: { beidou: number; monitor: number; none: number }): { svg: string; arcs: number } {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 300 });
  chart.setOption({ ...terminalsOption(terminals), animation: false });
  const svg = chart.renderToSVGString();
  chart.dispose();
  // a drawn segment is a path with arcs; an empty one collapses to a line
  const arcs = svg.split('\n').filter((l) => l.includes('ecmeta_ssr_type="chart"') && /d="[^"]*A/.test(l)).length;
  return { svg, arcs };
}

describe('北斗/终端 ring', () => {
  it('draws no made-up segments when no machine was bought yet', () => {
    const { svg, arcs } = segments({ beidou: 0, monitor: 0, none: 0 });
    expect(svg).toContain('暂无新购');
    expect(arcs).toBe(0);
  });

  it('draws a segment for each kind that has machines, and the share with a terminal', () => {
    const { svg, arcs } = segments({ beidou: 3, monitor: 1, none: 1 });
    expect(arcs).toBe(3);
    expect(svg).toContain('80%');
  });
});
