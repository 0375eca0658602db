// A time from the backend as people read it: how long ago, then the date and time.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { absoluteTime, timeAgo } from '../../../lib/time';

export function When({ time, now }: { time: string; now: number }) {
  const { t } = useTranslation();
  if (!time) return <Typography.Text type="secondary">{t('sync.state.never')}</Typography.Text>;
  return (
    <span>
      {timeAgo(time, now)}
      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
        {absoluteTime(time)}
      </Typography.Text>
    </span>
  );
}
