package catalog

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"daigoudesk/backend/store"
)

// TestListIndexOrdersLikeSQL checks that the in-memory list index pages the products in the
// order SQL gives them for every sort key and direction, with many ties, before and after
// products change (a changed product must move in every order made before).
func TestListIndexOrdersLikeSQL(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := New(db)
	brands := []string{"SK-II", "Shiseido", "LANCÔME", "雪花秀"}
	var made []Product
	for i := 0; i < 57; i++ {
		p, err := s.CreateProduct(ctx, ProductInput{SKU: fmt.Sprintf("S-%02d", 57-i), NameZh: fmt.Sprintf("精华%d", i%7),
			Brand: brands[i%4], Price: int64(i%5) * 100, PriceCurrency: "CNY", Cost: int64(i % 3), CostCurrency: "JPY"})
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, p)
	}
	reference := map[string]string{ // the order each sort key means, in SQL
		"name": "name_zh %s, id %[1]s", "sku": "sku %s, id %[1]s", "brand": "brand %s, name_zh %[1]s, id %[1]s",
		"price": "price %s, id %[1]s", "cost": "cost %s, id %[1]s", "created": "created_at %s, id %[1]s",
	}
	compare := func(when string) {
		for sort, order := range reference {
			for _, desc := range []bool{false, true} {
				dir := "ASC"
				if desc {
					dir = "DESC"
				}
				for _, off := range []int{0, 20, 50} {
					rows, err := db.R().Query(`SELECT id FROM products WHERE deleted = 0 ORDER BY `+fmt.Sprintf(order, dir)+
						` LIMIT 20 OFFSET ?`, off)
					if err != nil {
						t.Fatal(err)
					}
					var want []string
					for rows.Next() {
						var id string
						rows.Scan(&id)
						want = append(want, id)
					}
					rows.Close()
					ids, total, err := s.list.page(ctx, ProductFilter{Sort: sort, Desc: desc, Offset: off, Limit: 20})
					if err != nil {
						t.Fatal(err)
					}
					if total != 57 || !slices.Equal(ids, want) {
						t.Fatalf("%s: sort %s desc %v offset %d: index %v (%d), SQL %v", when, sort, desc, off, ids, total, want)
					}
				}
			}
		}
	}
	compare("at first")
	for i, p := range made[:10] {
		in := p.ProductInput
		in.Price, in.Cost, in.Brand, in.NameZh = int64(900-i), int64(50+i), "AAA", fmt.Sprintf("改名%d", i)
		if _, err := s.UpdateProduct(ctx, p.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	compare("after changes")
}

func TestListIndexSeesChanges(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := New(db)
	p, _ := s.CreateProduct(ctx, ProductInput{SKU: "A", NameZh: "面霜"})
	if _, total, _ := s.FindProducts(ctx, ProductFilter{Query: "面霜"}); total != 1 {
		t.Fatalf("total %d, want 1", total)
	}
	in := p.ProductInput
	in.NameZh = "眼霜"
	if _, err := s.UpdateProduct(ctx, p.ID, in); err != nil {
		t.Fatal(err)
	}
	if _, total, _ := s.FindProducts(ctx, ProductFilter{Query: "面霜"}); total != 0 {
		t.Fatalf("stale index: old name still found")
	}
	if items, _, _ := s.FindProducts(ctx, ProductFilter{Query: "眼霜"}); len(items) != 1 || items[0].NameZh != "眼霜" {
		t.Fatalf("renamed product not found: %v", items)
	}
}

func TestListIndexFollowsStockAndDeletes(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := New(db)
	a, _ := s.CreateProduct(ctx, ProductInput{SKU: "A", NameZh: "精华A"})
	b, _ := s.CreateProduct(ctx, ProductInput{SKU: "B", NameZh: "精华B"})
	first := func() string {
		items, _, err := s.FindProducts(ctx, ProductFilter{Query: "精华", Sort: "onHand", Desc: true})
		if err != nil || len(items) == 0 {
			t.Fatalf("%v %v", items, err)
		}
		return items[0].SKU
	}
	receive := func(product string, qty int) {
		if err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.Add("stock_moves", fmt.Sprint("m", product, qty), store.Fields{"product_id": product, "location_id": "l", "qty": qty})
		}); err != nil {
			t.Fatal(err)
		}
	}
	receive(a.ID, 5)
	if got := first(); got != "A" {
		t.Fatalf("most stock: %s, want A", got)
	}
	receive(b.ID, 9)
	if got := first(); got != "B" {
		t.Fatalf("after receiving B: %s, want B", got)
	}
	if err := s.DeleteProduct(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if got := first(); got != "A" {
		t.Fatalf("after deleting B: %s, want A", got)
	}
	c, _ := s.CreateProduct(ctx, ProductInput{SKU: "C", NameZh: "精华C"})
	receive(c.ID, 20)
	if got := first(); got != "C" {
		t.Fatalf("new product C with most stock: %s", got)
	}
}
