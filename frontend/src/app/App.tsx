import { lazy, Suspense, useEffect } from 'react';
import { Layout, Menu, Segmented, Space, Spin, Typography } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isLanguage, languages, type Language } from '../i18n';
import { useAnnounceReady, useInvalidateOn } from '../lib/events';
import { useLookupEvents } from '../lib/lookups';
import { settingsQueryKey } from '../features/settings/api';
import { useBackendLanguage, useChangeLanguage } from '../features/settings/language';
import { SyncIndicator } from '../features/sync/components/SyncIndicator';
import { shopTripId } from '../features/purchasing/trips/logic';
import { areaForPath, areas, defaultPath } from './nav';

const { Header, Sider, Content } = Layout;

const ShopScreen = lazy(() => import('../features/purchasing/trips/ShopScreen').then((m) => ({ default: m.ShopScreen })));

/** What a page shows while its script loads (see lazyPage in nav.tsx). */
const pageLoading = <Spin style={{ display: 'block', margin: '48px auto' }} />;

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const current: Language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  return (
    <Space>
      <Typography.Text type="secondary">{t('app.language')}</Typography.Text>
      <Segmented<Language>
        data-testid="language-switch"
        size="small"
        value={current}
        options={languages.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        onChange={changeLanguage}
      />
    </Space>
  );
}

export function App() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  useBackendLanguage();
  useInvalidateOn('settings:changed', [settingsQueryKey]);
  useLookupEvents();
  useAnnounceReady();

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const selected = areaForPath(location.pathname);

  // The trip's shop screen is for a phone-sized window held in a shop: no menu, no header.
  if (shopTripId(location.pathname)) {
    return (
      <Suspense fallback={pageLoading}>
        <Routes>
          <Route path="/purchasing/trips/:id/shop" element={<ShopScreen />} />
        </Routes>
      </Suspense>
    );
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider theme="light" width={200} breakpoint="lg" collapsible style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {t('app.title')}
        </div>
        <Menu
          mode="inline"
          data-testid="main-nav"
          selectedKeys={selected ? [selected.key] : []}
          items={areas.map((a) => ({ key: a.key, icon: a.icon, label: t(a.labelKey) }))}
          onClick={({ key }) => {
            const area = areas.find((a) => a.key === key);
            if (area) navigate(area.path);
          }}
          style={{ borderInlineEnd: 'none' }}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Title level={4} style={{ margin: 0 }}>
            {selected ? t(selected.labelKey) : t('app.title')}
          </Typography.Title>
          <Space size="large">
            <SyncIndicator />
            <LanguageSwitch />
          </Space>
        </Header>
        <Content style={{ padding: 24 }}>
          <Suspense fallback={pageLoading}>
            <Routes>
              <Route path="/" element={<Navigate to={defaultPath} replace />} />
              {areas.map((a) => (
                <Route key={a.key} path={`${a.path}/*`} element={a.element} />
              ))}
              <Route path="*" element={<Navigate to={defaultPath} replace />} />
            </Routes>
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
