// Receive a delivery against a purchase order: per line still to come, how many arrived
// (default all of it; 0 = not in this delivery), where they go (default the order's
// location), batch code and expiry date. Errors land on the line they name.
import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LocationSelect } from '../../../../components/LocationSelect';
import type { PODetail } from '../../../../lib/backend';
import { useLocations } from '../../../../lib/lookups';
import { showErrors } from '../../../../lib/formErrors';
import { useReceivePO } from '../api';
import { placeReceiveError, receiveValues, toReceiveInput, type ReceiveLineValues } from '../poForm';

interface ReceiveForm {
  lines: ReceiveLineValues[];
  note: string;
}

export function ReceiveModal({ open, po, onClose }: { open: boolean; po: PODetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReceiveForm>();
  const receive = useReceivePO();
  const locations = useLocations();
  const onlyLocation = locations.data?.length === 1 ? locations.data[0].id : undefined;
  const [problems, setProblems] = useState<string[]>([]);
  const r = (k: string, o?: Record<string, unknown>) => t(`purchasing.po.receive.${k}`, o);

  useEffect(() => {
    if (!open) return;
    setProblems([]);
    form.resetFields();
    form.setFieldsValue({ lines: receiveValues(po, onlyLocation), note: '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, onlyLocation]);

  const onOk = async () => {
    setProblems([]);
    const ok = await form.validateFields().then(() => true, () => false);
    if (!ok) return;
    const v = form.getFieldsValue(true) as ReceiveForm;
    const input = toReceiveInput(po.id, v.lines, v.note ?? '');
    try {
      await receive.mutateAsync(input);
      message.success(r('done', { count: input.lines.reduce((n, l) => n + l.qty, 0) }));
      onClose();
    } catch (err) {
      setProblems(showErrors(form, t, err, placeReceiveError));
    }
  };

  const lines = (Form.useWatch('lines', form) as ReceiveLineValues[] | undefined) ?? [];
  const item = (name: number, field: string) => ({ name: [name, field], style: { marginBottom: 0 } });

  return (
    <Modal
      open={open}
      title={r('title', { number: po.number })}
      onCancel={onClose}
      onOk={onOk}
      okText={r('submit')}
      cancelText={t('common.cancel')}
      confirmLoading={receive.isPending}
      okButtonProps={{ disabled: lines.length === 0, ...{ 'data-testid': 'po-receive-submit' } }}
      width={1000}
      forceRender
      data-testid="po-receive-modal"
    >
      {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problems.join(t('common.sentenceSeparator'))} />}
      <Typography.Paragraph type="secondary">{r('hint')}</Typography.Paragraph>
      <Form form={form} component={false} layout="vertical">
        <Form.List name="lines">
          {(fields) => (
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={fields}
              locale={{ emptyText: r('nothingOutstanding') }}
              onRow={(fld) => ({ 'data-testid': `po-receive-line-${fld.name}` }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('purchasing.po.fields.product'), key: 'product', ellipsis: true, render: (_, fld) => lines[fld.name]?.label },
                { title: r('outstanding'), key: 'outstanding', width: 70, align: 'right', render: (_, fld) => lines[fld.name]?.outstanding },
                {
                  title: r('qty'),
                  key: 'qty',
                  width: 110,
                  render: (_, fld) => (
                    <Form.Item {...item(fld.name, 'qty')}>
                      <InputNumber data-testid={`po-receive-${fld.name}-qty`} min={0} max={lines[fld.name]?.outstanding} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  ),
                },
                {
                  title: r('location'),
                  key: 'location',
                  width: 210,
                  render: (_, fld) => (
                    <Form.Item
                      {...item(fld.name, 'locationId')}
                      dependencies={[['lines', fld.name, 'qty']]}
                      rules={[
                        ({ getFieldValue }) => ({
                          validator: (_r, v: string | undefined) =>
                            v || !getFieldValue(['lines', fld.name, 'qty']) ? Promise.resolve() : Promise.reject(new Error(r('locationRequired'))),
                        }),
                      ]}
                    >
                      <LocationSelect testid={`po-receive-${fld.name}-location`} style={{ width: '100%' }} />
                    </Form.Item>
                  ),
                },
                {
                  title: r('batch'),
                  key: 'batch',
                  width: 140,
                  render: (_, fld) => (
                    <Form.Item {...item(fld.name, 'batchCode')}>
                      <Input data-testid={`po-receive-${fld.name}-batch`} autoComplete="off" />
                    </Form.Item>
                  ),
                },
                {
                  title: r('expiry'),
                  key: 'expiry',
                  width: 150,
                  render: (_, fld) => (
                    <Form.Item {...item(fld.name, 'expiry')}>
                      <DatePicker data-testid={`po-receive-${fld.name}-expiry`} style={{ width: '100%' }} />
                    </Form.Item>
                  ),
                },
              ]}
            />
          )}
        </Form.List>
        <Form.Item name="note" label={r('note')} style={{ marginTop: 12, marginBottom: 0 }}>
          <Input data-testid="po-receive-note" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
