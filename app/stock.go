package app

import "daigoudesk/backend/stock"

// Stock is the stock ledger facade.
type Stock struct{ *facade }

// LevelPage is one page of the stock screen.
type LevelPage struct {
	Items []stock.LevelRow `json:"items"`
	Total int              `json:"total"`
}

// MovePage is one page of the stock ledger.
type MovePage struct {
	Items []stock.Move `json:"items"`
	Total int          `json:"total"`
}

func (s *Stock) Levels(f stock.LevelFilter) (LevelPage, error) {
	items, total, err := s.svc.Stock.Levels(s.ctx, f)
	return LevelPage{Items: items, Total: total}, err
}

func (s *Stock) Moves(f stock.MoveFilter) (MovePage, error) {
	items, total, err := s.svc.Stock.Moves(s.ctx, f)
	return MovePage{Items: items, Total: total}, err
}

func (s *Stock) OnHand(productID string) (stock.Level, error) {
	return s.svc.Stock.OnHand(s.ctx, productID)
}

func (s *Stock) Receive(in stock.ReceiveInput) (string, error) { return s.svc.Stock.Receive(s.ctx, in) }

func (s *Stock) Adjust(in stock.AdjustInput) (string, error) { return s.svc.Stock.Adjust(s.ctx, in) }

func (s *Stock) Transfer(in stock.TransferInput) error { return s.svc.Stock.Transfer(s.ctx, in) }

func (s *Stock) StockTake(in stock.CountInput) (stock.CountResult, error) {
	return s.svc.Stock.StockTake(s.ctx, in)
}

func (s *Stock) LowStock() ([]stock.LowStockRow, error) { return s.svc.Stock.LowStock(s.ctx) }

func (s *Stock) Expiring(days int) ([]stock.BatchRow, error) {
	return s.svc.Stock.Expiring(s.ctx, days)
}

// AdjustReasons lists the reasons an adjustment may give (translated in the UI).
func (s *Stock) AdjustReasons() []string { return stock.AdjustReasons }
