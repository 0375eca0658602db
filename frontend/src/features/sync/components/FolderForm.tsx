// Choosing the shared folder: its path and the optional team passphrase. Joining a folder the
// team already encrypted without the passphrase is answered with what to do, next to the field.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, toAppError } from '../../../lib/backend';
import { useSetSyncFolder } from '../api';

interface Values {
  folder: string;
  passphrase: string;
}

const formFields = ['folder', 'passphrase'] as const;

export function FolderForm({ folder, onDone, onCancel }: { folder: string; onDone?: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const setFolder = useSetSyncFolder();
  const [encryptedFolder, setEncryptedFolder] = useState(false);

  const onFinish = ({ folder, passphrase }: Values) => {
    setFolder.mutate(
      { folder: folder.trim(), passphrase: passphrase ?? '' },
      {
        onSuccess: (st) => {
          setEncryptedFolder(false);
          form.setFieldValue('passphrase', '');
          void message.success(t('sync.folder.saved', { folder: st.folder }));
          onDone?.();
        },
        onError: (err) => {
          const e = toAppError(err);
          const needed = e.key === 'sync.error.needPassphrase';
          setEncryptedFolder(needed || e.key === 'sync.error.wrongPassphrase');
          const field = formFields.find((f) => f === e.field);
          if (needed) form.getFieldInstance('passphrase')?.focus?.(); // the alert below says what to do
          else if (field) form.setFields([{ name: field, errors: [errorText(t, e)] }]);
          else void message.error(errorText(t, e));
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 720 }}
      initialValues={{ folder, passphrase: '' }}
      onFinish={onFinish}
      data-testid="sync-folder-form"
    >
      <Form.Item
        name="folder"
        label={t('sync.folder.label')}
        rules={[{ required: true, whitespace: true, message: t('sync.error.folderRequired') }]}
      >
        <Input data-testid="sync-folder-path" placeholder={t('sync.folder.placeholder')} autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Form.Item name="passphrase" label={t('sync.folder.passphrase')} extra={t('sync.folder.passphraseHelp')}>
        <Input.Password data-testid="sync-passphrase" placeholder={t('sync.folder.passphrasePlaceholder')} autoComplete="new-password" />
      </Form.Item>
      {encryptedFolder ? (
        <Alert
          data-testid="sync-need-passphrase"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('sync.folder.encryptedTitle')}
          description={t('sync.folder.encryptedHelp')}
        />
      ) : (
        <Alert type="info" style={{ marginBottom: 16 }} message={t('sync.folder.joinHelp')} />
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={setFolder.isPending} data-testid="sync-folder-save">
          {folder ? t('sync.folder.save') : t('sync.folder.start')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
      </Space>
    </Form>
  );
}
