// The lines of the purchase order form: product, quantity and unit price in the order's
// currency, with each line's subtotal; lines are added and removed freely until goods arrive.
import { Button, Col, Form, InputNumber, Row, Tooltip, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProductSelect } from '../../../../components/ProductSelect';
import type { Product } from '../../../../lib/backend';
import { productLabel } from '../../../../lib/lookups';
import { digitsOf, formatMoney, toMinor } from '../../../../lib/money';
import { emptyLine, formTotal, type POFormValues, type POLineValues } from '../poForm';

const cols = { product: 11, qty: 3, price: 5, total: 4, remove: 1 };

export function POLines({
  form,
  currency,
  priceFor,
}: {
  form: FormInstance<POFormValues>;
  currency: string;
  /** a unit price to suggest for a product just picked (major units of currency) */
  priceFor: (p: Product) => number | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lines = Form.useWatch('lines', form) as POLineValues[] | undefined;
  const f = (k: string) => t(`purchasing.po.fields.${k}`);
  const v = (k: string) => t(`purchasing.po.validation.${k}`);
  const money = (minor: number) => (currency ? formatMoney(minor, currency, i18n.language) : '');

  const onPicked = (name: number, p: Product | undefined) => {
    if (!p) return;
    form.setFieldValue(['lines', name, 'label'], productLabel(p));
    const price = priceFor(p);
    if (price !== undefined && !form.getFieldValue(['lines', name, 'unitPrice'])) form.setFieldValue(['lines', name, 'unitPrice'], price);
  };

  return (
    <div data-testid="po-lines">
      <Row gutter={8} style={{ marginBottom: 4 }}>
        <Col span={cols.product}><Typography.Text type="secondary">{f('product')}</Typography.Text></Col>
        <Col span={cols.qty}><Typography.Text type="secondary">{f('qty')}</Typography.Text></Col>
        <Col span={cols.price}><Typography.Text type="secondary">{f('unitPrice')}</Typography.Text></Col>
        <Col span={cols.total} style={{ textAlign: 'right' }}><Typography.Text type="secondary">{f('lineTotal')}</Typography.Text></Col>
      </Row>
      {/* id and label ride along in each line's values (read with getFieldsValue(true)) */}
      <Form.List
        name="lines"
        rules={[
          {
            validator: async (_, value: POLineValues[] | undefined) => {
              if (!value || value.length === 0) throw new Error(v('linesEmpty'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map(({ key, name }) => {
              const line = lines?.[name];
              return (
                <Row gutter={8} key={key} align="top" data-testid={`po-line-${name}`}>
                  <Col span={cols.product}>
                    <Form.Item name={[name, 'productId']} rules={[{ required: true, message: v('productRequired') }]} style={{ marginBottom: 12 }}>
                      <ProductSelect
                        testid={`po-line-${name}-product`}
                        initialLabel={line?.label}
                        onPicked={(p) => onPicked(name, p)}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={cols.qty}>
                    <Form.Item name={[name, 'qty']} rules={[{ required: true, message: v('qtyRequired') }]} style={{ marginBottom: 12 }}>
                      <InputNumber data-testid={`po-line-${name}-qty`} min={1} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={cols.price}>
                    <Form.Item name={[name, 'unitPrice']} rules={[{ required: true, message: v('priceRequired') }]} style={{ marginBottom: 12 }}>
                      <InputNumber
                        data-testid={`po-line-${name}-price`}
                        min={0}
                        precision={digitsOf(currency)}
                        style={{ width: '100%' }}
                        addonAfter={currency || undefined}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={cols.total} style={{ textAlign: 'right', paddingTop: 5 }}>
                    {money((line?.qty ?? 0) * toMinor(line?.unitPrice, currency))}
                  </Col>
                  <Col span={cols.remove}>
                    <Tooltip title={t('purchasing.po.lines.remove')}>
                      <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(name)} data-testid={`po-line-${name}-remove`} />
                    </Tooltip>
                  </Col>
                </Row>
              );
            })}
            <Form.ErrorList errors={errors} />
            <Row gutter={8} align="middle">
              <Col span={cols.product + cols.qty + cols.price}>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(emptyLine())} data-testid="po-line-add">
                  {t('purchasing.po.lines.add')}
                </Button>
              </Col>
              <Col span={cols.total} style={{ textAlign: 'right' }} data-testid="po-form-total">
                <Typography.Text strong>{money(formTotal(lines, currency))}</Typography.Text>
              </Col>
            </Row>
          </>
        )}
      </Form.List>
    </div>
  );
}
