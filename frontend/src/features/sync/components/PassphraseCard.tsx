// The team passphrase: changing it when the folder is encrypted, and what to do when it is not.
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/backend';
import { useChangePassphrase } from '../api';
import { SectionCard } from './SectionCard';

interface Values {
  passphrase: string;
  repeat: string;
}

export function PassphraseCard({ encrypted }: { encrypted: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const change = useChangePassphrase();

  const onFinish = ({ passphrase }: Values) =>
    change.mutate(passphrase, {
      onSuccess: () => {
        setOpen(false); // the form goes with the modal (destroyOnHidden)
        void message.success(t('sync.passphrase.changed'));
      },
      onError: (err) => form.setFields([{ name: 'passphrase', errors: [errorText(t, err)] }]),
    });

  return (
    <SectionCard
      icon={<LockOutlined />}
      title={t('sync.passphrase.title')}
      extra={
        encrypted && (
          <Button size="small" onClick={() => setOpen(true)} data-testid="sync-passphrase-change">
            {t('sync.passphrase.change')}
          </Button>
        )
      }
    >
      <Typography.Text type="secondary">{encrypted ? t('sync.passphrase.encryptedHelp') : t('sync.passphrase.plainHelp')}</Typography.Text>
      <Modal
        open={open}
        title={t('sync.passphrase.change')}
        okText={t('sync.passphrase.change')}
        cancelText={t('common.cancel')}
        confirmLoading={change.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} preserve={false}>
          <Form.Item name="passphrase" label={t('sync.passphrase.new')} rules={[{ required: true, whitespace: true, message: t('sync.error.passphraseRequired') }]}>
            <Input.Password autoComplete="new-password" data-testid="sync-passphrase-new" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t('sync.passphrase.repeat')}
            dependencies={['passphrase']}
            rules={[
              { required: true, message: t('sync.error.passphraseRequired') },
              ({ getFieldValue }) => ({
                validator: (_, v) => (v === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error(t('sync.passphrase.mismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="sync-passphrase-repeat" />
          </Form.Item>
          <Typography.Text type="secondary">{t('sync.passphrase.changeHelp')}</Typography.Text>
        </Form>
      </Modal>
    </SectionCard>
  );
}
