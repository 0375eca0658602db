// Package services opens a data folder and builds every backend service over it. The desktop
// app (package app) and the command line (package cli) both start here, so they run the same
// code. It imports the backend area packages and nothing of Wails.
package services

import (
	"os"
	"path/filepath"
	"runtime"

	"daigoudesk/backend/blobs"
	"daigoudesk/backend/catalog"
	"daigoudesk/backend/customers"
	"daigoudesk/backend/orderimport"
	"daigoudesk/backend/orders"
	"daigoudesk/backend/purchasing"
	"daigoudesk/backend/settings"
	"daigoudesk/backend/shipping"
	"daigoudesk/backend/stock"
	"daigoudesk/backend/store"
	"daigoudesk/backend/sync"
)

// DBFile is the database's name inside the data folder.
const DBFile = "daigou.db"

// Services are the backend services over one data folder.
type Services struct {
	DataDir   string
	DB        *store.DB
	Blobs     *blobs.Store
	Catalog   *catalog.Service
	Stock     *stock.Service
	Orders    *orders.Service
	Customers *customers.Service
	Settings  *settings.Service
	// Purchasing keeps suppliers, purchase orders and buying trips.
	Purchasing *purchasing.Service
	// Shipping keeps carriers, parcels, tracking and customer notices.
	Shipping *shipping.Service
	// OrderImport imports channel order exports and watches the import folder.
	OrderImport *orderimport.Service
	// Sync merges this laptop's work with the team's through a shared folder.
	Sync *sync.Service
}

// Open opens (creating if needed) the data folder dir.
func Open(dir string) (*Services, error) {
	db, err := store.Open(filepath.Join(dir, DBFile))
	if err != nil {
		return nil, err
	}
	st := stock.New(db)
	svc := &Services{
		DataDir:   dir,
		DB:        db,
		Blobs:     blobs.New(filepath.Join(dir, "blobs")),
		Catalog:   catalog.New(db),
		Stock:     st,
		Orders:    orders.New(db, orderStock{st}),
		Customers: customers.New(db),
		Settings:  settings.New(db, dir),
	}
	svc.Purchasing = purchasing.New(db, PurchaseStock(st))
	svc.Orders.SetCosts(OrderCosts(svc.Purchasing))
	svc.Shipping = shipping.New(db, ShippingOrders(svc.Orders))
	svc.Orders.SetFreight(orderFreight{})
	svc.OrderImport = orderimport.New(db, svc.Orders, svc.Customers)
	svc.Sync = sync.New(db, svc.Blobs)
	return svc, nil
}

// orderStock lets orders move stock inside its own transactions (orders.Stock).
type orderStock struct{ s *stock.Service }

func (o orderStock) Reserve(tx *store.Tx, m orders.StockMove) error {
	return o.do(o.s.ReserveTx, tx, m)
}
func (o orderStock) Release(tx *store.Tx, m orders.StockMove) error {
	return o.do(o.s.ReleaseTx, tx, m)
}
func (o orderStock) Ship(tx *store.Tx, m orders.StockMove) error    { return o.do(o.s.ShipTx, tx, m) }
func (o orderStock) Restock(tx *store.Tx, m orders.StockMove) error { return o.do(o.s.ReturnTx, tx, m) }

func (orderStock) Bulk(tx *store.Tx, moves []orders.BulkMove) error {
	out := make([]stock.BulkMove, len(moves))
	for i, m := range moves {
		kind := stock.Reserve
		if m.Ship {
			kind = stock.Ship
		}
		out[i] = stock.BulkMove{Kind: kind, ProductID: m.ProductID, LocationID: m.LocationID, Ref: m.Ref, Note: m.Note,
			At: m.At, Qty: m.Qty}
	}
	return stock.AddMovesTx(tx, out)
}

func (orderStock) do(fn func(*store.Tx, stock.QtyInput) (string, error), tx *store.Tx, m orders.StockMove) error {
	_, err := fn(tx, stock.QtyInput{ID: m.ID, ProductID: m.ProductID, LocationID: m.LocationID, Qty: m.Qty, Ref: m.Ref, Note: m.Note, At: m.At})
	return err
}

// OrderStock adapts the stock service to what orders needs (tests build orders with it).
func OrderStock(s *stock.Service) orders.Stock { return orderStock{s} }

// purchaseStock lets purchasing book goods in and out inside its transactions.
type purchaseStock struct{ s *stock.Service }

// PurchaseStock adapts the stock service to what purchasing needs (tests build it with it).
func PurchaseStock(s *stock.Service) purchasing.Stock { return purchaseStock{s} }

func (p purchaseStock) Receive(tx *store.Tx, in purchasing.StockIn) (string, string, error) {
	id, err := p.s.ReceiveTx(tx, stock.ReceiveInput{ID: in.MoveID, ProductID: in.ProductID, LocationID: in.LocationID, Qty: in.Qty,
		UnitCost: in.UnitCost, CostCurrency: in.CostCurrency, BatchCode: in.BatchCode, Expiry: in.Expiry, Ref: in.Ref,
		Note: in.Note, At: in.At})
	if err != nil {
		return "", "", err
	}
	var batch string
	err = tx.QueryRow(`SELECT batch_id FROM stock_moves WHERE id = ?`, id).Scan(&batch)
	return id, batch, err
}

func (p purchaseStock) TakeBack(tx *store.Tx, out purchasing.StockOut) error {
	_, err := p.s.AdjustTx(tx, stock.AdjustInput{ProductID: out.ProductID, LocationID: out.LocationID, BatchID: out.BatchID,
		Delta: -out.Qty, Reason: "correction", Ref: out.Ref, Note: out.Note, At: out.At})
	return err
}

// orderCosts lets order profit use purchasing's landed costs.
type orderCosts struct{ p *purchasing.Service }

// OrderCosts adapts purchasing to what orders needs for profit.
func OrderCosts(p *purchasing.Service) orders.Costs { return orderCosts{p} }

func (c orderCosts) LineUnitCosts(q orders.CostReader, lines []orders.CostLine) (map[string]int64, error) {
	in := make([]purchasing.CostLine, len(lines))
	for i, l := range lines {
		in[i] = purchasing.CostLine{LineID: l.LineID, ProductID: l.ProductID}
	}
	return c.p.LineUnitCosts(q, in)
}

// shippingOrders lets shipping move orders on and ship their goods.
type shippingOrders struct{ o *orders.Service }

// ShippingOrders adapts the orders service to what shipping needs (tests build it with it).
func ShippingOrders(o *orders.Service) shipping.Orders { return shippingOrders{o} }

func (s shippingOrders) Advance(tx *store.Tx, orderID, to, at, note string) error {
	return s.o.TransitionTx(tx, "", orders.TransitionInput{OrderID: orderID, To: to, At: at, Note: note})
}

func (s shippingOrders) ShipLine(tx *store.Tx, lineID string, qty int64, moveID, at string) error {
	return s.o.ShipLineTx(tx, lineID, qty, moveID, at)
}

// orderFreight lets order profit subtract the order's share of parcel freight.
type orderFreight struct{}

func (orderFreight) OrderFreight(q orders.CostReader, orderID string) (int64, error) {
	return shipping.OrderFreight(q, orderID)
}

// Close closes the database.
func (s *Services) Close() error {
	s.OrderImport.Watcher().Stop()
	return s.DB.Close()
}

// DefaultDataDir is where the app keeps its data unless told otherwise: $DAIGOU_DATA_DIR, or
// the user's data folder (~/.local/share/DaigouDesk on Linux, ~/Library/Application
// Support/DaigouDesk on macOS, %AppData%\DaigouDesk on Windows).
func DefaultDataDir() string {
	if d := os.Getenv("DAIGOU_DATA_DIR"); d != "" {
		return d
	}
	if runtime.GOOS == "linux" {
		if x := os.Getenv("XDG_DATA_HOME"); x != "" {
			return filepath.Join(x, "DaigouDesk")
		}
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, ".local", "share", "DaigouDesk")
		}
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "DaigouDesk")
	}
	return "DaigouDesk"
}
