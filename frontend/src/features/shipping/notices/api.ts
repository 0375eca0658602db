// Customer notices over the Shipping façade: templates (replicated settings rows), rendering a
// parcel's message, recording it on its orders, an order's history, and this device's e-mail
// outbox and SMTP settings. The keys sit under 'shipping' so the shipping screens' event
// subscription refreshes them ("shipping:changed" covers notices and their send attempts);
// templates live in settings and follow "settings:changed". A rendered message is read once per
// choice of stage, language and order and kept out of the invalidated keys: a change elsewhere
// never replaces a message being edited.
import { useQuery } from '@tanstack/react-query';
import { Shipping, backendAvailable } from '../../../lib/backend';
import { useInvalidateOn } from '../../../lib/events';
import { useInvalidatingMutation } from '../../../lib/mutations';
import type { shipping } from '../../../../wailsjs/go/models';

export type Template = shipping.Template;
export type NoticeInput = shipping.NoticeInput;
export type SMTPSettings = shipping.SMTPSettings;

const noticeKeys = {
  templates: ['shipping', 'notices', 'templates'] as const,
  order: (orderId: string) => ['shipping', 'notices', 'order', orderId] as const,
  outbox: ['shipping', 'notices', 'outbox'] as const,
  smtp: ['shipping', 'notices', 'smtp'] as const,
};

/** Not under 'shipping': read once per choice (see the file comment). */
const renderKey = (parcelId: string, orderId: string, stage: string, lang: string) =>
  ['shippingNoticeRender', parcelId, orderId, stage, lang] as const;

export function useTemplates() {
  useInvalidateOn('settings:changed', [noticeKeys.templates]);
  return useQuery({ queryKey: noticeKeys.templates, queryFn: () => Shipping.Templates(), enabled: backendAvailable() });
}

export const useSaveTemplate = () =>
  useInvalidatingMutation((t: Template) => Shipping.SaveTemplate(t), [noticeKeys.templates]);

export const useResetTemplate = () =>
  useInvalidatingMutation((t: { stage: string; lang: string }) => Shipping.ResetTemplate(t.stage, t.lang), [noticeKeys.templates]);

/** The stage's message for a parcel (orderId '' = all its orders), not saved. */
export function useRenderedNotice(parcelId: string, orderId: string, stage: string, lang: string) {
  return useQuery({
    queryKey: renderKey(parcelId, orderId, stage, lang),
    queryFn: () => Shipping.RenderNotice(parcelId, orderId, stage, lang),
    enabled: backendAvailable() && !!parcelId,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

// A notice lands on its orders (their history) and its parcel.
export const useRecordNotice = () =>
  useInvalidatingMutation((n: NoticeInput) => Shipping.RecordNotice(n), [['shipping'], ['orders']]);

/** An order's notices, oldest first; live wherever it is shown (the order drawer too). */
export function useOrderNotices(orderId: string | undefined) {
  useInvalidateOn('shipping:changed', [noticeKeys.order(orderId ?? '')]);
  return useQuery({
    queryKey: noticeKeys.order(orderId ?? ''),
    queryFn: () => Shipping.OrderNotices(orderId!),
    enabled: backendAvailable() && !!orderId,
  });
}

export function useOutbox() {
  return useQuery({ queryKey: noticeKeys.outbox, queryFn: () => Shipping.Outbox(), enabled: backendAvailable() });
}

export const useSendPending = () =>
  useInvalidatingMutation(async () => {
    const r = await Shipping.SendPending();
    return { sent: r.sent ?? 0, failed: r.failed ?? 0 };
  }, [['shipping'], ['orders']]);

export function useSMTP() {
  return useQuery({ queryKey: noticeKeys.smtp, queryFn: () => Shipping.SMTP(), enabled: backendAvailable() });
}

export const useSaveSMTP = () =>
  useInvalidatingMutation((s: SMTPSettings) => Shipping.SaveSMTP(s), [noticeKeys.smtp]);
