// The first step: a file dropped or picked in the window (an HTML file input, so it works in a
// browser and in the Wails webview alike), or one of the files waiting in the watched import
// folder, whose path the app already knows.
import { useEffect, useState } from 'react';
import { App, Button, Card, Input, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { FolderOpenOutlined, InboxOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, type PendingImportFile } from '../../../lib/backend';
import { formatDateTime } from '../format';
import { usePendingFiles, useSetWatchFolder, useWatchFolder } from './api';

const exportFile = /\.(csv|xlsx)$/i;

interface Props {
  busy: boolean;
  onFile: (file: File) => void;
  onPending: (file: PendingImportFile) => void;
}

export function FileStep({ busy, onFile, onPending }: Props) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div data-testid="import-dropzone">
        <Upload.Dragger
          accept=".csv,.xlsx"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            onFile(file);
            return false; // the file goes through the bindings, not an HTTP upload
          }}
          // a dropped file `accept` filters out would vanish without a word: let the app say why
          onDrop={(e) => {
            const first = e.dataTransfer.files[0];
            if (first && !exportFile.test(first.name)) onFile(first);
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('orderImport.file.drop')}</p>
          <p className="ant-upload-hint">{t('orderImport.file.hint')}</p>
        </Upload.Dragger>
      </div>
      <WatchedFolder busy={busy} onPending={onPending} />
    </Space>
  );
}

function WatchedFolder({ busy, onPending }: { busy: boolean; onPending: (f: PendingImportFile) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const folder = useWatchFolder();
  const pending = usePendingFiles();
  const setFolder = useSetWatchFolder();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const current = folder.data ?? '';
  useEffect(() => setText(current), [current]);

  const save = async (value: string) => {
    setSaving(true);
    try {
      await setFolder(value);
      message.success(value ? t('orderImport.folder.saved') : t('orderImport.folder.cleared'));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setSaving(false);
    }
  };

  const files = pending.data ?? [];
  return (
    <Card
      size="small"
      data-testid="import-folder"
      title={
        <Space>
          <FolderOpenOutlined />
          {t('orderImport.folder.title')}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('orderImport.folder.help')}
      </Typography.Paragraph>
      <Space.Compact style={{ width: '100%', maxWidth: 720 }}>
        <Input
          data-testid="import-folder-path"
          value={text}
          placeholder={t('orderImport.folder.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => void save(text.trim())}
        />
        <Button data-testid="import-folder-save" loading={saving} disabled={text.trim() === '' || text.trim() === current} onClick={() => void save(text.trim())}>
          {t('orderImport.folder.save')}
        </Button>
        <Button data-testid="import-folder-clear" disabled={!current || saving} onClick={() => void save('')}>
          {t('orderImport.folder.clear')}
        </Button>
      </Space.Compact>
      <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0' }} data-testid="import-folder-current">
        {current ? t('orderImport.folder.current', { folder: current }) : t('orderImport.folder.none')}
      </Typography.Text>
      {current && (
        <Table<PendingImportFile>
          data-testid="import-pending"
          size="small"
          rowKey="path"
          pagination={false}
          loading={pending.isLoading}
          dataSource={files}
          locale={{ emptyText: t('orderImport.folder.empty') }}
          columns={[
            {
              title: t('orderImport.folder.name'),
              dataIndex: 'name',
              ellipsis: true,
              render: (name: string, f) => (
                <Space size={4}>
                  <span>{name}</span>
                  {f.problem && (
                    <Tooltip title={f.problem}>
                      <WarningOutlined style={{ color: '#faad14' }} />
                    </Tooltip>
                  )}
                </Space>
              ),
            },
            {
              title: t('orderImport.folder.kind'),
              width: 150,
              render: (_, f) =>
                f.preset ? (
                  <Tag color="blue">{t('orderImport.preset.export', { preset: t(`orderImport.preset.${f.preset}`, { defaultValue: f.preset }) })}</Tag>
                ) : (
                  <Typography.Text type="secondary">{t('orderImport.folder.mapByHand')}</Typography.Text>
                ),
            },
            { title: t('orderImport.folder.size'), dataIndex: 'size', width: 90, align: 'right', render: (n: number) => formatSize(n) },
            { title: t('orderImport.folder.modified'), dataIndex: 'modTime', width: 150, render: (v: string) => formatDateTime(v, i18n.language) },
            {
              key: 'action',
              width: 90,
              render: (_, f) => (
                <Button
                  size="small"
                  type="primary"
                  ghost
                  data-testid={`import-pending-${f.name}`}
                  disabled={busy || !!f.problem}
                  onClick={() => onPending(f)}
                >
                  {t('orderImport.folder.import')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
