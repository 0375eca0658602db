// An order's notice history, for the order drawer: what the customer was told about its
// parcels, and whether each e-mail went out.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/backend';
import { useOrderNotices } from './api';
import { NoticeHistory } from './NoticeHistory';

export function OrderNotices({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const q = useOrderNotices(orderId);
  if (q.isError) return <Typography.Text type="danger">{errorText(t, q.error)}</Typography.Text>;
  return <NoticeHistory notices={q.data ?? []} loading={q.isLoading} testid="order-notice-history" />;
}
