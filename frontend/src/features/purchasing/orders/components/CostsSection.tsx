// The extra costs of a purchase order, each in its currency with its base-currency amount;
// added, changed and deleted here. They raise the landed cost of the order's goods.
import { useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, type Cost, type PODetail } from '../../../../lib/backend';
import { formatMoney } from '../../../../lib/money';
import { useDeleteCost } from '../api';
import { CostModal } from './CostModal';

export function CostsSection({ po }: { po: PODetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const del = useDeleteCost();
  const [modal, setModal] = useState<{ open: boolean; cost?: Cost }>({ open: false });
  const c = (k: string) => t(`purchasing.po.costs.${k}`);
  const money = (minor: number, cur: string) => formatMoney(minor, cur, i18n.language);

  const onDelete = async (id: string) => {
    try {
      await del.mutateAsync(id);
      message.success(c('deleted'));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <div data-testid="po-costs">
      <Table<Cost>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={po.costs}
        locale={{ emptyText: c('empty') }}
        columns={[
          { title: c('kind'), dataIndex: 'kind', width: 110, render: (k: string) => t(`purchasing.po.costs.kinds.${k}`, { defaultValue: k }) },
          { title: c('amount'), key: 'amount', align: 'right', width: 120, render: (_, x) => money(x.amount, x.currency) },
          {
            title: c('rate'),
            key: 'rate',
            width: 150,
            render: (_, x) => (x.currency === po.baseCurrency ? '' : <Typography.Text type="secondary">{t('purchasing.po.rateLine', { currency: x.currency, rate: x.rate, base: po.baseCurrency })}</Typography.Text>),
          },
          { title: t('purchasing.po.costs.base', { base: po.baseCurrency }), dataIndex: 'base', align: 'right', width: 120, render: (v: number) => money(v, po.baseCurrency) },
          { title: c('spread'), dataIndex: 'spread', width: 90, render: (s: string) => (s ? c(`spreads.${s}`) : '') },
          { title: c('at'), dataIndex: 'at', width: 100 },
          { title: c('note'), dataIndex: 'note', ellipsis: true },
          {
            key: 'actions',
            width: 120,
            render: (_, x) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setModal({ open: true, cost: x })}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={c('deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => onDelete(x.id)}>
                  <Button type="link" size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Button type="dashed" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => setModal({ open: true })} data-testid="po-cost-add">
        {c('add')}
      </Button>
      <CostModal
        open={modal.open}
        cost={modal.cost}
        ownerId={po.id}
        currency={po.currency}
        base={po.baseCurrency}
        onClose={() => setModal({ open: false })}
      />
    </div>
  );
}
