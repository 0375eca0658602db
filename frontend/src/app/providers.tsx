import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { HashRouter } from 'react-router-dom';
import { I18nextProvider, useTranslation } from 'react-i18next';
import i18n from '../i18n';
import { AppError } from '../lib/backend';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A local backend: only an internal error is worth one retry; refresh comes from events.
      retry: (failureCount, error) => !(error instanceof AppError && error.code !== 'internal') && failureCount < 1,
      refetchOnWindowFocus: false,
    },
  },
});

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { i18n: inst } = useTranslation();
  const en = inst.language === 'en';
  dayjs.locale(en ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={en ? enUS : zhCN} theme={{ token: { colorPrimary: '#c8102e' } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalizedAntd>
          {/* Wails serves the UI from a fixed origin: hash routing needs no server support. */}
          <HashRouter>{children}</HashRouter>
        </LocalizedAntd>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
