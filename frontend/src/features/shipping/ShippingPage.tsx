// The shipping area: orders to pack (default), parcels with printing and tracking, carriers
// with their services and rate tables, and the carrier rules, one tab each under
// /shipping/<tab>. The tabs are a list: a new screen is one more entry.
import type { ReactNode } from 'react';
import { Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useShippingEvents } from './api';
import { ToPackTab } from './pack/ToPackTab';
import { ParcelsTab } from './parcels/ParcelsTab';
import { CarriersTab } from './carriers/CarriersTab';
import { RulesTab } from './rules/RulesTab';
import { TrackImportTab } from './trackimport/TrackImportTab';
import { NoticeTemplatesTab } from './notices/NoticeTemplatesTab';
import { EvaluationTab } from './evaluation/EvaluationTab';

interface ShippingTab {
  /** the path under /shipping/ */
  key: string;
  /** i18n key of the tab label */
  labelKey: string;
  element: ReactNode;
}

const tabs: ShippingTab[] = [
  { key: 'pack', labelKey: 'shipping.ui.tabs.pack', element: <ToPackTab /> },
  { key: 'parcels', labelKey: 'shipping.ui.tabs.parcels', element: <ParcelsTab /> },
  { key: 'tracking', labelKey: 'shipping.trackImport.tab', element: <TrackImportTab /> },
  { key: 'carriers', labelKey: 'shipping.ui.tabs.carriers', element: <CarriersTab /> },
  { key: 'rules', labelKey: 'shipping.ui.tabs.rules', element: <RulesTab /> },
  { key: 'notices', labelKey: 'shipping.notices.tab', element: <NoticeTemplatesTab /> },
  { key: 'evaluation', labelKey: 'shipping.evaluation.ui.tab', element: <EvaluationTab /> },
];

export function ShippingPage() {
  const { t } = useTranslation();
  useShippingEvents();
  const location = useLocation();
  const navigate = useNavigate();
  const current = tabs.find((tab) => location.pathname.startsWith(`/shipping/${tab.key}`))?.key ?? tabs[0].key;
  return (
    <div data-testid="shipping-page">
      <Tabs
        data-testid="shipping-tabs"
        activeKey={current}
        onChange={(k) => navigate(`/shipping/${k}`)}
        items={tabs.map((tab) => ({ key: tab.key, label: <span data-testid={`shipping-tab-${tab.key}`}>{t(tab.labelKey)}</span> }))}
      />
      <Routes>
        <Route index element={<Navigate to={tabs[0].key} replace />} />
        {tabs.map((tab) => (
          <Route key={tab.key} path={`${tab.key}/*`} element={tab.element} />
        ))}
      </Routes>
    </div>
  );
}
