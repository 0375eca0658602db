// Every laptop that has synced through the folder, this one marked.
import { Table, Tag, Typography } from 'antd';
import { LaptopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SyncDevice } from '../../../lib/backend';
import { SectionCard } from './SectionCard';
import { When } from './When';

export function DevicesTable({ devices, self, now }: { devices: SyncDevice[]; self: string; now: number }) {
  const { t } = useTranslation();
  return (
    <SectionCard icon={<LaptopOutlined />} title={t('sync.devices.title')}>
      <Typography.Paragraph type="secondary">{t('sync.devices.help')}</Typography.Paragraph>
      <Table<SyncDevice>
        data-testid="sync-devices"
        size="small"
        rowKey="device"
        pagination={false}
        dataSource={devices}
        locale={{ emptyText: t('sync.devices.empty') }}
        onRow={(d) => ({ 'data-testid': `sync-device-${d.device}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('sync.devices.name'),
            render: (_, d) => (
              <span>
                {d.name || <Typography.Text type="secondary">{t('sync.device.noName')}</Typography.Text>}
                {d.device === self && (
                  <Tag color="red" style={{ marginInlineStart: 8 }}>
                    {t('sync.devices.thisDevice')}
                  </Tag>
                )}
              </span>
            ),
          },
          { title: t('sync.devices.id'), dataIndex: 'device', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
          { title: t('sync.devices.lastSeen'), dataIndex: 'lastSeen', render: (at: string) => <When time={at} now={now} /> },
        ]}
      />
    </SectionCard>
  );
}
