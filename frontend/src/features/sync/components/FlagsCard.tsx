// Conflicts sync found for a person (the last unit sold on two laptops offline; an order
// cancelled on one laptop and shipped on another), each with the answers it takes. An answer is
// a new operation: the flag clears on every laptop once it has synced.
import { useState } from 'react';
import { Alert, Button, Input, List, Select, Space, Typography } from 'antd';
import { BranchesOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, type SyncClockWarning, type SyncFlag } from '../../../lib/backend';
import { useResolveFlag } from '../api';
import { SectionCard } from './SectionCard';

export function FlagsCard({ flags, clocks }: { flags: SyncFlag[]; clocks: SyncClockWarning[] }) {
  const { t } = useTranslation();
  return (
    <SectionCard
      icon={<BranchesOutlined style={{ color: flags.length ? '#cf1322' : undefined }} />}
      title={t('sync.flags.title')}
    >
      {clocks.map((c) => (
        <Alert
          key={c.device}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="sync-clock-warning"
          message={t('sync.clocks.item', { device: c.device, minutes: Math.round(c.aheadSeconds / 60) })}
        />
      ))}
      {flags.length === 0 ? (
        <Typography.Text type="secondary" data-testid="sync-flags-none">
          {t('sync.flags.none')}
        </Typography.Text>
      ) : (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('sync.flags.help')} />
          <List data-testid="sync-flags" dataSource={flags} renderItem={(f) => <FlagItem flag={f} />} />
        </>
      )}
    </SectionCard>
  );
}

function FlagItem({ flag }: { flag: SyncFlag }) {
  const { t } = useTranslation();
  const resolve = useResolveFlag();
  const [choice, setChoice] = useState<string>();
  const [note, setNote] = useState('');
  const order = flag.orderNumber || flag.orderId;
  const what =
    flag.kind === 'oversold'
      ? t('sync.flags.oversold', { product: flag.product || flag.productId, location: flag.location || flag.locationId, short: flag.short })
      : t('sync.flags.cancelVsShip', { order });
  return (
    <List.Item data-testid={`sync-flag-${flag.subject}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>{what}</Typography.Text>
        {flag.kind === 'oversold' && order && <Typography.Text type="secondary">{t('sync.flags.order', { order })}</Typography.Text>}
        <Space wrap>
          <Select
            style={{ minWidth: 220 }}
            placeholder={t('sync.flags.resolve')}
            value={choice}
            onChange={setChoice}
            options={flag.choices.map((c) => ({ value: c, label: t(`sync.flags.choice.${c}`) }))}
            data-testid="sync-flag-choice"
          />
          <Input style={{ width: 260 }} placeholder={t('sync.flags.note')} value={note} onChange={(e) => setNote(e.target.value)} />
          <Button
            type="primary"
            disabled={!choice}
            loading={resolve.isPending}
            onClick={() => choice && resolve.mutate({ subject: flag.subject, kind: choice, note })}
            data-testid="sync-flag-resolve"
          >
            {t('sync.flags.resolve')}
          </Button>
        </Space>
        {resolve.error && <Typography.Text type="danger">{errorText(t, resolve.error)}</Typography.Text>}
      </Space>
    </List.Item>
  );
}
