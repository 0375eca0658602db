// The e-mails this laptop has still to send: each with its tries so far, the last error and
// when the next try is due (the app tries every minute, waiting longer after each failure;
// "send now" tries every one that is due at once).
import { App, Button, Card, Table, Tooltip, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/backend';
import { useNow } from '../../../lib/hooks';
import { absoluteTime, timeAgo } from '../../../lib/time';
import { useOutbox, useSendPending } from './api';
import type { Notice } from './noticeLogic';

export function OutboxCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const outbox = useOutbox();
  const send = useSendPending();
  const now = useNow();
  const rows = outbox.data ?? [];

  const sendNow = async () => {
    try {
      const r = await send.mutateAsync(undefined);
      // "send now" tries every e-mail in the outbox, whatever its next try
      if (r.sent === 0 && r.failed === 0) message.info(t('shipping.notices.outbox.empty'));
      else if (r.failed > 0) message.warning(t('shipping.notices.outbox.result', r));
      else message.success(t('shipping.notices.outbox.result', r));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const nextTry = (n: Notice) => {
    if (!n.nextTry || Date.parse(n.nextTry) <= now) return t('shipping.notices.outbox.nextRound');
    return <Tooltip title={absoluteTime(n.nextTry)}>{timeAgo(n.nextTry, now)}</Tooltip>;
  };

  return (
    <Card
      size="small"
      data-testid="outbox-card"
      title={t('shipping.notices.outbox.title', { count: rows.length })}
      extra={
        <Button size="small" icon={<SendOutlined />} data-testid="outbox-send" disabled={rows.length === 0} loading={send.isPending} onClick={() => void sendNow()}>
          {t('shipping.notices.outbox.sendNow')}
        </Button>
      }
    >
      <Table<Notice>
        size="small"
        rowKey="id"
        data-testid="outbox-table"
        loading={outbox.isLoading}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
        locale={{ emptyText: t('shipping.notices.outbox.empty') }}
        columns={[
          { title: t('shipping.notices.col.time'), key: 'at', width: 130, render: (_, n) => <span style={{ whiteSpace: 'nowrap' }}>{absoluteTime(n.at)}</span> },
          {
            title: t('shipping.notices.recipient'),
            key: 'to',
            ellipsis: true,
            render: (_, n) => (
              <Tooltip title={`${n.recipient} · ${n.subject}`}>
                <span>{n.recipient}</span>
              </Tooltip>
            ),
          },
          { title: t('shipping.notices.outbox.attempts'), dataIndex: 'attempts', width: 80, align: 'right' },
          {
            title: t('shipping.notices.outbox.lastError'),
            key: 'error',
            ellipsis: { showTitle: false },
            render: (_, n) =>
              n.lastError ? (
                <Tooltip title={n.lastError}>
                  <Typography.Text type="danger">{n.lastError}</Typography.Text>
                </Tooltip>
              ) : (
                '—'
              ),
          },
          { title: t('shipping.notices.outbox.nextTry'), key: 'next', width: 120, render: (_, n) => nextTry(n) },
        ]}
      />
    </Card>
  );
}
