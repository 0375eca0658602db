// Stock-take: pick a location, count what is there (prefilled with on-hand), submit; the
// ledger gets a count move for every line whose figure changed.
import { useEffect, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Result, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LocationSelect } from '../../../components/LocationSelect';
import { errorText, type CountResult, type LevelRow } from '../../../lib/backend';
import { useLocationLevels, useStockTake } from '../api';

const lineKey = (r: Pick<LevelRow, 'productId' | 'batchId'>) => `${r.productId}/${r.batchId}`;

export function StockTakeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [locationId, setLocationId] = useState<string>();
  const [counted, setCounted] = useState<Record<string, number | null>>({});
  const [note, setNote] = useState('');
  const [result, setResult] = useState<CountResult>();
  const levels = useLocationLevels(open ? locationId : undefined);
  const take = useStockTake();
  const rows = levels.data?.items ?? [];

  useEffect(() => {
    if (!open) {
      setLocationId(undefined);
      setResult(undefined);
      setNote('');
    }
  }, [open]);

  // Prefill each line with what the ledger says is there.
  const loaded = levels.dataUpdatedAt;
  useEffect(() => {
    setCounted(Object.fromEntries(rows.map((r) => [lineKey(r), r.onHand])));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locationId, loaded]);

  const submit = async () => {
    if (!locationId) return;
    try {
      const res = await take.mutateAsync({
        locationId,
        note,
        at: '',
        lines: rows.map((r) => ({ productId: r.productId, batchId: r.batchId, counted: counted[lineKey(r)] ?? 0 })),
      });
      setResult(res);
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const differences = rows.filter((r) => (counted[lineKey(r)] ?? 0) !== r.onHand).length;

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('stock.actions.stockTake')}
      width={820}
      data-testid="stocktake-modal"
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" disabled={!locationId || rows.length === 0} loading={take.isPending} onClick={submit} data-testid="stocktake-submit">
              {t('stock.stockTake.submit', { count: differences })}
            </Button>
          </>
        )
      }
    >
      {result ? (
        <Result status="success" title={t('stock.stockTake.done')} subTitle={t('stock.stockTake.result', { lines: result.lines, changed: result.changed })} />
      ) : (
        <>
          <Form layout="inline" style={{ marginBottom: 16 }}>
            <Form.Item label={t('stock.fields.location')}>
              <LocationSelect testid="stocktake-location" value={locationId} onChange={setLocationId} style={{ width: 260 }} />
            </Form.Item>
            <Form.Item label={t('stock.fields.note')}>
              <Input value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 240 }} />
            </Form.Item>
          </Form>
          <Table<LevelRow>
            size="small"
            rowKey={lineKey}
            loading={levels.isFetching}
            dataSource={rows}
            pagination={false}
            scroll={{ y: 400 }}
            locale={{ emptyText: locationId ? t('stock.stockTake.nothingHere') : t('stock.stockTake.pickFirst') }}
            columns={[
              { title: t('stock.fields.product'), dataIndex: 'productName', ellipsis: true },
              { title: t('stock.fields.sku'), dataIndex: 'sku', width: 130 },
              { title: t('stock.fields.batch'), dataIndex: 'batchCode', width: 110 },
              { title: t('stock.fields.onHand'), dataIndex: 'onHand', width: 90, align: 'right' },
              {
                title: t('stock.fields.counted'),
                width: 130,
                render: (_, r) => {
                  const v = counted[lineKey(r)];
                  return (
                    <InputNumber
                      size="small"
                      min={0}
                      precision={0}
                      value={v}
                      status={v !== r.onHand ? 'warning' : undefined}
                      data-testid={`stocktake-count-${r.sku}`}
                      onChange={(n) => setCounted((c) => ({ ...c, [lineKey(r)]: n }))}
                    />
                  );
                },
              },
              {
                title: t('stock.fields.difference'),
                width: 90,
                align: 'right',
                render: (_, r) => {
                  const d = (counted[lineKey(r)] ?? 0) - r.onHand;
                  return d === 0 ? '' : <Typography.Text type={d < 0 ? 'danger' : 'success'}>{d > 0 ? `+${d}` : d}</Typography.Text>;
                },
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
