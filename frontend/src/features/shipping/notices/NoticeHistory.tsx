// The notices sent about a parcel or an order, newest first: one entry per notice (the rows a
// multi-order notice wrote are folded), with its stage, channel, language, time and what became
// of it (copied, sent, waiting in the outbox, failed and to be retried). A row opens to its text.
import { Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { absoluteTime } from '../../../lib/time';
import { groupNotices, type Notice, type NoticeGroup, type NoticeState } from './noticeLogic';

const stateColors: Record<NoticeState, string> = { copied: 'blue', sent: 'success', pending: 'gold', failed: 'error' };

function NoticeStateTag({ state, lastError, sent }: { state: NoticeState; lastError?: string; sent?: string }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={stateColors[state]} data-testid={`notice-state-${state}`} style={{ marginInlineEnd: 0 }}>
      {t(`shipping.notices.state.${state}`)}
    </Tag>
  );
  if (state === 'failed' && lastError) return <Tooltip title={t('shipping.notices.lastError', { error: lastError })}>{tag}</Tooltip>;
  if (state === 'sent' && sent) return <Tooltip title={t('shipping.notices.sentAt', { time: absoluteTime(sent) })}>{tag}</Tooltip>;
  return tag;
}

interface Props {
  notices: readonly Notice[];
  /** order id → number, to name the orders of a notice about several */
  orderNumbers?: Record<string, string>;
  loading?: boolean;
  testid: string;
}

export function NoticeHistory({ notices, orderNumbers, loading, testid }: Props) {
  const { t } = useTranslation();
  const groups = groupNotices(notices);
  const showOrders = !!orderNumbers && Object.keys(orderNumbers).length > 1;
  return (
    <Table<NoticeGroup>
      size="small"
      rowKey="key"
      data-testid={testid}
      loading={loading}
      dataSource={groups}
      pagination={groups.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
      locale={{ emptyText: t('shipping.notices.noHistory') }}
      onRow={(g) => ({ 'data-testid': `notice-row-${g.notice.stage}-${g.notice.channel}` }) as React.HTMLAttributes<HTMLElement>}
      expandable={{
        expandedRowRender: (g) => (
          <div data-testid="notice-row-text">
            {g.notice.channel === 'email' && (
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>{t('shipping.notices.recipient')}</Typography.Text>
                {g.notice.recipient}
                <br />
                <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>{t('shipping.notices.subject')}</Typography.Text>
                {g.notice.subject}
              </Typography.Paragraph>
            )}
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{g.notice.body}</Typography.Paragraph>
          </div>
        ),
      }}
      columns={[
        {
          title: t('shipping.notices.col.time'),
          key: 'at',
          width: 140,
          render: (_, g) => <span style={{ whiteSpace: 'nowrap' }}>{absoluteTime(g.notice.at)}</span>,
        },
        { title: t('shipping.notices.col.stage'), key: 'stage', width: 100, render: (_, g) => t(`shipping.notices.stage.${g.notice.stage}`, { defaultValue: g.notice.stage }) },
        { title: t('shipping.notices.col.channel'), key: 'channel', width: 110, render: (_, g) => t(`shipping.notices.channel.${g.notice.channel}`, { defaultValue: g.notice.channel }) },
        { title: t('shipping.notices.col.lang'), key: 'lang', width: 90, render: (_, g) => t(`languages.${g.notice.lang}`, { defaultValue: g.notice.lang }) },
        ...(showOrders
          ? [
              {
                title: t('shipping.notices.col.orders'),
                key: 'orders',
                ellipsis: true,
                render: (_: unknown, g: NoticeGroup) => g.orderIds.map((id) => orderNumbers?.[id] ?? id).join(t('common.listSeparator')),
              },
            ]
          : []),
        {
          title: t('shipping.notices.col.state'),
          key: 'state',
          width: 120,
          render: (_, g) => <NoticeStateTag state={g.state} lastError={g.lastError} sent={g.sent} />,
        },
      ]}
    />
  );
}
