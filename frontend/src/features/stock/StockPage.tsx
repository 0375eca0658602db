// The stock screen: levels, ledger, expiring batches, and the places stock is kept; with the
// receive / adjust / transfer / stock-take actions.
import { useState } from 'react';
import { Button, Space, Tabs } from 'antd';
import { AuditOutlined, DownloadOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useStockEvents } from './api';
import { AdjustModal, ReceiveModal, TransferModal, type ActionPrefill } from './components/ActionModals';
import { ExpiringTab } from './components/ExpiringTab';
import { LedgerTab } from './components/LedgerTab';
import { LevelsTab } from './components/LevelsTab';
import { StockTakeModal } from './components/StockTakeModal';
import { ZonesTab } from './components/ZonesTab';

type Action = 'receive' | 'adjust' | 'transfer' | 'stockTake';

export function StockPage() {
  const { t } = useTranslation();
  useStockEvents();
  const [tab, setTab] = useState('levels');
  const [action, setAction] = useState<{ kind?: Action; prefill?: ActionPrefill }>({});
  const open = (kind: Action, prefill?: ActionPrefill) => setAction({ kind, prefill });
  const close = () => setAction((a) => ({ prefill: a.prefill }));

  return (
    <div data-testid="stock-page">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        tabBarExtraContent={
          <Space>
            <Button type="primary" icon={<DownloadOutlined />} onClick={() => open('receive')} data-testid="stock-receive">
              {t('stock.actions.receive')}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => open('adjust')} data-testid="stock-adjust">
              {t('stock.actions.adjust')}
            </Button>
            <Button icon={<SwapOutlined />} onClick={() => open('transfer')} data-testid="stock-transfer">
              {t('stock.actions.transfer')}
            </Button>
            <Button icon={<AuditOutlined />} onClick={() => open('stockTake')} data-testid="stock-take">
              {t('stock.actions.stockTake')}
            </Button>
          </Space>
        }
        items={[
          { key: 'levels', label: <span data-testid="tab-levels">{t('stock.tabs.levels')}</span>, children: <LevelsTab onAction={open} /> },
          { key: 'ledger', label: <span data-testid="tab-ledger">{t('stock.tabs.ledger')}</span>, children: <LedgerTab /> },
          { key: 'expiring', label: <span data-testid="tab-expiring">{t('stock.tabs.expiring')}</span>, children: <ExpiringTab /> },
          { key: 'zones', label: <span data-testid="tab-zones">{t('stock.tabs.zones')}</span>, children: <ZonesTab /> },
        ]}
      />
      <ReceiveModal open={action.kind === 'receive'} onClose={close} prefill={action.prefill} />
      <AdjustModal open={action.kind === 'adjust'} onClose={close} prefill={action.prefill} />
      <TransferModal open={action.kind === 'transfer'} onClose={close} prefill={action.prefill} />
      <StockTakeModal open={action.kind === 'stockTake'} onClose={close} />
    </div>
  );
}
