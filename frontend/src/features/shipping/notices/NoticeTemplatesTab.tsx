// The notices tab of the shipping area: the message templates, this laptop's e-mail sending
// settings and its outbox.
import { Col, Row, Space } from 'antd';
import { OutboxCard } from './OutboxCard';
import { SmtpCard } from './SmtpCard';
import { TemplateEditor } from './TemplateEditor';

export function NoticeTemplatesTab() {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="notice-templates-tab">
      <TemplateEditor />
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <SmtpCard />
        </Col>
        <Col xs={24} xl={14}>
          <OutboxCard />
        </Col>
      </Row>
    </Space>
  );
}
