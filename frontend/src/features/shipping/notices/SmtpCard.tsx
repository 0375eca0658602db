// This laptop's e-mail sending (SMTP). The settings stay on this device (never synced); the
// password is never shown again: a saved one reads "saved", and leaving the box empty keeps it.
import { useEffect } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { showErrors, topLevel } from '../../../lib/formErrors';
import { useSMTP, useSaveSMTP, type SMTPSettings } from './api';

const fields = ['host', 'port', 'tls', 'username', 'password', 'from'] as const;
const tlsModes = ['starttls', 'tls', 'none'] as const;
const usualPort: Record<string, number> = { starttls: 587, tls: 465, none: 25 };

export function SmtpCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const smtp = useSMTP();
  const save = useSaveSMTP();
  const [form] = Form.useForm<SMTPSettings>();
  const hasPassword = !!smtp.data?.hasPassword;

  useEffect(() => {
    if (smtp.data) form.setFieldsValue({ ...smtp.data, password: '' });
  }, [smtp.data, form]);

  const onFinish = async (v: SMTPSettings) => {
    // the backend's errors of the last try are no rules of the form: clear them first
    form.setFields(fields.map((name) => ({ name, errors: [] })));
    try {
      const saved = await save.mutateAsync({ ...v, port: Number(v.port) || 0, hasPassword: false });
      form.setFieldsValue({ ...saved, password: '' });
      message.success(t('shipping.smtp.ui.saved'));
    } catch (err) {
      const rest = showErrors(form, t, err, topLevel(fields));
      if (rest.length > 0) message.error(rest.join('\n'));
    }
  };

  // the usual port of the chosen security, unless the person typed another one
  const onTLS = (mode: string) => {
    const port = form.getFieldValue('port') as number | undefined;
    if (!port || Object.values(usualPort).includes(port)) form.setFieldValue('port', usualPort[mode]);
  };

  return (
    <Card size="small" title={t('shipping.smtp.ui.title')} data-testid="smtp-card" loading={smtp.isLoading}>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('shipping.smtp.ui.help')}
      </Typography.Paragraph>
      <Form<SMTPSettings> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false} data-testid="smtp-form">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="host" label={t('shipping.smtp.ui.host')}>
              <Input data-testid="smtp-host" placeholder="smtp.qq.com" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="tls" label={t('shipping.smtp.ui.tls')}>
              <Select
                data-testid="smtp-tls"
                onChange={onTLS}
                popupMatchSelectWidth={false}
                options={tlsModes.map((m) => ({ value: m, label: t(`shipping.smtp.ui.tlsMode.${m}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="port" label={t('shipping.smtp.ui.port')}>
              <InputNumber data-testid="smtp-port" min={1} max={65535} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="username" label={t('shipping.smtp.ui.username')} tooltip={t('shipping.smtp.ui.usernameHelp')}>
              <Input data-testid="smtp-username" autoComplete="off" placeholder={t('shipping.smtp.ui.usernamePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="password"
              label={t('shipping.smtp.ui.password')}
              extra={hasPassword ? <span data-testid="smtp-password-saved">{t('shipping.smtp.ui.passwordSaved')}</span> : undefined}
            >
              <Input.Password
                data-testid="smtp-password"
                autoComplete="new-password"
                placeholder={hasPassword ? t('shipping.smtp.ui.passwordKeep') : t('shipping.smtp.ui.passwordPlaceholder')}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="from" label={t('shipping.smtp.ui.from')}>
              <Input data-testid="smtp-from" placeholder={t('shipping.smtp.ui.fromPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="smtp-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
