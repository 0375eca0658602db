// An export button: Excel (the default) or CSV from its menu. The app asks where to save, writes
// the file and the button says where it went.
import { App, Dropdown } from 'antd';
import { DownOutlined, DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/backend';

interface Props {
  testId: string;
  /** Asks where to save (format preselected) and writes; path "" = cancelled. */
  run: (format: 'xlsx' | 'csv') => Promise<{ path: string; count: number }>;
}

export function ExportButton({ testId, run }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const go = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    try {
      const res = await run(format);
      if (res.path) message.success(t('files.exported', { count: res.count, path: res.path }));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown.Button
      data-testid={testId}
      loading={busy}
      icon={<DownOutlined />}
      onClick={() => void go('xlsx')}
      menu={{
        items: [
          { key: 'xlsx', label: t('files.asExcel') },
          { key: 'csv', label: t('files.asCSV') },
        ],
        onClick: ({ key }) => void go(key as 'xlsx' | 'csv'),
      }}
    >
      <DownloadOutlined /> {t('files.export')}
    </Dropdown.Button>
  );
}
