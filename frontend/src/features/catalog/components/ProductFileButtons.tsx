// Importing a product list (.csv or .xlsx, the columns of `daigoudesk export products`, Chinese
// headers too) and exporting the catalog. A file with bad rows imports nothing: a dialog lists
// every bad row with its line and column so it can be fixed in the spreadsheet.
import { useState } from 'react';
import { App, Button, Modal, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Catalog, errorText, toAppError, type LineProblem } from '../../../lib/backend';
import { stageFile } from '../../../lib/files';
import { ExportButton } from '../../../components/ExportButton';
import { ProblemTable } from '../../../components/ProblemTable';

/** A product file's column (a problem's field, e.g. name_zh) → its key in products.fields (nameZh). */
const fieldKey = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function ProductFileButtons() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<{ file: string; problems: LineProblem[] }>();

  const importFile = async (file: File) => {
    setBusy(true);
    const hide = message.loading(t('products.import.running', { file: file.name }), 0);
    try {
      const res = await Catalog.ImportProducts(await stageFile(file));
      message.success(t('products.import.done', { created: res.created, updated: res.updated, unchanged: res.unchanged }));
    } catch (err) {
      const e = toAppError(err);
      if (e.problems.length > 0) setRefused({ file: file.name, problems: e.problems });
      else message.error(errorText(t, err));
    } finally {
      hide();
      setBusy(false);
    }
  };

  return (
    <Space>
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          void importFile(file);
          return false; // the file goes through the bindings, not an HTTP upload
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid="products-import">
          {t('products.import.button')}
        </Button>
      </Upload>
      <ExportButton testId="products-export" run={(format) => Catalog.ExportProductsAs(format)} />
      <Modal
        open={refused !== undefined}
        title={t('products.import.refusedTitle', { file: refused?.file ?? '', count: refused?.problems.length ?? 0 })}
        onCancel={() => setRefused(undefined)}
        footer={<Button onClick={() => setRefused(undefined)}>{t('common.close')}</Button>}
        width={760}
      >
        <Typography.Paragraph type="secondary">{t('products.import.refusedHelp')}</Typography.Paragraph>
        <ProblemTable
          problems={refused?.problems ?? []}
          fieldLabel={(f) => t(`products.fields.${fieldKey(f)}`, { defaultValue: f })}
        />
      </Modal>
    </Space>
  );
}
