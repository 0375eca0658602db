// The column-mapping step: for each field an order row can carry, the column of the file that
// holds it, prefilled from the mapping saved for the channel or the preset the headers match.
// The order fields (the same on every row of an order) and the line fields stand apart.
import { Alert, Card, Checkbox, Col, Form, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportField } from '../../../lib/backend';
import type { Mapping, MappingProblem } from './mapping';

interface Props {
  fields: ImportField[];
  headers: string[];
  mapping: Mapping;
  onChange: (m: Mapping) => void;
  channel: string;
  /** where the prefilled mapping came from: a preset's name, 'saved', or '' */
  prefilledFrom: string;
  save: boolean;
  onSave: (save: boolean) => void;
  /** shown once the person tried to go on */
  problems: MappingProblem[];
}

export function ColumnsStep({ fields, headers, mapping, onChange, channel, prefilledFrom, save, onSave, problems }: Props) {
  const { t } = useTranslation();
  const channelName = t(`orders.channel.${channel}`, { defaultValue: channel });
  const options = headers.map((h) => ({ value: h, label: h }));
  const problemOf = (field: string) => problems.find((p) => p.field === field);

  const fieldItem = (f: ImportField) => {
    const problem = problemOf(f.name);
    return (
      <Col xs={24} md={12} key={f.name}>
        <Form.Item
          label={t(`orderImport.fields.${f.name}`)}
          required={f.required}
          validateStatus={problem ? 'error' : undefined}
          help={problem ? t(problem.key, { ...problem.params, field: t(`orderImport.fields.${String(problem.params?.field ?? f.name)}`) }) : undefined}
          style={{ marginBottom: 12 }}
        >
          <Select
            data-testid={`import-map-${f.name}`}
            allowClear
            showSearch
            placeholder={t('orderImport.columns.notMapped')}
            value={mapping[f.name] || undefined}
            options={options}
            onChange={(h: string | undefined) => onChange({ ...mapping, [f.name]: h ?? '' })}
          />
        </Form.Item>
      </Col>
    );
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="import-columns-step">
      <Alert
        type="info"
        showIcon
        message={t('orderImport.columns.intro')}
        description={
          prefilledFrom === 'saved'
            ? t('orderImport.columns.fromSaved', { channel: channelName })
            : prefilledFrom
              ? t('orderImport.columns.fromPreset', { preset: t(`orderImport.preset.${prefilledFrom}`, { defaultValue: prefilledFrom }) })
              : undefined
        }
      />
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('orderImport.columns.order')}>
              <Row gutter={12}>{fields.filter((f) => f.order).map(fieldItem)}</Row>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('orderImport.columns.line')}>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
                {t('orderImport.columns.lineHelp')}
              </Typography.Paragraph>
              <Row gutter={12}>{fields.filter((f) => !f.order).map(fieldItem)}</Row>
            </Card>
          </Col>
        </Row>
      </Form>
      <Checkbox data-testid="import-save-mapping" checked={save} onChange={(e) => onSave(e.target.checked)}>
        {t('orderImport.columns.save', { channel: channelName })}
      </Checkbox>
    </Space>
  );
}
