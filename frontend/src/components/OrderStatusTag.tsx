// An order's status as a coloured tag, wherever orders are listed (the orders area, the pack
// list, a parcel's orders, an import's preview).
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const statusColors: Record<string, string> = {
  draft: 'default', confirmed: 'blue', deposit: 'gold', paid: 'cyan', allocated: 'geekblue', bought: 'purple',
  packed: 'lime', shipped: 'processing', delivered: 'green', completed: 'success', cancelled: 'error',
};

export function OrderStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status] ?? 'default'} data-testid="order-status" data-status={status}>
      {t(`orders.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
