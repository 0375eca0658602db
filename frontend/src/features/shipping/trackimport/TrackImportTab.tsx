// Tracking import: a carrier's export (CSV or XLSX, Chinese or English headers) is previewed
// first — new events, events already recorded, rows left out and why, bad rows with their line
// and column, the parcels and orders it moves on — and imported with one click. A file with bad
// rows imports nothing until it is corrected.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemTable } from '../../../components/ProblemTable';
import { errorText, toAppError } from '../../../lib/backend';
import { useImportTracking, type SkippedRow, type TrackingImport } from './api';

const trackFile = /\.(csv|xlsx)$/i;

export function TrackImportTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useImportTracking();
  const [file, setFile] = useState<File>();
  const [result, setResult] = useState<TrackingImport>();
  const [error, setError] = useState<string>();

  const go = async (f: File, commit: boolean) => {
    setError(undefined);
    if (!trackFile.test(f.name)) {
      setFile(undefined);
      setResult(undefined);
      setError(t('file.format', { file: f.name }));
      return;
    }
    try {
      const r = await run.mutateAsync({ file: f, commit });
      setFile(f);
      setResult(r);
      if (commit) message.success(t('shipping.trackImport.done', { count: r.events }));
    } catch (err) {
      const e = toAppError(err);
      // a commit refused for bad rows (found since the preview): show them
      if (e.problems.length > 0) {
        setFile(f);
        setResult((prev) => ({ ...(prev ?? emptyResult(f.name)), committed: false, problems: e.problems }) as TrackingImport);
      }
      setError(errorText(t, err));
    }
  };

  const again = () => {
    setFile(undefined);
    setResult(undefined);
    setError(undefined);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="track-import-tab">
      {!result ? (
        <Card size="small">
          <div data-testid="track-import-dropzone">
            <Upload.Dragger
              accept=".csv,.xlsx"
              multiple={false}
              showUploadList={false}
              disabled={run.isPending}
              beforeUpload={(f) => {
                void go(f, false);
                return false; // the file goes through the bindings, not an HTTP upload
              }}
              // a dropped file `accept` filters out would vanish without a word: say why
              onDrop={(e) => {
                const first = e.dataTransfer.files[0];
                if (first && !trackFile.test(first.name)) void go(first, false);
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('shipping.trackImport.drop')}</p>
              <p className="ant-upload-hint">{t('shipping.trackImport.hint')}</p>
            </Upload.Dragger>
          </div>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('shipping.trackImport.columns')}
          </Typography.Paragraph>
        </Card>
      ) : (
        <Preview
          file={file?.name ?? result.file}
          result={result}
          busy={run.isPending}
          onImport={() => file && void go(file, true)}
          onAgain={again}
        />
      )}
      {error && <Alert type="error" showIcon message={error} data-testid="track-import-error" closable onClose={() => setError(undefined)} />}
    </Space>
  );
}

function emptyResult(file: string) {
  return { file, committed: false, rows: 0, events: 0, known: 0, skipped: [], problems: [], parcels: [], orders: [] };
}

function Preview({
  file,
  result: r,
  busy,
  onImport,
  onAgain,
}: {
  file: string;
  result: TrackingImport;
  busy: boolean;
  onImport: () => void;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const problems = r.problems ?? [];
  const skipped = r.skipped ?? [];
  const stat = (key: string, value: number, warn = false) => (
    <Col xs={12} sm={8} md={4} key={key}>
      <Statistic
        data-testid={`track-import-${key}`}
        title={t(`shipping.trackImport.count.${key}`)}
        value={value}
        valueStyle={warn && value > 0 ? { color: '#cf1322' } : undefined}
      />
    </Col>
  );
  const canImport = !r.committed && problems.length === 0 && r.events > 0;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="track-import-preview">
      <Card
        size="small"
        title={
          <Space>
            <span data-testid="track-import-file">{file}</span>
            {r.committed ? (
              <Tag color="success" data-testid="track-import-committed">{t('shipping.trackImport.committed')}</Tag>
            ) : (
              <Tag>{t('shipping.trackImport.previewTag')}</Tag>
            )}
          </Space>
        }
        extra={
          <Space>
            {!r.committed && (
              <Button type="primary" data-testid="track-import-commit" disabled={!canImport} loading={busy} onClick={onImport}>
                {t('shipping.trackImport.import', { count: r.events })}
              </Button>
            )}
            <Button data-testid="track-import-again" disabled={busy} onClick={onAgain}>
              {r.committed ? t('shipping.trackImport.another') : t('shipping.trackImport.pickAnother')}
            </Button>
          </Space>
        }
      >
        <Row gutter={16}>
          {stat('rows', r.rows)}
          {stat('events', r.events)}
          {stat('known', r.known)}
          {stat('skipped', skipped.length)}
          {stat('problems', problems.length, true)}
        </Row>
        {!r.committed && problems.length === 0 && r.events === 0 && (
          <Alert style={{ marginTop: 12 }} type="info" showIcon data-testid="track-import-nothing" message={t('shipping.trackImport.nothing')} />
        )}
        {r.committed && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            data-testid="track-import-success"
            message={t('shipping.trackImport.done', { count: r.events })}
          />
        )}
        <Affected label={t('shipping.trackImport.parcels')} items={r.parcels ?? []} testid="track-import-parcels" />
        <Affected label={t('shipping.trackImport.orders')} items={r.orders ?? []} testid="track-import-orders" />
      </Card>

      {problems.length > 0 && (
        <Card
          size="small"
          data-testid="track-import-problems"
          title={<Typography.Text type="danger">{t('shipping.trackImport.problemsTitle', { count: problems.length })}</Typography.Text>}
        >
          <Typography.Paragraph type="secondary">{t('shipping.trackImport.problemsHelp')}</Typography.Paragraph>
          <ProblemTable
            problems={problems}
            fieldTitle={t('shipping.trackImport.col.column')}
            fieldLabel={(f) => f || '—'}
            rowTestId={() => 'track-import-problem'}
          />
        </Card>
      )}

      {skipped.length > 0 && (
        <Card size="small" data-testid="track-import-skipped" title={t('shipping.trackImport.skippedTitle', { count: skipped.length })}>
          <Table<SkippedRow>
            size="small"
            rowKey={(s) => `${s.line}-${s.tracking}`}
            dataSource={skipped}
            pagination={skipped.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
            columns={[
              { title: t('shipping.trackImport.col.line'), dataIndex: 'line', width: 80 },
              { title: t('shipping.trackImport.col.tracking'), dataIndex: 'tracking', width: 220 },
              {
                title: t('shipping.trackImport.col.reason'),
                dataIndex: 'reason',
                render: (v: string) => t(`shipping.trackImport.reason.${v}`, { defaultValue: v }),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

function Affected({ label, items, testid }: { label: string; items: string[]; testid: string }) {
  if (items.length === 0) return null;
  return (
    <div style={{ marginTop: 12 }} data-testid={testid}>
      <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
        {label}
      </Typography.Text>
      {items.map((n) => (
        <Tag key={n}>{n}</Tag>
      ))}
    </div>
  );
}

