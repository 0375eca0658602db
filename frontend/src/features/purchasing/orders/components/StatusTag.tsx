import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { statusColors } from '../poForm';

/** A purchase order's status: open, partial, received or cancelled. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} data-testid={`po-status-${status}`}>
      {t(`purchasing.po.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
