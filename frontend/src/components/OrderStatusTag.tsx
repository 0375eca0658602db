import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// An order's status as the pack list and a parcel's orders show it (the names are the orders
// area's translations; the colours follow its status tag).
const colors: Record<string, string> = {
  confirmed: 'blue', deposit: 'gold', paid: 'cyan', allocated: 'geekblue', bought: 'purple', packed: 'lime',
  shipped: 'processing', delivered: 'green', completed: 'success', cancelled: 'error',
};

export function OrderStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status] ?? 'default'} data-testid="order-status" data-status={status}>
      {t(`orders.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
