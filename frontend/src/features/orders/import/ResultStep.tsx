// The last step: what the import did, with the way to the orders it made.
import { Button, Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../lib/backend';

interface Props {
  result: ImportResult;
  onViewOrders: () => void;
  onAnother: () => void;
}

const counts = ['created', 'lines', 'skipped', 'skippedBad', 'newCustomers', 'unmatched', 'preordered'] as const;

export function ResultStep({ result, onViewOrders, onAnother }: Props) {
  const { t } = useTranslation();
  const created = result.created > 0;
  return (
    <Result
      data-testid="import-result"
      status={created ? 'success' : 'info'}
      title={
        <span data-testid="import-result-title">
          {created ? t('orderImport.result.created', { count: result.created }) : t('orderImport.result.nothingNew', { count: result.skipped })}
        </span>
      }
      subTitle={result.unmatched > 0 ? t('orderImport.result.unmatchedHelp', { count: result.unmatched }) : undefined}
      extra={[
        <Button type="primary" key="orders" data-testid="import-view-orders" onClick={onViewOrders}>
          {t('orderImport.result.viewOrders')}
        </Button>,
        <Button key="another" data-testid="import-another" onClick={onAnother}>
          {t('orderImport.result.another')}
        </Button>,
      ]}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 4 }}
        bordered
        items={counts.map((k) => ({
          key: k,
          label: t(`orderImport.result.counts.${k}`),
          children: <span data-testid={`import-result-${k}`}>{result[k]}</span>,
        }))}
      />
    </Result>
  );
}
