// The sync state in the header of every screen (DESIGN: the UI always shows it): whether this
// laptop syncs, when it last took the team's changes, and how many things wait for a person
// (conflicts, files it cannot read, a failed pass). A click opens the sync screen.
import { Badge, Button, Tooltip } from 'antd';
import { CloudOutlined, CloudSyncOutlined, DisconnectOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../lib/hooks';
import { timeAgo } from '../../../lib/time';
import { useSyncStatus } from '../api';

export function SyncIndicator() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const now = useNow();
  const { data: st } = useSyncStatus();
  if (!st) return null;
  const waiting = (st.flags?.length ?? 0) + (st.problems?.length ?? 0) + (st.lastError ? 1 : 0);
  let label: string, icon;
  if (!st.folder) {
    label = t('sync.indicator.off');
    icon = <DisconnectOutlined />;
  } else {
    label = st.lastImport ? t('sync.indicator.synced', { ago: timeAgo(st.lastImport, now) }) : t('sync.indicator.on');
    icon = st.running ? <CloudSyncOutlined /> : <CloudOutlined />;
  }
  return (
    <Tooltip title={waiting ? t('sync.indicator.waiting', { count: waiting }) : undefined}>
      <Badge count={waiting} size="small" offset={[-4, 4]}>
        <Button type="text" size="small" icon={icon} onClick={() => navigate('/sync')} data-testid="sync-indicator">
          {label}
        </Button>
      </Badge>
    </Tooltip>
  );
}
