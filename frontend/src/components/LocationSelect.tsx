// The stock location picker of every form: the locations under their zones ("国内仓 / A-01"),
// searchable, optionally only one zone's. An antd form control: value is the location id.
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { locationLabel, useLocations } from '../lib/lookups';

export function LocationSelect({
  value,
  onChange,
  testid,
  zoneId,
  allowClear,
  placeholder,
  style,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  testid: string;
  /** only this zone's locations */
  zoneId?: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const locations = useLocations();
  const list = (locations.data ?? []).filter((l) => !zoneId || l.zoneId === zoneId);
  return (
    <Select
      data-testid={testid}
      showSearch
      allowClear={allowClear}
      value={value}
      onChange={onChange}
      style={style}
      placeholder={placeholder ?? t('pickers.location')}
      optionFilterProp="label"
      loading={locations.isLoading}
      notFoundContent={t('pickers.noLocations')}
      options={list.map((l) => ({ value: l.id, label: locationLabel(l) }))}
    />
  );
}
