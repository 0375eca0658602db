// The exchange rate field of the purchasing forms: blank takes the rate kept for the date
// (the hint shows which, or that none is kept and one must be typed); the base currency
// needs none.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { toAppError } from '../../../../lib/backend';
import { useKeptRate } from '../api';
import { validRate } from '../poForm';

export function RateItem({
  currency,
  date,
  base,
  testid,
  label,
}: {
  currency?: string;
  /** YYYY-MM-DD the blank rate is looked up on */
  date: string;
  base: string;
  testid: string;
  label?: string;
}) {
  const { t } = useTranslation();
  const isBase = !!currency && currency === base;
  const kept = useKeptRate(currency && !isBase ? currency : undefined, date);
  const params = { currency, base, date, rate: kept.data };
  let hint: string | undefined;
  if (isBase) hint = t('purchasing.po.rateHint.base', params);
  else if (currency && date && kept.data) hint = t('purchasing.po.rateHint.kept', params);
  else if (currency && date && kept.isError && toAppError(kept.error).key === 'order.rate.missing') hint = t('purchasing.po.rateHint.missing', params);

  return (
    <Form.Item
      name="rate"
      label={label ?? t('purchasing.po.fields.rate')}
      extra={hint && <span data-testid={`${testid}-hint`}>{hint}</span>}
      rules={[
        {
          validator: (_, v: string | undefined) =>
            !v || !v.trim() || validRate(v) ? Promise.resolve() : Promise.reject(new Error(t('purchasing.po.validation.rateFormat'))),
        },
      ]}
    >
      <Input
        data-testid={testid}
        disabled={isBase}
        autoComplete="off"
        inputMode="decimal"
        placeholder={isBase ? '1' : kept.data ? kept.data : t('purchasing.po.ratePlaceholder')}
        addonBefore={currency ? `1 ${currency} =` : undefined}
        addonAfter={base}
      />
    </Form.Item>
  );
}
