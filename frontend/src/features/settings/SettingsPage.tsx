import { useEffect } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyLanguage, isLanguage, languages } from '../../i18n';
import { backendAvailable, errorText, type SettingsDTO } from '../../lib/backend';
import { baseCurrencies, useSaveSettings, useSettings } from './api';

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsDTO>();
  const settings = useSettings();
  const save = useSaveSettings();

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  if (!backendAvailable() || settings.isError) {
    return (
      <Card title={t('settings.title')}>
        <Alert
          type="error"
          showIcon
          message={t('settings.loadFailed')}
          description={settings.error ? errorText(t, settings.error) : undefined}
        />
      </Card>
    );
  }
  if (!settings.data) {
    return (
      <Card title={t('settings.title')}>
        <Skeleton active />
      </Card>
    );
  }

  const onFinish = (values: SettingsDTO) => {
    save.mutate(
      { ...settings.data!, ...values },
      {
        onSuccess: (saved) => {
          if (isLanguage(saved.language)) void applyLanguage(saved.language);
          void message.success(t('settings.saved'));
        },
        onError: (err) => void message.error(errorText(t, err)),
      },
    );
  };

  return (
    <Card title={t('settings.title')}>
      <Form<SettingsDTO>
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={settings.data}
        onFinish={onFinish}
        data-testid="settings-form"
      >
        <Form.Item name="baseCurrency" label={t('settings.baseCurrency')} extra={t('settings.baseCurrencyHelp')}>
          <Select options={baseCurrencies.map((c) => ({ value: c, label: t(`currency.${c}`) }))} />
        </Form.Item>
        <Form.Item name="language" label={t('settings.language')}>
          <Select options={languages.map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
        </Form.Item>
        <Form.Item name="deviceName" label={t('settings.deviceName')} rules={[{ required: true, whitespace: true, message: t('settings.deviceNameRequired') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="dataDir" label={t('settings.dataDir')}>
          <Input readOnly variant="filled" />
        </Form.Item>
        <Form.Item name="deviceId" label={t('settings.deviceId')}>
          <Input readOnly variant="filled" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('settings.save')}
        </Button>
      </Form>
    </Card>
  );
}
