// The purchasing area: buying trips (default), suppliers, purchase orders to suppliers, and the
// stock valuation at landed cost, one tab each; each tab's screens live in their own folder.
import { Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { TripsPage } from './trips/TripsPage';
import { SuppliersPage } from './suppliers/SuppliersPage';
import { PurchaseOrdersPage } from './orders/PurchaseOrdersPage';
import { ValuationPage } from './valuation/ValuationPage';

const tabs = ['trips', 'suppliers', 'orders', 'valuation'] as const;

export function PurchasingPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const current = tabs.find((k) => location.pathname.startsWith(`/purchasing/${k}`)) ?? 'trips';
  return (
    <>
      <Tabs
        data-testid="purchasing-tabs"
        activeKey={current}
        onChange={(k) => navigate(`/purchasing/${k}`)}
        items={tabs.map((k) => ({ key: k, label: t(`purchasing.tabs.${k}`) }))}
      />
      <Routes>
        <Route index element={<Navigate to="trips" replace />} />
        <Route path="trips/*" element={<TripsPage />} />
        <Route path="suppliers/*" element={<SuppliersPage />} />
        <Route path="orders/*" element={<PurchaseOrdersPage />} />
        <Route path="valuation" element={<ValuationPage />} />
      </Routes>
    </>
  );
}
