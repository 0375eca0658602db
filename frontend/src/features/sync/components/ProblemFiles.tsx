// Files of the folder this laptop could not apply yet: retried at every pass, never deleted.
import { Alert, Table, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SyncProblemFile } from '../../../lib/backend';
import { SectionCard } from './SectionCard';
import { When } from './When';

export function ProblemFiles({ problems, now }: { problems: SyncProblemFile[]; now: number }) {
  const { t } = useTranslation();
  return (
    <SectionCard icon={<WarningOutlined style={{ color: problems.length ? '#faad14' : undefined }} />} title={t('sync.problems.title')}>
      {problems.length === 0 ? (
        <Typography.Text type="secondary" data-testid="sync-problems-none">
          {t('sync.problems.none')}
        </Typography.Text>
      ) : (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('sync.problems.help')} />
          <Table<SyncProblemFile>
            data-testid="sync-problems"
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={problems}
            columns={[
              { title: t('sync.problems.name'), dataIndex: 'name', render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
              {
                title: t('sync.problems.problem'),
                dataIndex: 'kind',
                render: (kind: string, p) => (
                  <Tooltip title={p.problem}>
                    <span>{t(`sync.problems.kinds.${kind || 'other'}`)}</span>
                  </Tooltip>
                ),
              },
              { title: t('sync.problems.tries'), dataIndex: 'tries', width: 90, align: 'right' },
              { title: t('sync.problems.since'), dataIndex: 'firstSeen', render: (at: string) => <When time={at} now={now} /> },
            ]}
          />
        </>
      )}
    </SectionCard>
  );
}
