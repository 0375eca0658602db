// Carrier evaluation: how each carrier service did with the parcels shipped in a period (the
// last 90 days unless chosen) — on time against its estimate, average and 90th-percentile
// transit days, problems, parcels still late, cost per chargeable kg — and one chart of cost
// against speed, one bubble per service sized by its parcels.
import { lazy, Suspense, useMemo, useState } from 'react';
import { Card, DatePicker, Empty, Space, Spin, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ChartOption } from '../../../components/EChart';
import { errorText } from '../../../lib/backend';
import { formatMoney, toMinor } from '../../../lib/money';
import { carrierService, tiers, transitText } from '../format';
import { useEvaluation } from './api';
import { bubbleSize, lastDays, percentText, scatterPoints, type ScatterPoint, type ServiceStats } from './evaluationLogic';

// ECharts is loaded with the first chart, not with the app.
const EChart = lazy(() => import('../../../components/EChart').then((m) => ({ default: m.EChart })));

const tierColors: Record<string, string> = { economy: '#52c41a', standard: '#1677ff', express: '#c8102e' };

export function EvaluationTab() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[string, string]>(() => lastDays(90));
  const q = useEvaluation(range[0], range[1]);
  const rows = q.data ?? [];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="evaluation-tab">
      <Space wrap>
        <Typography.Text>{t('shipping.evaluation.ui.period')}</Typography.Text>
        <DatePicker.RangePicker
          data-testid="evaluation-range"
          allowClear={false}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange([(v[0] as Dayjs).format('YYYY-MM-DD'), (v[1] as Dayjs).format('YYYY-MM-DD')]);
          }}
          presets={[30, 90, 180, 365].map((n) => ({
            label: t('shipping.evaluation.ui.lastDays', { count: n }),
            value: [dayjs().subtract(n, 'day'), dayjs()] as [Dayjs, Dayjs],
          }))}
        />
        <Typography.Text type="secondary">{t('shipping.evaluation.ui.basis')}</Typography.Text>
      </Space>
      {q.isError ? (
        <Typography.Text type="danger" data-testid="evaluation-error">
          {errorText(t, q.error)}
        </Typography.Text>
      ) : (
        <>
          <StatsTable rows={rows} loading={q.isLoading} />
          <CostSpeedChart rows={rows} loading={q.isLoading} />
        </>
      )}
    </Space>
  );
}

function rateColor(rate: number): 'success' | 'warning' | 'danger' {
  if (rate >= 0.9) return 'success';
  if (rate >= 0.7) return 'warning';
  return 'danger';
}

function StatsTable({ rows, loading }: { rows: ServiceStats[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const c = (k: string) => t(`shipping.evaluation.ui.col.${k}`);
  const days = (v: number) => (v > 0 ? v.toFixed(1) : '—');
  const columns: NonNullable<TableProps<ServiceStats>['columns']> = [
    {
      title: c('service'),
      key: 'service',
      fixed: 'left',
      width: 210,
      render: (_, s) => (
        <Space size={4} wrap>
          <span data-testid="evaluation-service">{carrierService(s, lang) || t('shipping.evaluation.ui.noCarrier')}</span>
          {s.tier && <Tag style={{ marginInlineEnd: 0 }}>{t(`shipping.evaluation.ui.tier.${s.tier}`, { defaultValue: s.tier })}</Tag>}
        </Space>
      ),
    },
    {
      title: c('parcels'),
      key: 'parcels',
      width: 100,
      align: 'right',
      sorter: (a, b) => a.parcels - b.parcels,
      render: (_, s) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <span data-testid="evaluation-parcels">{s.parcels}</span>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('shipping.evaluation.ui.delivered', { count: s.delivered })}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: c('onTime'),
      key: 'onTime',
      width: 100,
      align: 'right',
      sorter: (a, b) => a.onTimeRate - b.onTimeRate,
      render: (_, s) =>
        s.delivered > 0 ? (
          <Tooltip title={t('shipping.evaluation.ui.onTimeOf', { onTime: s.onTime, delivered: s.delivered })}>
            <Typography.Text type={rateColor(s.onTimeRate)} data-testid="evaluation-ontime">
              {percentText(s.onTimeRate, s.delivered)}
            </Typography.Text>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: c('days'),
      key: 'days',
      width: 150,
      align: 'right',
      sorter: (a, b) => a.avgDays - b.avgDays,
      render: (_, s) => {
        const est = transitText(s.transitMin, s.transitMax);
        const slow = s.transitMax > 0 && s.avgDays > s.transitMax;
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            <Typography.Text type={slow ? 'danger' : undefined} data-testid="evaluation-days">
              {days(s.avgDays)} / {days(s.p90Days)}
            </Typography.Text>
            {est && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('shipping.evaluation.ui.estimate', { days: est })}
              </Typography.Text>
            )}
          </span>
        );
      },
    },
    {
      title: c('problems'),
      key: 'problems',
      width: 100,
      align: 'right',
      sorter: (a, b) => a.problemRate - b.problemRate,
      render: (_, s) => (
        <Tooltip title={t('shipping.evaluation.ui.problemsOf', { problems: s.problems, parcels: s.parcels })}>
          <Typography.Text type={s.problems > 0 ? 'danger' : undefined}>{percentText(s.problemRate, s.parcels)}</Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: c('lostDamaged'),
      key: 'lost',
      width: 120,
      align: 'right',
      render: (_, s) => (
        <Typography.Text type={s.lost + s.damaged > 0 ? 'danger' : undefined}>
          {s.lost} / {s.damaged}
        </Typography.Text>
      ),
    },
    {
      title: c('stillLate'),
      dataIndex: 'stillLate',
      width: 100,
      align: 'right',
      sorter: (a, b) => a.stillLate - b.stillLate,
      render: (v: number) => <Typography.Text type={v > 0 ? 'warning' : undefined}>{v}</Typography.Text>,
    },
    {
      title: c('costPerKg'),
      key: 'costPerKg',
      width: 130,
      align: 'right',
      sorter: (a, b) => a.costPerKg - b.costPerKg,
      render: (_, s) => (s.costPerKg > 0 ? <span data-testid="evaluation-costkg">{formatMoney(s.costPerKg, s.currency, lang)}</span> : '—'),
    },
    {
      title: c('freight'),
      key: 'freight',
      width: 120,
      align: 'right',
      sorter: (a, b) => a.freightBase - b.freightBase,
      render: (_, s) => (
        <Tooltip title={t('shipping.evaluation.ui.chargeable', { kg: s.chargeableKg.toFixed(2) })}>
          {formatMoney(s.freightBase, s.currency, lang)}
        </Tooltip>
      ),
    },
  ];
  return (
    <Table<ServiceStats>
      size="small"
      data-testid="evaluation-table"
      rowKey={(s) => `${s.carrierId}|${s.serviceId}`}
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 1130 }}
      onRow={(s) => ({ 'data-testid': `evaluation-row-${s.serviceId || s.carrierId || 'none'}` }) as React.HTMLAttributes<HTMLElement>}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shipping.evaluation.ui.empty')} />,
      }}
    />
  );
}

function chartOption(t: TFunction, points: ScatterPoint[], currency: string, locale: string): ChartOption {
  const max = Math.max(...points.map((p) => p.parcels));
  const money = (v: number) => formatMoney(toMinor(v, currency), currency, locale);
  return {
    grid: { left: 72, right: 48, top: 40, bottom: 48 },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const d = (p as unknown as { data: { point: ScatterPoint } }).data.point;
        return [
          `<b>${escapeHTML(d.name)}</b>`,
          t('shipping.evaluation.ui.chart.tipDays', { days: d.days.toFixed(1) }),
          t('shipping.evaluation.ui.chart.tipCost', { cost: money(d.costPerKg) }),
          t('shipping.evaluation.ui.chart.tipParcels', { count: d.parcels }),
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'value',
      name: t('shipping.evaluation.ui.chart.x'),
      nameLocation: 'middle',
      nameGap: 28,
      scale: true,
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    yAxis: {
      type: 'value',
      name: t('shipping.evaluation.ui.chart.y', { currency }),
      scale: true,
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    series: [
      {
        type: 'scatter',
        data: points.map((p) => ({
          name: p.name,
          value: [p.days, p.costPerKg, p.parcels],
          point: p,
          symbolSize: bubbleSize(p.parcels, max),
          itemStyle: { color: tierColors[p.tier] ?? '#8c8c8c', opacity: 0.75 },
        })),
        label: { show: true, position: 'top', formatter: '{b}', color: '#333', fontSize: 12 },
        emphasis: { focus: 'self', label: { fontWeight: 'bold' } },
      },
    ],
  };
}

function escapeHTML(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function CostSpeedChart({ rows, loading }: { rows: ServiceStats[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { points, left } = useMemo(() => scatterPoints(rows, lang, t('shipping.evaluation.ui.noCarrier')), [rows, lang, t]);
  const currency = rows[0]?.currency || 'CNY';
  const option = useMemo(() => chartOption(t, points, currency, lang), [t, points, currency, lang]);
  return (
    <Card
      size="small"
      data-testid="evaluation-chart"
      title={t('shipping.evaluation.ui.chart.title')}
      extra={
        <Space size={12}>
          {tiers.map((tier) => (
            <Space size={4} key={tier}>
              <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: tierColors[tier] }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`shipping.evaluation.ui.tier.${tier}`)}
              </Typography.Text>
            </Space>
          ))}
        </Space>
      }
      loading={loading && rows.length === 0}
    >
      {points.length === 0 ? (
        <Empty
          data-testid="evaluation-chart-empty"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={rows.length === 0 ? t('shipping.evaluation.ui.empty') : t('shipping.evaluation.ui.chart.none')}
        />
      ) : (
        <>
          <Suspense fallback={<Spin style={{ display: 'block', height: 380, paddingTop: 170 }} />}>
            <EChart option={option} height={380} testid="evaluation-scatter" />
          </Suspense>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('shipping.evaluation.ui.chart.help')}
            {left > 0 && ` ${t('shipping.evaluation.ui.chart.left', { count: left })}`}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
