// Order settings: the priority rule (urgent within N days of the due date, high from a value),
// allocation (ship-to province → zone, and a default zone), this laptop's order-number prefix,
// and the exchange rates payments and profit use.
import { useEffect, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { toAppError, type ExchangeRate } from '../../../lib/backend';
import { currencies, fromMinor, toMinor } from '../../../lib/money';
import { usePrefix, useRates, useRules, useSaveRules, useSetPrefix, useSetRate, useZones } from '../api';
import { useSettings } from '../../settings/api';
import { orderErrorText } from '../format';

interface RuleValues {
  urgentDays: number | null;
  highValue: number | null;
  defaultZone?: string;
  provinces: { province: string; zoneId?: string }[];
}

export function RulesPanel() {
  return (
    <Row gutter={16} data-testid="order-rules">
      <Col xs={24} xl={14}>
        <RulesCard />
      </Col>
      <Col xs={24} xl={10}>
        <PrefixCard />
        <RatesCard />
      </Col>
    </Row>
  );
}

function RulesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleValues>();
  const rules = useRules();
  const zones = useZones();
  const settings = useSettings();
  const save = useSaveRules();
  const base = settings.data?.baseCurrency || 'CNY';
  const zoneOptions = (zones.data ?? []).map((z) => ({ value: z.id, label: z.name }));

  useEffect(() => {
    const r = rules.data;
    if (!r) return;
    form.setFieldsValue({
      urgentDays: r.urgentDays,
      highValue: fromMinor(r.highValue, base),
      defaultZone: r.defaultZone || undefined,
      provinces: Object.entries(r.provinceZones ?? {}).map(([province, zoneId]) => ({ province, zoneId })),
    });
  }, [rules.data, base, form]);

  const onSave = async () => {
    const v = await form.validateFields();
    const provinceZones: Record<string, string> = {};
    for (const row of v.provinces ?? []) {
      if (row.province?.trim() && row.zoneId) provinceZones[row.province.trim()] = row.zoneId;
    }
    try {
      await save.mutateAsync({ urgentDays: v.urgentDays ?? 0, highValue: toMinor(v.highValue, base), defaultZone: v.defaultZone ?? '', provinceZones });
      message.success(t('orders.rules.saved'));
    } catch (err) {
      const e = toAppError(err);
      const onFields = (e.details.length ? e.details : [e]).filter((x) => x.field === 'urgentDays' || x.field === 'highValue');
      if (onFields.length) form.setFields(onFields.map((x) => ({ name: x.field as 'urgentDays', errors: [orderErrorText(t, x)] })));
      else message.error(orderErrorText(t, err));
    }
  };

  return (
    <Card title={t('orders.rules.title')} size="small" style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="urgentDays" label={t('orders.rules.urgentDays')} extra={t('orders.rules.urgentDaysHelp')}>
              <InputNumber data-testid="rules-urgent-days" min={0} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="highValue" label={t('orders.rules.highValue', { currency: base })} extra={t('orders.rules.highValueHelp')}>
              <InputNumber data-testid="rules-high-value" min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('orders.rules.allocation')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('orders.rules.allocationHelp')}</Typography.Paragraph>
        <Form.List name="provinces">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, i) => (
                <Space key={row.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[row.name, 'province']} rules={[{ required: true, whitespace: true, message: t('orders.rules.provinceRequired') }]}>
                    <Input data-testid={`rules-province-${i}`} placeholder={t('orders.rules.province')} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'zoneId']} rules={[{ required: true, message: t('orders.rules.zoneRequired') }]}>
                    <Select data-testid={`rules-zone-${i}`} placeholder={t('orders.rules.zone')} style={{ width: 220 }} options={zoneOptions} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('common.delete')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ province: '' })} data-testid="rules-add-province" style={{ marginBottom: 16 }}>
                {t('orders.rules.addProvince')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="defaultZone" label={t('orders.rules.defaultZone')}>
          <Select data-testid="rules-default-zone" allowClear placeholder={t('orders.rules.anyZone')} style={{ width: 220 }} options={zoneOptions} />
        </Form.Item>
        <Button type="primary" onClick={() => void onSave()} loading={save.isPending} data-testid="rules-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

function PrefixCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const prefix = usePrefix();
  const set = useSetPrefix();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (prefix.data !== undefined) setValue(prefix.data);
  }, [prefix.data]);

  const onSave = async () => {
    setError(undefined);
    try {
      await set.mutateAsync(value);
      message.success(t('orders.prefix.saved'));
    } catch (err) {
      setError(orderErrorText(t, err));
    }
  };

  return (
    <Card title={t('orders.prefix.title')} size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('orders.prefix.help', { example: `SO-${value || 'ABC'}-0001` })}</Typography.Paragraph>
      <Space.Compact>
        <Input
          data-testid="prefix-input"
          value={value}
          maxLength={6}
          status={error ? 'error' : undefined}
          onChange={(e) => setValue(e.target.value.toUpperCase())}
          onPressEnter={() => void onSave()}
          style={{ width: 140 }}
        />
        <Button type="primary" onClick={() => void onSave()} loading={set.isPending} data-testid="prefix-save">
          {t('common.save')}
        </Button>
      </Space.Compact>
      {error && (
        <Typography.Text type="danger" style={{ display: 'block' }}>
          {error}
        </Typography.Text>
      )}
    </Card>
  );
}

function RatesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rates = useRates();
  const settings = useSettings();
  const set = useSetRate();
  const base = settings.data?.baseCurrency || 'CNY';
  const [currency, setCurrency] = useState<string>();
  const [rate, setRate] = useState('');
  const [from, setFrom] = useState<Dayjs | null>(dayjs());

  const onAdd = async () => {
    try {
      await set.mutateAsync({ currency: currency ?? '', rate: rate.trim(), validFrom: (from ?? dayjs()).format('YYYY-MM-DD') });
      message.success(t('orders.rates.saved'));
      setRate('');
    } catch (err) {
      message.error(orderErrorText(t, err));
    }
  };

  return (
    <Card title={t('orders.rates.title', { base })} size="small">
      <Space.Compact style={{ marginBottom: 8 }}>
        <Select
          data-testid="rate-currency"
          placeholder={t('orders.fields.currency')}
          style={{ width: 90 }}
          value={currency}
          onChange={setCurrency}
          options={currencies.filter((c) => c !== base).map((c) => ({ value: c, label: c }))}
        />
        <Input data-testid="rate-value" placeholder="0.0483" style={{ width: 90 }} value={rate} onChange={(e) => setRate(e.target.value)} />
        <DatePicker value={from} onChange={setFrom} style={{ width: 130 }} />
        <Button onClick={() => void onAdd()} loading={set.isPending} data-testid="rate-add">
          {t('orders.rates.add')}
        </Button>
      </Space.Compact>
      <Table<ExchangeRate>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rates.data ?? []}
        locale={{ emptyText: t('orders.rates.empty') }}
        columns={[
          { title: t('orders.fields.currency'), dataIndex: 'currency' },
          { title: t('orders.rates.rate', { base }), dataIndex: 'rate', align: 'right' },
          { title: t('orders.rates.validFrom'), dataIndex: 'validFrom' },
        ]}
      />
    </Card>
  );
}
