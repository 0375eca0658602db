// Importing a sales channel's order export (/orders/import): file → channel → columns →
// preview → result. The file is dropped or picked in the window and handed to the app
// (OrderImport.Stage keeps a copy under the data folder), or taken from the watched import
// folder. Each step asks the backend for a dry-run Preview; nothing is written until Import,
// which takes the whole file or nothing (bad rows can be skipped with their orders). The
// orders list refreshes itself afterwards through the orders:changed event.
import { useState } from 'react';
import { Alert, App, Button, Card, Space, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FileTextOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { errorText, toAppError, type ImportPreview, type ImportResult, type PendingImportFile, type Product } from '../../../lib/backend';
import { stageFile } from '../../../lib/files';
import { previewImport, saveMapping, useImportFields, useRunImport } from './api';
import { cleanMapping, fitMapping, mappingProblems, type Mapping } from './mapping';
import { FileStep } from './FileStep';
import { ChannelStep } from './ChannelStep';
import { ColumnsStep } from './ColumnsStep';
import { OrderProblemTable, PreviewStep } from './PreviewStep';
import { ResultStep } from './ResultStep';

const steps = ['file', 'channel', 'columns', 'preview', 'done'] as const;
type Step = (typeof steps)[number];

interface Source {
  path: string;
  name: string;
}

/** Where the mapping of the columns step came from, for the channel it was read with. */
interface Columns {
  channel: string;
  headers: string[];
  mapping: Mapping;
  prefilledFrom: string; // preset name, 'saved' or ''
}

function columnsOf(pv: ImportPreview): Columns {
  const headers = pv.headers ?? [];
  const mapping = fitMapping(pv.mapping, headers);
  const prefilled = Object.keys(mapping).length > 0;
  return { channel: pv.channel, headers, mapping, prefilledFrom: !prefilled ? '' : pv.preset || 'saved' };
}

export function OrderImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const fields = useImportFields();
  const runImport = useRunImport();

  const [step, setStep] = useState<Step>('file');
  const [source, setSource] = useState<Source>();
  const [detectedChannel, setDetectedChannel] = useState('');
  const [channel, setChannel] = useState<string>();
  const [columns, setColumns] = useState<Columns>();
  const [mapping, setMapping] = useState<Mapping>({});
  const [saveIt, setSaveIt] = useState(false);
  const [checkMapping, setCheckMapping] = useState(false);
  const [preview, setPreview] = useState<ImportPreview>();
  const [chosen, setChosen] = useState<Record<string, Product>>({});
  const [skipBad, setSkipBad] = useState(false);
  const [result, setResult] = useState<ImportResult>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const fieldOrder = (fields.data ?? []).map((f) => f.name);
  const problems = mappingProblems(mapping, fieldOrder);

  /** Runs a step's backend work with the busy flag on and its error shown. */
  const work = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const applyColumns = (c: Columns) => {
    setColumns(c);
    setMapping(c.mapping);
    setSaveIt(false);
    setCheckMapping(false);
  };

  /** A file is in: detect its kind (a preset's headers name the channel) and go to the channel step. */
  const open = (src: Source) => {
    setSource(src);
    setPreview(undefined);
    setResult(undefined);
    setColumns(undefined);
    setChosen({});
    setSkipBad(false);
    return previewImport(src.path, '', {}).then(
      (pv) => {
        setDetectedChannel(pv.channel);
        setChannel(pv.channel);
        applyColumns(columnsOf(pv));
        setStep('channel');
      },
      (err) => {
        if (toAppError(err).key !== 'importing.channel.required') throw err;
        setDetectedChannel('');
        setChannel(undefined);
        setStep('channel');
      },
    );
  };

  const onFile = (file: File) => work(async () => open({ path: await stageFile(file), name: file.name }));
  const onPending = (f: PendingImportFile) => work(() => open({ path: f.path, name: f.name }));

  /** Channel chosen: read the file with that channel's saved mapping or preset. */
  const toColumns = () =>
    work(async () => {
      if (!source || !channel) return;
      if (columns?.channel !== channel) applyColumns(columnsOf(await previewImport(source.path, channel, {})));
      setStep('columns');
    });

  const toPreview = () => {
    setCheckMapping(true);
    if (problems.length > 0 || !source || !channel) return;
    return work(async () => {
      const m = cleanMapping(mapping);
      if (saveIt) {
        await saveMapping(channel, m);
        message.success(t('orderImport.columns.saved', { channel: t(`orders.channel.${channel}`) }));
      }
      setPreview(await previewImport(source.path, channel, m));
      setSkipBad(false);
      setStep('preview');
    });
  };

  const doImport = () =>
    work(async () => {
      if (!source || !channel) return;
      const productMap = Object.fromEntries(Object.entries(chosen).map(([title, p]) => [title, p.id]));
      setResult(await runImport({ path: source.path, channel, mapping: cleanMapping(mapping), productMap, skipBad }));
      setStep('done');
    });

  const restart = () => {
    setStep('file');
    setSource(undefined);
    setError(undefined);
  };

  const hasProblems = (preview?.problems.length ?? 0) > 0;
  const blocked = hasProblems && !skipBad;
  const index = steps.indexOf(step);

  return (
    <div data-testid="order-import-page">
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Button icon={<ArrowLeftOutlined />} data-testid="import-back-to-orders" onClick={() => navigate('/orders')}>
            {t('orderImport.backToOrders')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('orderImport.title')}
          </Typography.Title>
        </Space>
        {source && step !== 'file' && (
          <Space>
            <Tag icon={<FileTextOutlined />} data-testid="import-file-name" style={{ fontSize: 13, padding: '2px 8px' }}>
              {source.name}
            </Tag>
            {step !== 'done' && (
              <Button type="link" onClick={restart} data-testid="import-other-file">
                {t('orderImport.file.another')}
              </Button>
            )}
          </Space>
        )}
      </Space>
      <Card>
        <Steps
          size="small"
          current={index}
          style={{ marginBottom: 24 }}
          // earlier steps can be revisited until the import ran
          onChange={(i) => step !== 'done' && i < index && !busy && setStep(steps[i])}
          items={steps.map((s) => ({ key: s, title: t(`orderImport.steps.${s}`) }))}
        />
        {error !== undefined && <ErrorAlert error={error} />}
        {step === 'file' && <FileStep busy={busy} onFile={(f) => void onFile(f)} onPending={(f) => void onPending(f)} />}
        {step === 'channel' && <ChannelStep channel={channel} detectedChannel={detectedChannel} onChange={setChannel} />}
        {step === 'columns' && columns && channel && (
          <ColumnsStep
            fields={fields.data ?? []}
            headers={columns.headers}
            mapping={mapping}
            onChange={setMapping}
            channel={channel}
            prefilledFrom={columns.prefilledFrom}
            save={saveIt}
            onSave={setSaveIt}
            problems={checkMapping ? problems : []}
          />
        )}
        {step === 'preview' && preview && (
          <PreviewStep
            preview={preview}
            chosen={chosen}
            onChoose={(title, p) =>
              setChosen((c) => {
                const next = { ...c };
                if (p) next[title] = p;
                else delete next[title];
                return next;
              })
            }
            skipBad={skipBad}
            onSkipBad={setSkipBad}
          />
        )}
        {step === 'done' && result && (
          <ResultStep
            result={result}
            onViewOrders={() => navigate('/orders', { state: { tab: 'all', channel } })}
            onAnother={restart}
          />
        )}
        {step !== 'file' && step !== 'done' && (
          <Space style={{ marginTop: 24, width: '100%', justifyContent: 'flex-end' }}>
            <Button data-testid="import-prev" disabled={busy} onClick={() => (index <= 1 ? restart() : setStep(steps[index - 1]))}>
              {t('orderImport.prev')}
            </Button>
            {step === 'channel' && (
              <Button type="primary" data-testid="import-next" loading={busy} disabled={!channel} onClick={() => void toColumns()}>
                {t('orderImport.next')}
              </Button>
            )}
            {step === 'columns' && (
              <Button type="primary" data-testid="import-next" loading={busy} onClick={() => void toPreview()}>
                {t('orderImport.toPreview')}
              </Button>
            )}
            {step === 'preview' && preview && (
              <Space>
                {blocked && <Typography.Text type="danger">{t('orderImport.preview.blocked')}</Typography.Text>}
                <Button type="primary" data-testid="import-run" loading={busy} disabled={blocked} onClick={() => void doImport()}>
                  {t('orderImport.preview.import', { count: preview.orders })}
                </Button>
              </Space>
            )}
          </Space>
        )}
        {busy && step === 'file' && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
            {t('orderImport.file.reading')}
          </Typography.Text>
        )}
      </Card>
    </div>
  );
}

/** A backend error in words, with every bad row of a refused file. */
function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const e = toAppError(error);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="import-error"
      style={{ marginBottom: 16 }}
      message={errorText(t, e)}
      description={e.problems.length > 0 ? <OrderProblemTable problems={e.problems} /> : undefined}
    />
  );
}
