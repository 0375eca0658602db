// Telling the customer about a parcel, from its drawer: pick the stage (the parcel's state
// suggests one) and the language, edit the message the template gives, then copy it for WeChat
// or send it by e-mail. Either way the notice is kept on the parcel's orders; below is what was
// sent before.
import { useState } from 'react';
import { App, Button, Col, Input, Row, Segmented, Select, Space, Spin, Tooltip, Typography } from 'antd';
import { CopyOutlined, MailOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, type Parcel } from '../../../lib/backend';
import { useRecordNotice, useRenderedNotice, useSMTP } from './api';
import { copyText } from './clipboard';
import { NoticeHistory } from './NoticeHistory';
import { langFor, noticeLangs, noticeStages, suggestStage, type NoticeLang, type NoticeStage } from './noticeLogic';

interface Choice {
  parcelId: string;
  stage: NoticeStage;
  lang: NoticeLang;
  orderId: string;
}

interface Draft {
  /** the rendering these edits were made on */
  key: string;
  subject: string;
  body: string;
  recipient: string;
}

export function ParcelNotices({ parcel }: { parcel: Parcel }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const suggested = suggestStage(parcel);
  // the choice belongs to one parcel: a drawer reused for another starts from its suggestion
  const [picked, setPicked] = useState<Choice>();
  const choice: Choice =
    picked?.parcelId === parcel.id ? picked : { parcelId: parcel.id, stage: suggested, lang: langFor(i18n.language), orderId: '' };
  const choose = (c: Partial<Choice>) => setPicked({ ...choice, ...c });

  const rendered = useRenderedNotice(parcel.id, choice.orderId, choice.stage, choice.lang);
  const renderedKey = `${parcel.id}|${choice.orderId}|${choice.stage}|${choice.lang}|${rendered.dataUpdatedAt}`;
  const [edits, setEdits] = useState<Draft>();
  const draft: Draft =
    edits?.key === renderedKey
      ? edits
      : { key: renderedKey, subject: rendered.data?.subject ?? '', body: rendered.data?.body ?? '', recipient: rendered.data?.recipient ?? '' };
  const edit = (d: Partial<Draft>) => setEdits({ ...draft, ...d });

  const smtp = useSMTP();
  const smtpReady = !!smtp.data?.host;
  const record = useRecordNotice();
  const [busy, setBusy] = useState<'copy' | 'email'>();

  const input = (channel: 'copy' | 'email') => ({
    parcelId: parcel.id,
    orderId: choice.orderId,
    stage: choice.stage,
    lang: choice.lang,
    channel,
    recipient: channel === 'email' ? draft.recipient.trim() : '',
    subject: draft.subject,
    body: draft.body,
  });

  const copy = async () => {
    setBusy('copy');
    try {
      try {
        await copyText(draft.body);
      } catch {
        message.error(t('shipping.notices.copyFailed'));
        return;
      }
      await record.mutateAsync(input('copy'));
      message.success(t('shipping.notices.copied'));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(undefined);
    }
  };

  const send = async () => {
    setBusy('email');
    try {
      await record.mutateAsync(input('email'));
      message.success(t('shipping.notices.queued', { recipient: draft.recipient.trim() }));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(undefined);
    }
  };

  const orders = parcel.orders ?? [];
  const orderNumbers = Object.fromEntries(orders.map((o) => [o.id, o.number]));
  const sendBlocked = !smtpReady ? t('shipping.notices.noSmtp') : !draft.recipient.trim() ? t('shipping.notices.noRecipient') : '';
  const empty = !draft.body.trim();

  return (
    <div data-testid="parcel-notices">
      <Space wrap size={[16, 8]} style={{ marginBottom: 8 }}>
        <Segmented<NoticeStage>
          data-testid="notice-stage"
          value={choice.stage}
          onChange={(stage) => choose({ stage })}
          options={noticeStages.map((s) => ({
            value: s,
            label: (
              <span data-testid={`notice-stage-${s}`}>
                {t(`shipping.notices.stage.${s}`)}
                {s === suggested && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                    {t('shipping.notices.suggested')}
                  </Typography.Text>
                )}
              </span>
            ),
          }))}
        />
        <Segmented<NoticeLang>
          data-testid="notice-lang"
          value={choice.lang}
          onChange={(lang) => choose({ lang })}
          options={noticeLangs.map((l) => ({ value: l, label: <span data-testid={`notice-lang-${l}`}>{t(`languages.${l}`)}</span> }))}
        />
        {orders.length > 1 && (
          <Select
            data-testid="notice-order"
            value={choice.orderId}
            onChange={(orderId: string) => choose({ orderId })}
            style={{ minWidth: 180 }}
            popupMatchSelectWidth={false}
            options={[
              { value: '', label: t('shipping.notices.allOrders', { count: orders.length }) },
              ...orders.map((o) => ({ value: o.id, label: o.number })),
            ]}
          />
        )}
      </Space>

      {rendered.isError ? (
        <Typography.Text type="danger" data-testid="notice-render-error">
          {errorText(t, rendered.error)}
        </Typography.Text>
      ) : (
        <Spin spinning={rendered.isFetching}>
          <Input.TextArea
            data-testid="notice-body"
            value={draft.body}
            onChange={(e) => edit({ body: e.target.value })}
            autoSize={{ minRows: 6, maxRows: 14 }}
            aria-label={t('shipping.notices.message')}
          />
          <Row gutter={8} style={{ marginTop: 8 }}>
            <Col span={10}>
              <Input
                data-testid="notice-recipient"
                addonBefore={t('shipping.notices.recipient')}
                placeholder={t('shipping.notices.recipientPlaceholder')}
                value={draft.recipient}
                onChange={(e) => edit({ recipient: e.target.value })}
              />
            </Col>
            <Col span={14}>
              <Input
                data-testid="notice-subject"
                addonBefore={t('shipping.notices.subject')}
                value={draft.subject}
                onChange={(e) => edit({ subject: e.target.value })}
              />
            </Col>
          </Row>
        </Spin>
      )}

      <Space wrap style={{ marginTop: 12 }}>
        <Button
          type="primary"
          icon={<CopyOutlined />}
          data-testid="notice-copy"
          disabled={empty || !!busy}
          loading={busy === 'copy'}
          onClick={() => void copy()}
        >
          {t('shipping.notices.copy')}
        </Button>
        <Tooltip title={sendBlocked}>
          <Button
            icon={<MailOutlined />}
            data-testid="notice-send"
            disabled={empty || !!sendBlocked || !!busy}
            loading={busy === 'email'}
            onClick={() => void send()}
          >
            {t('shipping.notices.send')}
          </Button>
        </Tooltip>
        <Button type="link" icon={<ReloadOutlined />} data-testid="notice-regenerate" onClick={() => void rendered.refetch()}>
          {t('shipping.notices.regenerate')}
        </Button>
      </Space>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('shipping.notices.history')}
      </Typography.Title>
      <NoticeHistory notices={parcel.notices ?? []} orderNumbers={orderNumbers} testid="parcel-notice-history" />
    </div>
  );
}
