// Printing the ticked parcels (or, with none ticked on the "waiting" filter, every parcel
// waiting for its label): shipping labels on 100×150 or 76×130 mm label paper, packing slips
// on A4 or A5 with prices hidden for gifts. The backend draws one PDF, opens it and returns its
// path; the bar shows its progress, then the path with a button to open it again. Parcels
// whose labels were printed leave the "waiting" list.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Divider, Progress, Select, Space, Tooltip, Typography } from 'antd';
import { FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, type PrintRequest } from '../../../lib/backend';
import { openFile, usePrint } from '../api';

const labelSizes = [
  { value: '100x150', label: '100 × 150 mm' },
  { value: '76x130', label: '76 × 130 mm' },
];
const slipSizes = [
  { value: 'a4', label: 'A4' },
  { value: 'a5', label: 'A5' },
];

export function PrintBar({ selectedIds, waitingAll }: { selectedIds: string[]; waitingAll: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const print = usePrint();
  const [labelSize, setLabelSize] = useState('100x150');
  const [slipSize, setSlipSize] = useState('a4');
  const [hidePrices, setHidePrices] = useState(false);
  const [done, setDone] = useState<{ path: string; kind: string }>();
  const count = selectedIds.length || waitingAll;
  const p = (k: string, o?: Record<string, unknown>) => t(`shipping.ui.print.${k}`, o);

  const run = async (kind: 'labels' | 'slips') => {
    const req: PrintRequest = {
      kind,
      selection: selectedIds.length > 0 ? { ids: selectedIds, status: '' } : { ids: [], status: 'waiting' },
      size: kind === 'labels' ? labelSize : slipSize,
      hidePrices: kind === 'slips' && hidePrices,
    } as PrintRequest;
    setDone(undefined);
    try {
      const path = await print.mutateAsync(req);
      setDone({ path, kind });
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const pct = print.progress && print.progress.total > 0 ? Math.round((print.progress.done / print.progress.total) * 100) : 0;
  const hint = count === 0 ? p('selectFirst') : undefined;

  return (
    <div style={{ marginBottom: 12 }} data-testid="print-bar">
      <Space wrap size={[8, 8]}>
        <Select data-testid="print-label-size" value={labelSize} onChange={setLabelSize} options={labelSizes} style={{ width: 132 }} />
        <Tooltip title={hint}>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={count === 0 || print.isPending}
            loading={print.isPending && print.variables?.kind === 'labels'}
            onClick={() => void run('labels')}
            data-testid="print-labels"
          >
            {count > 0 ? p('labelsCount', { count }) : p('labels')}
          </Button>
        </Tooltip>
        <Divider type="vertical" />
        <Select data-testid="print-slip-size" value={slipSize} onChange={setSlipSize} options={slipSizes} style={{ width: 76 }} />
        <Checkbox checked={hidePrices} onChange={(e) => setHidePrices(e.target.checked)} data-testid="print-hide-prices">
          {p('hidePrices')}
        </Checkbox>
        <Tooltip title={hint}>
          <Button
            icon={<FileTextOutlined />}
            disabled={count === 0 || print.isPending}
            loading={print.isPending && print.variables?.kind === 'slips'}
            onClick={() => void run('slips')}
            data-testid="print-slips"
          >
            {count > 0 ? p('slipsCount', { count }) : p('slips')}
          </Button>
        </Tooltip>
        {selectedIds.length === 0 && waitingAll > 0 && (
          <Typography.Text type="secondary" data-testid="print-all-waiting">
            {p('allWaiting')}
          </Typography.Text>
        )}
      </Space>
      {print.isPending && (
        <div style={{ maxWidth: 420, marginTop: 8 }} data-testid="print-progress">
          <Typography.Text type="secondary">
            {print.progress ? p('progress', { done: print.progress.done, total: print.progress.total }) : p('printing')}
          </Typography.Text>
          <Progress percent={pct} size="small" status="active" />
        </div>
      )}
      {done && !print.isPending && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setDone(undefined)}
          style={{ marginTop: 8 }}
          data-testid="print-done"
          message={p(done.kind === 'labels' ? 'doneLabels' : 'doneSlips')}
          description={
            <Typography.Text copyable code data-testid="print-path">
              {done.path}
            </Typography.Text>
          }
          action={
            <Button size="small" onClick={() => void openFile(done.path).catch((err) => message.error(errorText(t, err)))} data-testid="print-open">
              {p('openAgain')}
            </Button>
          }
        />
      )}
    </div>
  );
}
