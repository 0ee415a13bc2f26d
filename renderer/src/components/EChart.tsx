import * as echarts from 'echarts';
import { useEffect, useRef, type CSSProperties } from 'react';

export type EChartOption = echarts.EChartsOption;

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
