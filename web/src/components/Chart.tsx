// An ECharts chart that follows its container's size and its option.
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

export type ChartOption = echarts.EChartsOption;

export function Chart({ option, height = 300, onClick, testId }: {
  option: ChartOption; height?: number; onClick?: (params: echarts.ECElementEvent) => void; testId?: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => instance.resize()) : null;
    observer?.observe(element.current);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return undefined;
    instance.on('click', onClick);
    return () => {
      instance.off('click', onClick);
    };
  }, [onClick]);

  return <div ref={element} style={{ width: '100%', height }} data-testid={testId} />;
}
