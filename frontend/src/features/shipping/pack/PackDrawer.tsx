// The pack form: one parcel from one or more orders, filled in by the backend's draft (what is
// left to pack, the goods' weight and value, the first order's recipient, the suggested
// service and its price). The packer sets how many of each line go in (0 leaves a line out),
// weighs and measures the box and picks a service; the options are priced again whenever
// weight, size, value, origin or province change. Weight and declared value follow the
// quantities until typed over; the choice follows the suggestion until another service is
// picked ("采用建议" goes back to it); the freight follows the chosen service's price until
// typed over (the carrier's bill may differ).
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert, App, Button, Col, Divider, Drawer, Form, Input, InputNumber, Row, Space, Spin, Switch, Table, Tag, Typography,
} from 'antd';
import { CheckCircleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, type Parcel, type ParcelLine, type Quote, type QuoteInput, type QuoteOption } from '../../../lib/backend';
import { showErrors } from '../../../lib/formErrors';
import { useDebounced } from '../../../lib/hooks';
import { digitsOf, formatMoney, fromMinor } from '../../../lib/money';
import { useCarriers, useDraft, useQuote, useSaveParcel, useShippingRules } from '../api';
import { carrierService, weightText } from '../format';
import {
  choiceValues, declaredFor, goodsWeight, placeParcelError, quoteInputOf, sameQuote, sentRows, toFormValues, toParcelInput,
  type ParcelFormValues,
} from '../parcelForm';
import { CountrySelect, CurrencySelect } from '../components/pickers';
import { OptionsTable } from './OptionsTable';

/** What the form still derives by itself (false once the packer typed over it). */
interface Follow {
  weight: boolean;
  declared: boolean;
  /** the choice follows the suggestion */
  suggestion: boolean;
  freight: boolean;
  /** insured and signed for follow the chosen service and the value rule */
  cover: boolean;
}
const following: Follow = { weight: true, declared: true, suggestion: true, freight: true, cover: true };

export function PackDrawer({
  orderIds,
  onClose,
  onSaved,
}: {
  /** the orders to pack; undefined = closed */
  orderIds?: string[];
  onClose: () => void;
  onSaved?: (p: Parcel) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const open = !!orderIds && orderIds.length > 0;
  const draft = useDraft(orderIds);
  const d = draft.data;
  const carriers = useCarriers();
  const rules = useShippingRules();
  const save = useSaveParcel();
  const [form] = Form.useForm<ParcelFormValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const follow = useRef<Follow>({ ...following });
  const [, rerender] = useState(0);
  const lang = i18n.language;

  // Fill the form once per draft.
  useEffect(() => {
    if (!open || !d) return;
    follow.current = { ...following };
    setProblems([]);
    form.resetFields();
    form.setFieldsValue(toFormValues(d.parcel));
    rerender((n) => n + 1);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, d]);

  // ---- the quote: the draft's until what it depends on changes, then asked again (debounced)
  // every value, also those no field shows (item line ids, carrier, customer)
  const values = Form.useWatch([], { form, preserve: true }) as ParcelFormValues | undefined;
  const input = useMemo(() => (values ? quoteInputOf(values) : undefined), [values]);
  const asked = useDebounced(input ? JSON.stringify(input) : '', 400);
  const draftInput = useMemo(() => (d ? quoteInputOf(toFormValues(d.parcel)) : undefined), [d]);
  const askedInput = asked ? (JSON.parse(asked) as QuoteInput) : undefined;
  const reuse = !askedInput || !draftInput || sameQuote(askedInput, draftInput);
  const requote = useQuote(open && !reuse ? askedInput : undefined);
  const fresh: Quote | undefined = reuse ? d?.quote : requote.data;
  const stale = !!input && !!askedInput && !sameQuote(input, askedInput);
  const quoting = stale || (!reuse && requote.isFetching);
  // while a new quote is on its way the last one stays on screen
  const shown = useRef<Quote>(undefined);
  if (fresh) shown.current = fresh;
  const quote = fresh ?? shown.current;
  const suggested = quote?.options.find((o) => o.suggested);
  const chosen = values?.serviceId;
  const chosenOption = quote?.options.find((o) => o.serviceId === chosen);

  const apply = (o: QuoteOption) => {
    const v: Partial<ReturnType<typeof choiceValues>> = choiceValues(o, !!quote?.valuable);
    if (!follow.current.freight) {
      delete v.freight;
      delete v.freightCurrency;
    }
    if (!follow.current.cover) {
      delete v.insured;
      delete v.signature;
    }
    form.setFieldsValue(v);
  };

  // A new quote: keep following the suggestion, and the chosen service's price.
  useEffect(() => {
    if (!open || !fresh || quoting) return;
    if (follow.current.suggestion) {
      if (suggested) apply(suggested);
      return;
    }
    if (chosenOption && follow.current.freight) apply(chosenOption);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fresh, quoting]);

  const pick = (o: QuoteOption) => {
    follow.current.suggestion = !!o.suggested;
    apply(o);
    rerender((n) => n + 1);
  };
  const acceptSuggestion = () => {
    if (!suggested) return;
    follow.current.suggestion = true;
    follow.current.freight = true;
    apply(suggested);
    rerender((n) => n + 1);
  };

  const onValuesChange = (changed: Partial<ParcelFormValues>) => {
    if ('weightG' in changed) follow.current.weight = false;
    if ('declaredValue' in changed) follow.current.declared = false;
    if ('freight' in changed || 'freightCurrency' in changed) follow.current.freight = false;
    if ('insured' in changed || 'signature' in changed) follow.current.cover = false;
    if ('items' in changed && d) {
      const all = form.getFieldsValue(true) as ParcelFormValues;
      const next: Partial<ParcelFormValues> = {};
      const g = goodsWeight(d.lines, all.items);
      if (follow.current.weight && g > 0) next.weightG = g;
      if (follow.current.declared && all.declaredCurrency === d.parcel.declaredCurrency) {
        next.declaredValue = fromMinor(declaredFor(d.lines, all.items), all.declaredCurrency) || null;
      }
      form.setFieldsValue(next);
    }
  };

  const onSave = async () => {
    setProblems([]);
    const ok = await form.validateFields().then(() => true, () => false);
    if (!ok) return;
    const v = form.getFieldsValue(true) as ParcelFormValues;
    const input = toParcelInput(v);
    if (input.items.length === 0) {
      setProblems([t('shipping.ui.pack.nothing')]);
      return;
    }
    try {
      const saved = await save.mutateAsync(input);
      message.success(t('shipping.ui.pack.saved', { number: saved.number }));
      onSaved?.(saved);
    } catch (err) {
      setProblems(showErrors(form, t, err, (path) => placeParcelError(path, sentRows(v.items))));
    }
  };

  const carrierKind = carriers.data?.find((c) => c.id === values?.carrierId)?.kind;
  const showLeg2 = carrierKind === 'forwarder' || !!values?.leg2Carrier || !!values?.leg2TrackingNo;
  const home = rules.data?.homeCountry || 'CN';
  const base = quote?.baseCurrency ?? d?.quote.baseCurrency ?? '';
  const f = (k: string) => t(`shipping.ui.pack.fields.${k}`);
  const orders = [...new Set(d?.lines.map((l) => l.orderNumber) ?? [])];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={1180}
      destroyOnHidden
      data-testid="pack-drawer"
      title={t('shipping.ui.pack.title', { orders: orders.join(t('common.listSeparator')) })}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={onSave} loading={save.isPending} disabled={!d} data-testid="pack-save">
            {t('shipping.ui.pack.save')}
          </Button>
        </Space>
      }
    >
      {draft.isLoading ? (
        <Spin />
      ) : draft.isError ? (
        <Alert type="error" showIcon message={errorText(t, draft.error)} />
      ) : d ? (
        <Form form={form} layout="vertical" data-testid="pack-form" onValuesChange={onValuesChange} requiredMark={false}>
          {d.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon style={{ marginBottom: 12 }} message={t(w)} data-testid="pack-warning" />
          ))}
          {problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="pack-problems"
              message={problems.length === 1 ? problems[0] : <ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
            />
          )}

          <Divider orientation="left" style={{ marginTop: 0 }}>{t('shipping.ui.pack.goods')}</Divider>
          <GoodsTable lines={d.lines} values={values} />

          <Row gutter={24} style={{ marginTop: 8 }}>
            <Col span={9}>
              <Divider orientation="left">{t('shipping.ui.pack.parcel')}</Divider>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item
                    name="weightG"
                    label={f('weightG')}
                    extra={values ? t('shipping.ui.pack.goodsWeight', { weight: weightText(goodsWeight(d.lines, values.items)) }) : undefined}
                  >
                    <InputNumber data-testid="pack-weight" min={0} precision={0} style={{ width: '100%' }} addonAfter="g" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="origin" label={f('origin')}>
                    <CountrySelect testid="pack-origin" placeholder={t('shipping.ui.pack.originHome', { country: home })} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="lengthCm" label={f('lengthCm')}>
                    <InputNumber data-testid="pack-length" min={0} precision={1} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="widthCm" label={f('widthCm')}>
                    <InputNumber data-testid="pack-width" min={0} precision={1} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="heightCm" label={f('heightCm')}>
                    <InputNumber data-testid="pack-height" min={0} precision={1} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name="contents" label={f('contents')}>
                    <Input data-testid="pack-contents" maxLength={120} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item label={f('declaredValue')} style={{ marginBottom: 12 }}>
                    <Space.Compact style={{ width: '100%' }}>
                      <Form.Item name="declaredValue" noStyle>
                        <InputNumber
                          data-testid="pack-declared"
                          min={0}
                          precision={digitsOf(values?.declaredCurrency ?? base)}
                          style={{ width: '62%' }}
                        />
                      </Form.Item>
                      <Form.Item name="declaredCurrency" noStyle>
                        <CurrencySelect testid="pack-declared-currency" style={{ width: '38%' }} />
                      </Form.Item>
                    </Space.Compact>
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="insured" label={f('insured')} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Switch data-testid="pack-insured" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="signature" label={f('signature')} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Switch data-testid="pack-signature" />
                  </Form.Item>
                </Col>
              </Row>
            </Col>

            <Col span={15}>
              <Divider orientation="left">{t('shipping.ui.pack.carrier')}</Divider>
              <QuoteFacts quote={quote} />
              <OptionsTable quote={quote} loading={quoting} selected={chosen} onPick={pick} />
              <SuggestionBar
                suggested={suggested}
                followed={!!suggested && chosen === suggested.serviceId && follow.current.suggestion}
                onAccept={acceptSuggestion}
              />
              <Row gutter={12} style={{ marginTop: 12 }}>
                <Col span={12}>
                  <Form.Item
                    label={f('freight')}
                    tooltip={t('shipping.ui.pack.freightHint')}
                    style={{ marginBottom: 12 }}
                    extra={
                      chosenOption && values?.freightCurrency && values.freightCurrency !== base && chosenOption.feeBase >= 0
                        ? t('shipping.ui.pack.freightBase', { amount: formatMoney(chosenOption.feeBase, base, lang) })
                        : undefined
                    }
                  >
                    <Space.Compact style={{ width: '100%' }}>
                      <Form.Item name="freight" noStyle>
                        <InputNumber
                          data-testid="pack-freight"
                          min={0}
                          precision={digitsOf(values?.freightCurrency || base)}
                          style={{ width: '58%' }}
                        />
                      </Form.Item>
                      <Form.Item name="freightCurrency" noStyle>
                        <CurrencySelect testid="pack-freight-currency" style={{ width: '42%' }} />
                      </Form.Item>
                    </Space.Compact>
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="trackingNo" label={f('trackingNo')} style={{ marginBottom: 12 }}>
                    <Input data-testid="pack-tracking" placeholder={t('shipping.ui.pack.trackingLater')} autoComplete="off" />
                  </Form.Item>
                </Col>
                {showLeg2 && (
                  <>
                    <Col span={12}>
                      <Form.Item name="leg2Carrier" label={f('leg2Carrier')} tooltip={t('shipping.ui.pack.leg2Hint')}>
                        <Input data-testid="pack-leg2-carrier" autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col span={12}>
                      <Form.Item name="leg2TrackingNo" label={f('leg2TrackingNo')}>
                        <Input data-testid="pack-leg2-tracking" autoComplete="off" />
                      </Form.Item>
                    </Col>
                  </>
                )}
              </Row>
            </Col>
          </Row>

          <Divider orientation="left">{t('shipping.ui.pack.recipient')}</Divider>
          <RecipientFields />
        </Form>
      ) : null}
    </Drawer>
  );
}

/** The lines left to pack with how many go in this parcel (0 leaves the line out). */
function GoodsTable({ lines, values }: { lines: ParcelLine[]; values?: ParcelFormValues }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`shipping.ui.pack.fields.${k}`);
  const multi = new Set(lines.map((l) => l.orderId)).size > 1;
  return (
    <Table<ParcelLine>
      data-testid="pack-lines"
      size="small"
      rowKey="lineId"
      pagination={false}
      dataSource={lines}
      scroll={{ y: 220 }}
      onRow={(l) => ({ 'data-testid': `pack-line-${l.sku || l.lineId}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        ...(multi ? [{ title: f('order'), dataIndex: 'orderNumber', width: 150 }] : []),
        {
          title: f('product'),
          key: 'product',
          ellipsis: true,
          render: (_, l) => (
            <span>
              {l.name}
              {l.sku && <Typography.Text type="secondary"> · {l.sku}</Typography.Text>}
            </span>
          ),
        },
        { title: f('lineQty'), dataIndex: 'lineQty', width: 80, align: 'right' },
        { title: f('left'), dataIndex: 'qty', width: 80, align: 'right' },
        {
          title: f('qty'),
          key: 'qty',
          width: 130,
          render: (_, l, index) => (
            <Form.Item name={['items', index, 'qty']} style={{ marginBottom: 0 }}>
              <InputNumber data-testid="pack-line-qty" min={0} max={l.qty} precision={0} size="small" style={{ width: 96 }} />
            </Form.Item>
          ),
        },
        {
          title: f('unitWeight'),
          dataIndex: 'weightG',
          width: 100,
          align: 'right',
          render: (g: number, _l, index) => {
            const qty = values?.items?.[index]?.qty ?? 0;
            return (
              <span>
                {weightText(g)}
                {qty === 0 && (
                  <Tag style={{ marginLeft: 6, marginInlineEnd: 0 }} data-testid="pack-line-out">
                    {t('shipping.ui.pack.lineOut')}
                  </Tag>
                )}
              </span>
            );
          },
        },
      ]}
    />
  );
}

/** Why the rules suggest what they do: the parcel is valuable (insured and signed for) or light. */
function QuoteFacts({ quote }: { quote?: Quote }) {
  const { t, i18n } = useTranslation();
  const rules = useShippingRules();
  if (!quote || (!quote.valuable && !quote.light)) return null;
  const r = rules.data;
  return (
    <div style={{ marginBottom: 8 }} data-testid="pack-quote-facts">
      {quote.valuable && (
        <Tag color="gold">
          {t('shipping.ui.pack.valuable', { amount: r ? formatMoney(r.valuableFrom, quote.baseCurrency, i18n.language) : '' })}
        </Tag>
      )}
      {quote.light && <Tag color="blue">{t('shipping.ui.pack.light', { weight: r ? weightText(r.lightUpToG) : '' })}</Tag>}
    </div>
  );
}

function SuggestionBar({ suggested, followed, onAccept }: { suggested?: QuoteOption; followed: boolean; onAccept: () => void }) {
  const { t, i18n } = useTranslation();
  if (!suggested) return null;
  const name = carrierService(suggested, i18n.language);
  return (
    <div style={{ marginTop: 8, display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }} data-testid="pack-suggestion">
      {followed ? (
        <Typography.Text type="success" data-testid="pack-suggestion-followed">
          <CheckCircleOutlined /> {t('shipping.ui.pack.accepted', { option: name })}
        </Typography.Text>
      ) : (
        <>
          <Typography.Text type="secondary">
            {t('shipping.ui.pack.suggestion', {
              option: name,
              reason: t(`shipping.ui.reason.${suggested.reason}`, { defaultValue: suggested.reason }),
            })}
          </Typography.Text>
          <Button size="small" type="primary" ghost icon={<ThunderboltOutlined />} onClick={onAccept} data-testid="pack-accept">
            {t('shipping.ui.pack.accept')}
          </Button>
        </>
      )}
    </div>
  );
}

function RecipientFields() {
  const { t } = useTranslation();
  const f = (k: string) => t(`shipping.ui.pack.fields.${k}`);
  return (
    <Row gutter={12}>
      <Col span={6}>
        <Form.Item name="shipName" label={f('shipName')}>
          <Input data-testid="pack-ship-name" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="shipPhone" label={f('shipPhone')}>
          <Input data-testid="pack-ship-phone" autoComplete="off" inputMode="tel" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="idNumber" label={f('idNumber')} tooltip={t('shipping.ui.pack.idHint')}>
          <Input data-testid="pack-id-number" autoComplete="off" maxLength={18} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="shipProvince" label={f('shipProvince')}>
          <Input data-testid="pack-ship-province" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="shipCity" label={f('shipCity')}>
          <Input data-testid="pack-ship-city" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="shipDistrict" label={f('shipDistrict')}>
          <Input data-testid="pack-ship-district" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="shipPostcode" label={f('shipPostcode')}>
          <Input data-testid="pack-ship-postcode" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="shipStreet" label={f('shipStreet')}>
          <Input data-testid="pack-ship-street" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="note" label={f('note')}>
          <Input.TextArea data-testid="pack-note" autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
