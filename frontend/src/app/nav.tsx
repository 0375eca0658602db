// Every area of the product, in menu order. An area without a screen yet shows ComingSoon.
import { lazy, type ComponentType, type ReactNode } from 'react';
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

export interface Area {
  key: string;
  path: string;
  /** i18n key of the menu label */
  labelKey: string;
  icon: ReactNode;
  element: ReactNode;
}

const comingSoon = (labelKey: string) => <ComingSoon areaKey={labelKey} />;

/**
 * A page loaded when it is first opened: the window starts with the script of the first page
 * only (about a third of the whole), so less is parsed before the first screen. The shell
 * shows a spinner (Suspense) for the moment the rest takes to load.
 */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactNode {
  const Page = lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
  return <Page />;
}

export const areas: Area[] = [
  { key: 'products', path: '/products', labelKey: 'nav.products', icon: <ShoppingOutlined />, element: <ProductsPage /> },
  { key: 'stock', path: '/stock', labelKey: 'nav.stock', icon: <DatabaseOutlined />, element: lazyPage(() => import('../features/stock/StockPage'), 'StockPage') },
  { key: 'low-stock', path: '/low-stock', labelKey: 'nav.lowStock', icon: <AlertOutlined />, element: lazyPage(() => import('../features/stock/LowStockPage'), 'LowStockPage') },
  { key: 'orders', path: '/orders', labelKey: 'nav.orders', icon: <FileTextOutlined />, element: lazyPage(() => import('../features/orders/OrdersPage'), 'OrdersPage') },
  { key: 'customers', path: '/customers', labelKey: 'nav.customers', icon: <TeamOutlined />, element: lazyPage(() => import('../features/customers/CustomersPage'), 'CustomersPage') },
  { key: 'purchasing', path: '/purchasing', labelKey: 'nav.purchasing', icon: <ShoppingCartOutlined />, element: lazyPage(() => import('../features/purchasing/PurchasingPage'), 'PurchasingPage') },
  { key: 'shipping', path: '/shipping', labelKey: 'nav.shipping', icon: <CarOutlined />, element: lazyPage(() => import('../features/shipping/ShippingPage'), 'ShippingPage') },
  { key: 'service', path: '/service', labelKey: 'nav.service', icon: <CustomerServiceOutlined />, element: comingSoon('nav.service') },
  { key: 'analytics', path: '/analytics', labelKey: 'nav.analytics', icon: <BarChartOutlined />, element: comingSoon('nav.analytics') },
  { key: 'sync', path: '/sync', labelKey: 'nav.sync', icon: <SyncOutlined />, element: lazyPage(() => import('../features/sync/SyncPage'), 'SyncPage') },
  { key: 'settings', path: '/settings', labelKey: 'nav.settings', icon: <SettingOutlined />, element: lazyPage(() => import('../features/settings/SettingsPage'), 'SettingsPage') },
];

export const defaultPath = areas[0].path;

/** The area whose path is a prefix of the current location (for the selected menu item). */
export function areaForPath(pathname: string): Area | undefined {
  return areas.find((a) => pathname === a.path || pathname.startsWith(a.path + '/'));
}
