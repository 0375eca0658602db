package shipping

import "database/sql"

// Notice is a message to a customer about an order, kept on the order.
type Notice struct {
	ID        string `json:"id"`
	OrderID   string `json:"orderId"`
	ParcelID  string `json:"parcelId"`
	Stage     string `json:"stage"`   // shipped | customs | delivered | delayed
	Channel   string `json:"channel"` // copy | email
	Lang      string `json:"lang"`    // zh-CN | en
	Recipient string `json:"recipient"`
	Subject   string `json:"subject"`
	Body      string `json:"body"`
	At        string `json:"at"`
	Device    string `json:"device"`
	// Sent: for e-mail, when it was sent ('' = waiting in the outbox); LastError is the
	// last failed attempt's error.
	Sent      string `json:"sent"`
	LastError string `json:"lastError"`
	Attempts  int    `json:"attempts"`
}

// noticesWhere reads notices matching a condition on the notices table, oldest first.
func noticesWhere(q querier, cond string, args ...any) ([]Notice, error) {
	out := []Notice{}
	err := scanAll(q, `SELECT n.id, n.order_id, n.parcel_id, n.stage, n.channel, n.lang, n.recipient, n.subject, n.body, n.at,
			n.device, coalesce((SELECT min(x.at) FROM notice_sends x WHERE x.notice_id = n.id AND x.ok = 1), ''),
			coalesce((SELECT x.error FROM notice_sends x WHERE x.notice_id = n.id AND x.ok = 0 ORDER BY x.at DESC, x.id DESC LIMIT 1), ''),
			(SELECT count(*) FROM notice_sends x WHERE x.notice_id = n.id)
		FROM notices n WHERE `+cond+` ORDER BY n.at, n.id`, args, func(r *sql.Rows) error {
		var n Notice
		if err := r.Scan(&n.ID, &n.OrderID, &n.ParcelID, &n.Stage, &n.Channel, &n.Lang, &n.Recipient, &n.Subject, &n.Body,
			&n.At, &n.Device, &n.Sent, &n.LastError, &n.Attempts); err != nil {
			return err
		}
		out = append(out, n)
		return nil
	})
	return out, err
}
