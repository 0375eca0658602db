// Merge a duplicate into the customer shown: pick the other record by search, confirm.
import { useState } from 'react';
import { Alert, App, Modal, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText, type Customer } from '../../../lib/backend';
import { useDebounced } from '../../../lib/hooks';
import { customerKeys, useCustomerPick, useMergeCustomers } from '../api';

function describe(c: Customer): string {
  return [c.name, c.phone, c.wechat].filter(Boolean).join(' · ');
}

export function MergeModal({ keep, open, onClose }: { keep: Customer; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const [dupId, setDupId] = useState<string>();
  const pick = useCustomerPick(q);
  const merge = useMergeCustomers();
  const candidates = (pick.data?.items ?? []).filter((c) => c.id !== keep.id);

  const close = () => {
    setSearch('');
    setDupId(undefined);
    onClose();
  };

  const onOk = async () => {
    if (!dupId) return;
    try {
      await merge.mutateAsync({ keepId: keep.id, dupId });
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      message.success(t('customers.merge.done', { name: keep.name }));
      close();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <Modal
      open={open}
      title={t('customers.merge.title')}
      onCancel={close}
      onOk={onOk}
      okText={t('customers.merge.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, disabled: !dupId, ...{ 'data-testid': 'merge-confirm' } }}
      confirmLoading={merge.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('customers.merge.help', { name: keep.name })}</Typography.Paragraph>
      <Select
        data-testid="merge-pick"
        showSearch
        filterOption={false}
        style={{ width: '100%' }}
        placeholder={t('customers.merge.pick')}
        onSearch={setSearch}
        value={dupId}
        onChange={setDupId}
        loading={pick.isFetching}
        notFoundContent={q ? t('customers.empty') : null}
        options={candidates.map((c) => ({ value: c.id, label: describe(c) }))}
      />
      <Alert type="warning" showIcon style={{ marginTop: 16 }} message={t('customers.merge.warning')} />
    </Modal>
  );
}
