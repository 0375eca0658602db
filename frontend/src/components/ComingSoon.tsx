import { Result } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Placeholder for an area of the product that a later release fills in. */
export function ComingSoon({ areaKey }: { areaKey: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="coming-soon">
      <Result
        icon={<ClockCircleOutlined />}
        title={t('placeholder.title', { area: t(areaKey) })}
        subTitle={t('placeholder.subtitle')}
      />
    </div>
  );
}
