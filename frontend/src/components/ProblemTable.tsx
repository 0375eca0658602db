// The bad rows of a refused or previewed file, a row each: line, field (or column) and what
// is wrong, translated. Used by the order, product and tracking imports.
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemText, type LineProblem } from '../lib/backend';

interface Props {
  problems: LineProblem[];
  /** The label of a problem's field; the field's own name when it gives none. */
  fieldLabel?: (field: string) => string;
  /** The field column's title ("字段" unless the file speaks of columns). */
  fieldTitle?: string;
  /** Each row's test id (import-problem-<line> unless given). */
  rowTestId?: (p: LineProblem) => string;
}

export function ProblemTable({ problems, fieldLabel = (f) => f, fieldTitle, rowTestId = (p) => `import-problem-${p.line}` }: Props) {
  const { t } = useTranslation();
  return (
    <Table<LineProblem>
      size="small"
      rowKey={(p) => `${p.line}:${p.field}:${p.message}`}
      pagination={problems.length > 10 ? { pageSize: 10, size: 'small' } : false}
      dataSource={problems}
      onRow={(p) => ({ 'data-testid': rowTestId(p) }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('orderImport.preview.line'), dataIndex: 'line', width: 80 },
        { title: fieldTitle ?? t('orderImport.preview.field'), dataIndex: 'field', width: 160, render: (f: string) => fieldLabel(f) },
        { title: t('orderImport.preview.message'), render: (_, p) => problemText(t, p) },
      ]}
    />
  );
}
