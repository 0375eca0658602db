// One section of the sync screen below the status: a small card with an icon before its title.
import type { ReactNode } from 'react';
import { Card } from 'antd';

export function SectionCard({ icon, title, extra, children }: { icon: ReactNode; title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card
      size="small"
      extra={extra}
      title={
        <span>
          <span style={{ marginInlineEnd: 8 }}>{icon}</span>
          {title}
        </span>
      }
    >
      {children}
    </Card>
  );
}
