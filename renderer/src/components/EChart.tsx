import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';
import type { EChartOption } from './echart-option';

// Only the parts the app draws (progress and drying charts), not the whole library: keeps the progress
// and drying chunks small. A chart type or component not registered here is silently not drawn — add it here.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type { EChartOption } from './echart-option';

interface Props {
  option: EChartOption;
  style?: CSSProperties;
  /** Test hook: the chart's container gets data-testid. */
  testId?: string;
}

/**
 * One ECharts chart: created once, updated with setOption when the option changes, resized with its
 * container, disposed on unmount. SVG renderer so charts print sharply.
 */
export function EChart({ option, style, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'svg', locale: 'ZH' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animation: false, textStyle: { fontFamily: '"Noto Sans SC", sans-serif' }, ...option }, true);
  }, [option]);

  return <div ref={ref} data-testid={testId} style={{ width: '100%', height: 320, ...style }} />;
}
