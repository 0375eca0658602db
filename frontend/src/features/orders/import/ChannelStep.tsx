// The channel step: where the orders come from. A file whose headers match a preset (Taobao's
// export) arrives with its channel chosen; any other file needs the person to say.
import { Alert, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { channels } from '../format';

interface Props {
  channel?: string;
  /** the channel of the preset the file's headers matched ('' = none) */
  detectedChannel: string;
  onChange: (channel: string) => void;
}

export function ChannelStep({ channel, detectedChannel, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="import-channel-step">
      {detectedChannel ? (
        <Alert
          type="success"
          showIcon
          data-testid="import-detected"
          message={t('orderImport.channel.detected', { channel: t(`orders.channel.${detectedChannel}`) })}
        />
      ) : (
        <Alert type="info" showIcon message={t('orderImport.channel.notDetected')} />
      )}
      <Typography.Text strong>{t('orderImport.channel.pick')}</Typography.Text>
      <Radio.Group
        data-testid="import-channel"
        optionType="button"
        buttonStyle="solid"
        value={channel}
        onChange={(e) => onChange(e.target.value as string)}
        options={channels.map((c) => ({ value: c, label: t(`orders.channel.${c}`) }))}
      />
    </Space>
  );
}
