// One ECharts chart in a div that follows its size. Charts register only the parts they use
// (echarts/core plus the chart types and components below), so the bundle carries no more of
// ECharts than the app draws; add a part here when a chart needs it.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';

echarts.use([ScatterChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<ScatterSeriesOption | GridComponentOption | TooltipComponentOption>;

export function EChart({ option, height = 360, testid }: { option: ChartOption; height?: number; testid?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={el} style={{ width: '100%', height }} data-testid={testid} />;
}
