// Every area of the product, in menu order. An area without a screen yet shows ComingSoon.
import type { ReactNode } from 'react';
import {
  AlertOutlined,
  BarChartOutlined,
  CarOutlined,
  CustomerServiceOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  SyncOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { ComingSoon } from '../components/ComingSoon';
import { ProductsPage } from '../features/catalog/ProductsPage';
import { StockPage } from '../features/stock/StockPage';
import { LowStockPage } from '../features/stock/LowStockPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { OrdersPage } from '../features/orders/OrdersPage';
import { SyncPage } from '../features/sync/SyncPage';
import { PurchasingPage } from '../features/purchasing/PurchasingPage';
import { ShippingPage } from '../features/shipping/ShippingPage';

export interface Area {
  key: string;
  path: string;
  /** i18n key of the menu label */
  labelKey: string;
  icon: ReactNode;
  element: ReactNode;
}

const comingSoon = (labelKey: string) => <ComingSoon areaKey={labelKey} />;

export const areas: Area[] = [
  { key: 'products', path: '/products', labelKey: 'nav.products', icon: <ShoppingOutlined />, element: <ProductsPage /> },
  { key: 'stock', path: '/stock', labelKey: 'nav.stock', icon: <DatabaseOutlined />, element: <StockPage /> },
  { key: 'low-stock', path: '/low-stock', labelKey: 'nav.lowStock', icon: <AlertOutlined />, element: <LowStockPage /> },
  { key: 'orders', path: '/orders', labelKey: 'nav.orders', icon: <FileTextOutlined />, element: <OrdersPage /> },
  { key: 'customers', path: '/customers', labelKey: 'nav.customers', icon: <TeamOutlined />, element: <CustomersPage /> },
  { key: 'purchasing', path: '/purchasing', labelKey: 'nav.purchasing', icon: <ShoppingCartOutlined />, element: <PurchasingPage /> },
  { key: 'shipping', path: '/shipping', labelKey: 'nav.shipping', icon: <CarOutlined />, element: <ShippingPage /> },
  { key: 'service', path: '/service', labelKey: 'nav.service', icon: <CustomerServiceOutlined />, element: comingSoon('nav.service') },
  { key: 'analytics', path: '/analytics', labelKey: 'nav.analytics', icon: <BarChartOutlined />, element: comingSoon('nav.analytics') },
  { key: 'sync', path: '/sync', labelKey: 'nav.sync', icon: <SyncOutlined />, element: <SyncPage /> },
  { key: 'settings', path: '/settings', labelKey: 'nav.settings', icon: <SettingOutlined />, element: <SettingsPage /> },
];

export const defaultPath = areas[0].path;

/** The area whose path is a prefix of the current location (for the selected menu item). */
export function areaForPath(pathname: string): Area | undefined {
  return areas.find((a) => pathname === a.path || pathname.startsWith(a.path + '/'));
}
