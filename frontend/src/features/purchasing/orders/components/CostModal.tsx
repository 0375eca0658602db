// Add or change an extra cost of a purchase order (luggage, forwarder, duty, other): its amount
// in any currency at a rate (blank = the kept rate on its date), spread over the order's goods
// by value or by weight into their landed cost.
import { useEffect, useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Cost } from '../../../../lib/backend';
import { digitsOf } from '../../../../lib/money';
import { showErrors, topLevel } from '../../../../lib/formErrors';
import { CurrencySelect } from '../../suppliers/components/pickers';
import { useSaveCost } from '../api';
import { costFields, costKinds, costSpreads, costValues, toCostInput, type CostValues } from '../poForm';
import { RateItem } from './RateItem';

export function CostModal({
  open,
  ownerId,
  cost,
  currency,
  base,
  onClose,
}: {
  open: boolean;
  ownerId: string;
  /** undefined = a new cost */
  cost?: Cost;
  /** the currency a new cost starts in */
  currency: string;
  base: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CostValues>();
  const save = useSaveCost();
  const [problems, setProblems] = useState<string[]>([]);
  const cur = Form.useWatch('currency', form) ?? currency;
  const at = Form.useWatch('at', form) as Dayjs | null | undefined;
  const c = (k: string) => t(`purchasing.po.costs.${k}`);

  useEffect(() => {
    if (!open) return;
    setProblems([]);
    form.resetFields();
    form.setFieldsValue(costValues(cost, currency));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, cost?.id]);

  const onOk = async () => {
    setProblems([]);
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    try {
      await save.mutateAsync({ id: cost?.id, input: toCostInput(ownerId, { ...form.getFieldsValue(true), ...v }) });
      message.success(c('saved'));
      onClose();
    } catch (err) {
      setProblems(showErrors(form, t, err, topLevel(costFields)));
    }
  };

  return (
    <Modal
      open={open}
      title={cost ? c('editTitle') : c('newTitle')}
      onCancel={onClose}
      onOk={onOk}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ ...{ 'data-testid': 'po-cost-save' } }}
      width={620}
      forceRender
      data-testid="po-cost-modal"
    >
      {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problems.join(t('common.sentenceSeparator'))} />}
      <Form form={form} layout="vertical">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="kind" label={c('kind')} rules={[{ required: true, message: c('kindRequired') }]}>
              <Select data-testid="po-cost-kind" options={costKinds.map((k) => ({ value: k, label: c(`kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="at" label={c('at')} rules={[{ required: true, message: c('atRequired') }]}>
              <DatePicker data-testid="po-cost-at" style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="amount" label={c('amount')} rules={[{ required: true, message: c('amountRequired') }]}>
              <InputNumber data-testid="po-cost-amount" min={0} precision={digitsOf(cur)} style={{ width: '100%' }} addonAfter={cur} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="currency" label={c('currency')} rules={[{ required: true }]}>
              <CurrencySelect
                testid="po-cost-currency"
                onChange={(x) => {
                  if (x === base) form.setFieldValue('rate', '');
                }}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <RateItem currency={cur} date={at?.isValid() ? at.format('YYYY-MM-DD') : ''} base={base} testid="po-cost-rate" />
          </Col>
          <Col span={24}>
            <Form.Item name="spread" label={c('spread')} extra={c('spreadHint')}>
              <Radio.Group data-testid="po-cost-spread" options={costSpreads.map((s) => ({ value: s, label: c(`spreads.${s}`) }))} optionType="button" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={c('note')} rules={[{ max: 500, message: t('form.tooLong', { max: 500 }) }]}>
              <Input data-testid="po-cost-note" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
