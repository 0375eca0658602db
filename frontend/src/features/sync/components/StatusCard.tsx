// The state of this laptop's sync: the folder (and changing it), this laptop, the last times
// changes went out and came in, what waits to go out, Sync now, and the last pass's error.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { CloudSyncOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { errorText, type SyncStatus } from '../../../lib/backend';
import { useStopSyncing, useSyncNow } from '../api';
import { FolderForm } from './FolderForm';
import { When } from './When';

export function StatusCard({ status, now }: { status: SyncStatus; now: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);
  const syncNow = useSyncNow();
  const stop = useStopSyncing();

  const onSyncNow = () =>
    syncNow.mutate(undefined, {
      onSuccess: (pass) =>
        void message.success(t('sync.state.synced', { exported: pass.exported, ops: pass.result.ops, files: pass.result.files })),
      onError: (err) => void message.error(errorText(t, err)),
    });
  const onStop = () =>
    stop.mutate(undefined, {
      onSuccess: () => void message.success(t('sync.folder.stopped')),
      onError: (err) => void message.error(errorText(t, err)),
    });

  return (
    <Card
      data-testid="sync-status"
      title={
        <Space>
          <CloudSyncOutlined />
          {t('sync.folder.title')}
          {status.encrypted ? (
            <Tag icon={<LockOutlined />} color="green">{t('sync.folder.encrypted')}</Tag>
          ) : (
            <Tag icon={<UnlockOutlined />}>{t('sync.folder.notEncrypted')}</Tag>
          )}
          {status.running ? <Tag color="blue">{t('sync.folder.running')}</Tag> : <Tag color="orange">{t('sync.folder.notRunning')}</Tag>}
        </Space>
      }
      extra={
        <Button type="primary" icon={<CloudSyncOutlined />} loading={syncNow.isPending} onClick={onSyncNow} data-testid="sync-now">
          {t('sync.state.syncNow')}
        </Button>
      }
    >
      {status.lastError && (
        <Alert
          data-testid="sync-last-error"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('sync.state.lastError')}
          description={`${errorText(t, status.lastError)} ${t('sync.state.lastErrorHelp')}`}
        />
      )}
      {changing ? (
        <FolderForm folder={status.folder} onDone={() => setChanging(false)} onCancel={() => setChanging(false)} />
      ) : (
        <Descriptions column={1} size="small" bordered styles={{ label: { width: 220 } }}>
          <Descriptions.Item label={t('sync.folder.label')}>
            <Space wrap>
              <Typography.Text code copyable data-testid="sync-folder-current">
                {status.folder}
              </Typography.Text>
              <Button size="small" onClick={() => setChanging(true)} data-testid="sync-folder-change">
                {t('sync.folder.change')}
              </Button>
              <Popconfirm title={t('sync.folder.stop')} description={<div style={{ maxWidth: 360 }}>{t('sync.folder.stopConfirm')}</div>} onConfirm={onStop}>
                <Button size="small" danger loading={stop.isPending} data-testid="sync-stop">
                  {t('sync.folder.stop')}
                </Button>
              </Popconfirm>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('sync.device.name')}>
            <Space>
              <span data-testid="sync-device-name">{status.deviceName || t('sync.device.noName')}</span>
              <Link to="/settings">{t('sync.device.rename')}</Link>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('sync.device.id')}>
            <Typography.Text code data-testid="sync-device-id">{status.device}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('sync.state.lastExport')}>
            <When time={status.lastExport} now={now} />
          </Descriptions.Item>
          <Descriptions.Item label={t('sync.state.lastImport')}>
            <When time={status.lastImport} now={now} />
          </Descriptions.Item>
          <Descriptions.Item label={t('sync.state.unexported')}>
            <Space>
              <Typography.Text strong data-testid="sync-unexported">
                {status.unexported > status.unexportedCap ? `${status.unexportedCap}+` : status.unexported}
              </Typography.Text>
              <Typography.Text type="secondary">{t('sync.state.unexportedHelp')}</Typography.Text>
            </Space>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
