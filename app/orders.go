package app

import "daigoudesk/backend/orders"

// Orders is the sales orders facade: drafts, status events, payments, returns, the list,
// the work queue, rules, rates and number prefix.
type Orders struct{ *facade }

// OrderPage is one page of the order list.
type OrderPage struct {
	Items []orders.Order `json:"items"`
	Total int            `json:"total"`
}

func (o *Orders) FindOrders(f orders.Filter) (OrderPage, error) {
	items, total, err := o.svc.Orders.FindOrders(o.ctx, f)
	return OrderPage{Items: items, Total: total}, err
}

func (o *Orders) WorkQueue(offset, limit int) (OrderPage, error) {
	items, total, err := o.svc.Orders.WorkQueue(o.ctx, offset, limit)
	return OrderPage{Items: items, Total: total}, err
}

func (o *Orders) GetOrder(id string) (orders.Detail, error) { return o.svc.Orders.GetOrder(o.ctx, id) }

func (o *Orders) CreateOrder(in orders.OrderInput) (orders.Detail, error) {
	return o.svc.Orders.CreateOrder(o.ctx, in)
}

func (o *Orders) UpdateOrder(id string, in orders.OrderInput) (orders.Detail, error) {
	return o.svc.Orders.UpdateOrder(o.ctx, id, in)
}

func (o *Orders) UpdateOrderInfo(id string, in orders.InfoInput) (orders.Detail, error) {
	return o.svc.Orders.UpdateOrderInfo(o.ctx, id, in)
}

func (o *Orders) DeleteDraft(id string) error { return o.svc.Orders.DeleteDraft(o.ctx, id) }

func (o *Orders) Transition(in orders.TransitionInput) (orders.Detail, error) {
	return o.svc.Orders.Transition(o.ctx, in)
}

func (o *Orders) AddPayment(in orders.PaymentInput) (orders.Detail, error) {
	return o.svc.Orders.AddPayment(o.ctx, in)
}

func (o *Orders) AddReturn(in orders.ReturnInput) (orders.Detail, error) {
	return o.svc.Orders.AddReturn(o.ctx, in)
}

func (o *Orders) GetRules() (orders.Rules, error) { return o.svc.Orders.GetRules(o.ctx) }

func (o *Orders) SaveRules(r orders.Rules) (orders.Rules, error) {
	return o.svc.Orders.SaveRules(o.ctx, r)
}

func (o *Orders) Rates() ([]orders.Rate, error) { return o.svc.Orders.Rates(o.ctx) }

func (o *Orders) SetRate(currency, rate, validFrom string) (orders.Rate, error) {
	return o.svc.Orders.SetRate(o.ctx, currency, rate, validFrom)
}

func (o *Orders) RateOn(currency, date string) (string, error) {
	return o.svc.Orders.RateOn(o.ctx, currency, date)
}

func (o *Orders) Prefix() (string, error) { return o.svc.Orders.Prefix(o.ctx) }

func (o *Orders) SetPrefix(prefix string) error { return o.svc.Orders.SetPrefix(o.ctx, prefix) }

// Choices lists the values the order forms offer (translated in the UI).
func (o *Orders) Choices() map[string][]string {
	return map[string][]string{"channels": orders.Channels, "priorities": orders.Priorities,
		"paymentKinds": orders.PaymentKinds, "paymentMethods": orders.PaymentMethods,
		"returnConditions": orders.ReturnConditions, "returnDispositions": orders.ReturnDispositions}
}
