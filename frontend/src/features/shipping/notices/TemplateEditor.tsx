// The eight notice templates (four stages × two languages): subject and message, the
// placeholders as chips that go in where the cursor is, a live preview against a recent parcel,
// save and back to the built-in text. The preview is filled here, in the browser, as the text is
// typed (noticeLogic.fillTemplate over the parcel's values), so it shows unsaved edits; the
// message a customer gets is always rendered by the backend from the saved template. Unsaved
// edits are kept per template while another one is looked at.
import { useRef, useState } from 'react';
import { App, Badge, Button, Card, Col, Empty, Input, Popconfirm, Row, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/backend';
import { useParcel, useParcels } from '../api';
import { useResetTemplate, useSaveTemplate, useTemplates, type Template } from './api';
import {
  fillTemplate, insertPlaceholder, langFor, noticeLangs, noticePlaceholders, noticeStages, parcelVars,
  type NoticeLang, type NoticeStage,
} from './noticeLogic';

interface Edit {
  subject: string;
  body: string;
  /** the saved text the edit started from: a template saved elsewhere drops the edit */
  base: string;
}

const tplKey = (stage: string, lang: string) => `${stage}|${lang}`;
const baseOf = (t: Template) => `${t.subject}\u0000${t.body}`;

type Field = 'subject' | 'body';

export function TemplateEditor() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const templates = useTemplates();
  const save = useSaveTemplate();
  const reset = useResetTemplate();
  const [stage, setStage] = useState<NoticeStage>('shipped');
  const [lang, setLang] = useState<NoticeLang>(langFor(i18n.language));
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const subjectRef = useRef<HTMLInputElement | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement | null>(null);
  const lastField = useRef<Field>('body');

  const list = templates.data ?? [];
  const find = (s: string, l: string) => list.find((x) => x.stage === s && x.lang === l);
  const editOf = (s: string, l: string): Edit | undefined => {
    const saved = find(s, l);
    const e = edits[tplKey(s, l)];
    return saved && e && e.base === baseOf(saved) ? e : undefined;
  };
  const dirtyOf = (s: string, l: string) => {
    const saved = find(s, l);
    const e = editOf(s, l);
    return !!saved && !!e && (e.subject !== saved.subject || e.body !== saved.body);
  };

  const saved = find(stage, lang);
  const current = editOf(stage, lang) ?? (saved ? { subject: saved.subject, body: saved.body, base: baseOf(saved) } : undefined);
  const dirty = dirtyOf(stage, lang);

  // back to the saved text of the template on screen
  const dropEdit = () => setEdits(({ [tplKey(stage, lang)]: _, ...rest }) => rest);

  const change = (patch: Partial<Pick<Edit, Field>>) => {
    if (!current) return;
    setEdits((m) => ({ ...m, [tplKey(stage, lang)]: { ...current, ...patch } }));
  };

  const insert = (name: string) => {
    if (!current) return;
    const field = lastField.current;
    const el = field === 'subject' ? subjectRef.current : bodyRef.current;
    const text = current[field];
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? start;
    const r = insertPlaceholder(text, start, end, name);
    change({ [field]: r.text });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(r.cursor, r.cursor);
    });
  };

  const onSave = async () => {
    if (!current) return;
    try {
      await save.mutateAsync({ stage, lang, subject: current.subject, body: current.body, custom: true });
      dropEdit();
      message.success(t('shipping.notices.tpl.saved'));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const onReset = async () => {
    try {
      await reset.mutateAsync({ stage, lang });
      dropEdit();
      message.success(t('shipping.notices.tpl.resetDone'));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const stageLabel = (s: NoticeStage) => {
    const unsaved = noticeLangs.some((l) => dirtyOf(s, l));
    return (
      <span data-testid={`tpl-stage-${s}`}>
        <Badge dot={unsaved} offset={[4, 0]}>
          {t(`shipping.notices.stage.${s}`)}
        </Badge>
      </span>
    );
  };

  return (
    <Row gutter={16} data-testid="template-editor">
      <Col xs={24} xl={14}>
        <Card
          size="small"
          title={t('shipping.notices.tpl.title')}
          extra={
            saved && (
              <Tag color={saved.custom ? 'blue' : 'default'} data-testid="tpl-custom">
                {saved.custom ? t('shipping.notices.tpl.custom') : t('shipping.notices.tpl.builtIn')}
              </Tag>
            )
          }
          loading={templates.isLoading}
        >
          <Space wrap size={[16, 8]} style={{ marginBottom: 12 }}>
            <Segmented<NoticeStage>
              data-testid="tpl-stage"
              value={stage}
              onChange={setStage}
              options={noticeStages.map((s) => ({ value: s, label: stageLabel(s) }))}
            />
            <Segmented<NoticeLang>
              data-testid="tpl-lang"
              value={lang}
              onChange={setLang}
              options={noticeLangs.map((l) => ({
                value: l,
                label: (
                  <span data-testid={`tpl-lang-${l}`}>
                    <Badge dot={dirtyOf(stage, l)} offset={[4, 0]}>
                      {t(`languages.${l}`)}
                    </Badge>
                  </span>
                ),
              }))}
            />
          </Space>
          {templates.isError ? (
            <Typography.Text type="danger">{errorText(t, templates.error)}</Typography.Text>
          ) : (
            <>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
                {t('shipping.notices.tpl.subject')}
              </Typography.Text>
              <Input
                data-testid="tpl-subject"
                ref={(r) => {
                  subjectRef.current = r?.input ?? null;
                }}
                value={current?.subject ?? ''}
                onFocus={() => (lastField.current = 'subject')}
                onChange={(e) => change({ subject: e.target.value })}
              />
              <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 4px' }}>
                {t('shipping.notices.tpl.body')}
              </Typography.Text>
              <Input.TextArea
                data-testid="tpl-body"
                ref={(r) => {
                  bodyRef.current = r?.resizableTextArea?.textArea ?? null;
                }}
                value={current?.body ?? ''}
                onFocus={() => (lastField.current = 'body')}
                onChange={(e) => change({ body: e.target.value })}
                autoSize={{ minRows: 8, maxRows: 16 }}
              />
              <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 6px' }}>
                {t('shipping.notices.tpl.placeholdersHelp')}
              </Typography.Text>
              <Space wrap size={[6, 6]} data-testid="tpl-placeholders">
                {noticePlaceholders.map((p) => (
                  <Button
                    key={p}
                    size="small"
                    data-testid={`tpl-ph-${p}`}
                    // keep the cursor where it is in the field being edited
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => insert(p)}
                  >
                    <Typography.Text code style={{ marginInlineEnd: 4 }}>{`{${p}}`}</Typography.Text>
                    {t(`shipping.notices.placeholder.${p}`)}
                  </Button>
                ))}
              </Space>
              <Space style={{ marginTop: 16 }} wrap>
                <Button type="primary" data-testid="tpl-save" disabled={!dirty} loading={save.isPending} onClick={() => void onSave()}>
                  {t('common.save')}
                </Button>
                <Button data-testid="tpl-discard" disabled={!dirty} onClick={dropEdit}>
                  {t('shipping.notices.tpl.discard')}
                </Button>
                <Popconfirm
                  title={t('shipping.notices.tpl.resetConfirm')}
                  okText={t('shipping.notices.tpl.reset')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => onReset()}
                  disabled={!saved?.custom}
                >
                  <Button data-testid="tpl-reset" disabled={!saved?.custom} loading={reset.isPending}>
                    {t('shipping.notices.tpl.reset')}
                  </Button>
                </Popconfirm>
              </Space>
            </>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Preview subject={current?.subject ?? ''} body={current?.body ?? ''} lang={lang} />
      </Col>
    </Row>
  );
}

const previewLimit = 30;

/** The template filled with a recent parcel's values (the newest one with a tracking number
 * unless another is picked). */
function Preview({ subject, body, lang }: { subject: string; body: string; lang: string }) {
  const { t } = useTranslation();
  const recent = useParcels({ status: '', search: '', orderId: '', ids: [], limit: previewLimit });
  const rows = recent.data ?? [];
  const [picked, setPicked] = useState<string>();
  const fallback = rows.find((r) => r.trackingNo)?.id ?? rows[0]?.id;
  const parcelId = picked && rows.some((r) => r.id === picked) ? picked : fallback;
  const parcel = useParcel(parcelId);
  const vars = parcel.data ? parcelVars(parcel.data, lang) : undefined;
  return (
    <Card
      size="small"
      title={t('shipping.notices.tpl.preview')}
      data-testid="tpl-preview"
      extra={
        rows.length > 0 && (
          <Select
            data-testid="tpl-preview-parcel"
            size="small"
            value={parcelId}
            onChange={setPicked}
            style={{ width: 220 }}
            popupMatchSelectWidth={false}
            showSearch
            optionFilterProp="label"
            options={rows.map((r) => ({
              value: r.id,
              label: [r.number, r.orders.join(t('common.listSeparator')), r.shipName].filter(Boolean).join(' · '),
            }))}
          />
        )
      }
    >
      {rows.length === 0 && !recent.isLoading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shipping.notices.tpl.noParcel')} />
      ) : (
        <>
          <Typography.Text type="secondary">{t('shipping.notices.tpl.subject')}</Typography.Text>
          <Typography.Paragraph strong data-testid="tpl-preview-subject" style={{ marginBottom: 8 }}>
            {vars ? fillTemplate(subject, vars) : subject}
          </Typography.Paragraph>
          <div
            data-testid="tpl-preview-body"
            style={{ whiteSpace: 'pre-wrap', background: '#f5f5f5', borderRadius: 8, padding: '10px 12px', lineHeight: 1.7 }}
          >
            {vars ? fillTemplate(body, vars) : body}
          </div>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
            {t('shipping.notices.tpl.previewNote')}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
