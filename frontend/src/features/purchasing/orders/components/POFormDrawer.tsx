// Create or edit a purchase order: supplier (its currency becomes the order's unless one was
// chosen), rate (blank = the kept rate on the order date), dates, default receiving location,
// note and lines. The backend refuses edits once goods arrived; that and any problem without
// a field of its own is shown above the form.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Divider, Drawer, Form, Input, Row, Space, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LocationSelect } from '../../../../components/LocationSelect';
import { errorText, type PODetail, type Product } from '../../../../lib/backend';
import { useLocations } from '../../../../lib/lookups';
import { fromMinor } from '../../../../lib/money';
import { useSupplierProducts } from '../../suppliers/api';
import { useBaseCurrency } from '../../../settings/api';
import { showErrors } from '../../../../lib/formErrors';
import { CurrencySelect, SupplierSelect } from '../../suppliers/components/pickers';
import { usePO, useSavePO } from '../api';
import { fromPODetail, newPOValues, placePOError, toPOInput, type POFormValues } from '../poForm';
import { POLines } from './POLines';
import { RateItem } from './RateItem';

export function POFormDrawer({
  open,
  poId,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** undefined = a new purchase order */
  poId?: string;
  onClose: () => void;
  onSaved: (d: PODetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<POFormValues>();
  const base = useBaseCurrency();
  const detail = usePO(open ? poId : undefined);
  const save = useSavePO();
  const [problems, setProblems] = useState<string[]>([]);
  const editing = !!poId;
  // goods arrived (maybe on another laptop): the backend refuses any change now
  const locked = editing && (detail.data?.received ?? 0) > 0;
  const supplierId = Form.useWatch('supplierId', form);
  const currency = Form.useWatch('currency', form) ?? '';
  const orderedAt = Form.useWatch('orderedAt', form) as Dayjs | null | undefined;
  const known = useSupplierProducts(supplierId);
  const locations = useLocations();
  const onlyLocation = locations.data?.length === 1 ? locations.data[0].id : undefined;
  const f = (k: string) => t(`purchasing.po.fields.${k}`);
  const v = (k: string) => t(`purchasing.po.validation.${k}`);

  const loadedId = detail.data?.id;
  useEffect(() => {
    if (!open) return;
    setProblems([]);
    form.resetFields();
    if (!editing) form.setFieldsValue(newPOValues());
    else if (detail.data) form.setFieldsValue(fromPODetail(detail.data));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing, loadedId]);

  // A team with one location receives everything there.
  useEffect(() => {
    if (open && !editing && onlyLocation && !form.getFieldValue('locationId')) form.setFieldValue('locationId', onlyLocation);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing, onlyLocation]);

  /** The last price paid this supplier, else the product's cost, when in the order's currency. */
  const priceFor = (p: Product) => {
    const last = known.data?.find((k) => k.productId === p.id);
    if (last?.lastCurrency && last.lastCurrency === currency && last.lastPrice > 0) return fromMinor(last.lastPrice, currency);
    if (p.cost > 0 && p.costCurrency === currency) return fromMinor(p.cost, currency);
    return undefined;
  };

  const onSupplier = (s?: { currency: string }) => {
    if (s?.currency && !form.isFieldTouched('currency')) form.setFieldValue('currency', s.currency);
  };

  const onSave = async () => {
    setProblems([]);
    const ok = await form.validateFields().then(() => true, () => false);
    if (!ok) return;
    const values = form.getFieldsValue(true) as POFormValues;
    try {
      const saved = await save.mutateAsync({ id: poId, input: toPOInput(values) });
      message.success(editing ? t('purchasing.po.saved', { number: saved.number }) : t('purchasing.po.created', { number: saved.number }));
      onSaved(saved);
    } catch (err) {
      setProblems(showErrors(form, t, err, placePOError));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={920}
      forceRender
      data-testid="po-form-drawer"
      title={editing ? t('purchasing.po.editTitle', { number: detail.data?.number ?? '' }) : t('purchasing.po.newTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={onSave} loading={save.isPending} disabled={locked} data-testid="po-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {editing && detail.isLoading ? (
        <Spin />
      ) : editing && detail.isError ? (
        <Alert type="error" showIcon message={errorText(t, detail.error)} />
      ) : (
        <>
          {locked ? (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('purchasing.po.editLocked')} data-testid="po-form-locked" />
          ) : problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="po-form-problems"
              message={problems.length === 1 ? problems[0] : <ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
            />
          )}
          <Form form={form} layout="vertical" data-testid="po-form" initialValues={newPOValues()}>
            <Row gutter={16}>
              <Col span={10}>
                <Form.Item name="supplierId" label={f('supplier')} rules={[{ required: true, message: v('supplierRequired') }]}>
                  <SupplierSelect testid="po-form-supplier" onPicked={onSupplier} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="currency" label={f('currency')} rules={[{ required: true, message: v('currencyRequired') }]}>
                  <CurrencySelect
                    testid="po-form-currency"
                    onChange={(c) => {
                      if (c === base) form.setFieldValue('rate', '');
                    }}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <RateItem currency={currency || undefined} date={orderedAt?.isValid() ? orderedAt.format('YYYY-MM-DD') : ''} base={base} testid="po-form-rate" />
              </Col>
              <Col span={6}>
                <Form.Item name="orderedAt" label={f('orderedAt')} rules={[{ required: true, message: v('orderedRequired') }]}>
                  <DatePicker data-testid="po-form-orderedAt" style={{ width: '100%' }} allowClear={false} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="expectedAt" label={f('expectedAt')}>
                  <DatePicker data-testid="po-form-expectedAt" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="locationId" label={f('location')} tooltip={t('purchasing.po.locationHint')}>
                  <LocationSelect testid="po-form-location" allowClear />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="note" label={f('note')} rules={[{ max: 4000, message: t('form.tooLong', { max: 4000 }) }]}>
                  <Input.TextArea data-testid="po-form-note" autoSize={{ minRows: 1, maxRows: 4 }} />
                </Form.Item>
              </Col>
            </Row>
            <Divider orientation="left">{t('purchasing.po.sections.lines')}</Divider>
            <POLines form={form} currency={currency} priceFor={priceFor} />
          </Form>
        </>
      )}
    </Drawer>
  );
}
