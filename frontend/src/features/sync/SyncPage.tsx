// The sync screen: choosing the shared folder the team's laptops merge their work through, and
// then the state of this laptop's sync, the laptops seen in the folder, files that could not be
// applied yet and the team passphrase. Live: every pass of the background sync updates it.
import { Alert, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { CloudSyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { backendAvailable, errorText, type SyncStatus } from '../../lib/backend';
import { useNow } from '../../lib/hooks';
import { useSyncStatus } from './api';
import { DevicesTable } from './components/DevicesTable';
import { FlagsCard } from './components/FlagsCard';
import { FolderForm } from './components/FolderForm';
import { PassphraseCard } from './components/PassphraseCard';
import { ProblemFiles } from './components/ProblemFiles';
import { StatusCard } from './components/StatusCard';

export function SyncPage() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const now = useNow();

  if (!backendAvailable() || status.isError) {
    return (
      <Alert
        type="error"
        showIcon
        message={t('sync.loadFailed')}
        description={status.error ? errorText(t, status.error) : undefined}
      />
    );
  }
  if (!status.data) return <Skeleton active />;
  const st = status.data;
  return (
    <div data-testid="sync-page">
      {st.folder ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <StatusCard status={st} now={now} />
          <FlagsCard flags={st.flags ?? []} clocks={st.clocks ?? []} />
          <DevicesTable devices={st.devices} self={st.device} now={now} />
          <ProblemFiles problems={st.problems} now={now} />
          <PassphraseCard encrypted={st.encrypted} />
        </Space>
      ) : (
        <NoFolder status={st} />
      )}
    </div>
  );
}

/** No folder chosen yet: what the folder is for, where to make it, and the form. */
function NoFolder({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[24, 24]} data-testid="sync-empty">
      <Col xs={24} xl={10}>
        <Card>
          <Space direction="vertical" size="middle">
            <Typography.Title level={4} style={{ margin: 0 }}>
              <CloudSyncOutlined style={{ marginInlineEnd: 8 }} />
              {t('sync.empty.title')}
            </Typography.Title>
            <Typography.Paragraph style={{ margin: 0 }}>{t('sync.empty.what')}</Typography.Paragraph>
            <Typography.Paragraph style={{ margin: 0 }}>{t('sync.empty.where')}</Typography.Paragraph>
            <Alert type="warning" showIcon message={t('sync.empty.never', { dataDir: status.dataDir })} />
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('sync.empty.device', { name: status.deviceName || t('sync.device.noName') })}
            </Typography.Paragraph>
          </Space>
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t('sync.folder.choose')}>
          <FolderForm folder="" />
        </Card>
      </Col>
    </Row>
  );
}
