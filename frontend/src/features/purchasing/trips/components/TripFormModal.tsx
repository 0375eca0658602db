// The trip form (new and edit): where and when, who buys, the currency with the card and cash
// rates ("1 JPY = ? CNY", prefilled from the kept rate of the day), and where goods bought for
// stock are booked in. Rules run as the person types; the backend's field errors land on the
// field they name.
import { useEffect } from 'react';
import { App, AutoComplete, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LocationSelect } from '../../../../components/LocationSelect';
import { errorText, toAppError, type Trip } from '../../../../lib/backend';
import { currencies } from '../../../../lib/money';
import { keptRate, useCreateTrip, useUpdateTrip } from '../api';
import { useSettings } from '../../../settings/api';
import { emptyTrip, formToTripInput, isRate, tripToForm, type TripFormValues } from '../logic';

type Values = Omit<TripFormValues, 'startsOn' | 'endsOn'> & { startsOn: Dayjs | null; endsOn: Dayjs | null };

const fields = new Set(['name', 'country', 'city', 'startsOn', 'endsOn', 'buyer', 'currency', 'cardRate', 'cashRate', 'locationId', 'note']);

/** Countries a daigou team most often buys in (any two-letter code can be typed). */
const countries = ['JP', 'KR', 'HK', 'TW', 'TH', 'SG', 'FR', 'IT', 'DE', 'GB', 'US', 'AU', 'NZ', 'CA', 'CH'];

const toDay = (s: string) => (s ? dayjs(s) : null);
const fromDay = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

export function TripFormModal({ open, trip, onClose, onSaved }: {
  open: boolean;
  /** the trip to edit; none = a new trip */
  trip?: Trip;
  onClose: () => void;
  onSaved?: (t: Trip) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateTrip();
  const update = useUpdateTrip();
  const settings = useSettings();
  const base = settings.data?.baseCurrency ?? 'CNY';
  const currency = Form.useWatch('currency', form) ?? emptyTrip.currency;

  useEffect(() => {
    if (!open) return;
    const v = trip ? tripToForm(trip) : { ...emptyTrip, startsOn: dayjs().format('YYYY-MM-DD') };
    form.resetFields();
    form.setFieldsValue({ ...v, startsOn: toDay(v.startsOn), endsOn: toDay(v.endsOn) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, trip?.id]);

  // Prefill empty rates with the kept rate of the day when the currency is chosen.
  useEffect(() => {
    if (!open || !currency || currency === base) return;
    let live = true;
    keptRate(currency, dayjs().format('YYYY-MM-DD')).then(
      (r) => {
        if (!live) return;
        if (!form.getFieldValue('cardRate')) form.setFieldValue('cardRate', r);
        if (!form.getFieldValue('cashRate')) form.setFieldValue('cashRate', r);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [open, currency, base, form]);

  const onOk = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const input = formToTripInput({ ...v, startsOn: fromDay(v.startsOn), endsOn: fromDay(v.endsOn) });
    try {
      const saved = trip ? await update.mutateAsync({ id: trip.id, input }) : await create.mutateAsync(input);
      message.success(t('common.saved'));
      onSaved?.(saved);
      onClose();
    } catch (err) {
      const e = toAppError(err);
      const onFields = (e.details.length ? e.details : [e]).filter((x) => x.field && fields.has(x.field));
      if (onFields.length) form.setFields(onFields.map((x) => ({ name: x.field as keyof Values, errors: [errorText(t, x)] })));
      else message.error(errorText(t, err));
    }
  };

  const rateRule = { validator: (_: unknown, v: string) => (!v || isRate(v) ? Promise.resolve() : Promise.reject(new Error(t('order.rate.format')))) };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={onOk}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      title={trip ? t('purchasing.trips.form.editTitle', { name: trip.name }) : t('purchasing.trips.form.newTitle')}
      okButtonProps={{ ...{ 'data-testid': 'trip-form-save' } }}
      width={640}
      data-testid="trip-form"
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('purchasing.trips.fields.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 100, message: t('form.tooLong', { max: 100 }) }]}>
          <Input data-testid="trip-form-name" placeholder={t('purchasing.trips.form.namePlaceholder')} autoComplete="off" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="country"
              label={t('purchasing.trips.fields.country')}
              normalize={(v: string) => (v ?? '').toUpperCase()}
              rules={[{ pattern: /^[A-Za-z]{2}$/, message: t('supplier.country.format') }]}
            >
              <AutoComplete
                data-testid="trip-form-country"
                options={countries.map((c) => ({ value: c, label: `${c} · ${t(`purchasing.trips.countries.${c}`)}` }))}
                filterOption={(input, o) => (o?.label ?? '').toString().toLowerCase().includes(input.toLowerCase())}
                placeholder="JP"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="city" label={t('purchasing.trips.fields.city')} rules={[{ max: 100, message: t('form.tooLong', { max: 100 }) }]}>
              <Input data-testid="trip-form-city" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="buyer" label={t('purchasing.trips.fields.buyer')} rules={[{ max: 100, message: t('form.tooLong', { max: 100 }) }]}>
              <Input data-testid="trip-form-buyer" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="startsOn" label={t('purchasing.trips.fields.startsOn')} rules={[{ required: true, message: t('form.required') }]}>
              <DatePicker data-testid="trip-form-starts" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="endsOn"
              label={t('purchasing.trips.fields.endsOn')}
              dependencies={['startsOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v: Dayjs | null) => {
                    const from = getFieldValue('startsOn') as Dayjs | null;
                    return !v || !from || !v.isBefore(from, 'day') ? Promise.resolve() : Promise.reject(new Error(t('trip.dates.order')));
                  },
                }),
              ]}
            >
              <DatePicker data-testid="trip-form-ends" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="currency" label={t('purchasing.trips.fields.currency')} rules={[{ required: true, message: t('form.required') }]}>
              <Select data-testid="trip-form-currency" showSearch options={currencies.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item name="cardRate" label={t('purchasing.trips.fields.cardRateShort')} rules={[rateRule]} tooltip={t('purchasing.trips.form.rateHelp')}>
              <Input data-testid="trip-form-card-rate" placeholder="0.048" inputMode="decimal" disabled={currency === base}
                addonBefore={`1 ${currency} =`} addonAfter={base} />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item name="cashRate" label={t('purchasing.trips.fields.cashRateShort')} rules={[rateRule]}>
              <Input data-testid="trip-form-cash-rate" placeholder="0.047" inputMode="decimal" disabled={currency === base}
                addonBefore={`1 ${currency} =`} addonAfter={base} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="locationId" label={t('purchasing.trips.fields.location')} extra={t('purchasing.trips.form.locationHelp')}>
          <LocationSelect testid="trip-form-location" allowClear />
        </Form.Item>
        <Form.Item name="note" label={t('purchasing.trips.fields.note')} rules={[{ max: 4000, message: t('form.tooLong', { max: 4000 }) }]}>
          <Input.TextArea data-testid="trip-form-note" autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
