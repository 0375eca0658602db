package orderimport

import (
	"path/filepath"
	"strings"
	"testing"

	"daigoudesk/backend/store"
)

// TestLookupsSeekTheirIndexes: the queries that find a file's customers and products look
// each key up in that column's index; none reads every live row through a (deleted, …) index.
func TestLookupsSeekTheirIndexes(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "daigou.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, c := range []struct{ query, index string }{
		{customersBy("phone"), "customers_phone (phone=?)"},
		{customersBy("taobao"), "customers_taobao (taobao=?)"},
		{customersBy("wechat"), "customers_wechat (wechat=?)"},
		{customersBy("xiaohongshu"), "customers_xiaohongshu (xiaohongshu=?)"},
		{productsBy("sku"), "products_sku (sku=?)"},
		{productsBy("barcode"), "products_barcode (barcode=?)"},
		{productsBy("name_zh"), "products_name (deleted=? AND name_zh=?)"},
		{productsBy("id"), "sqlite_autoindex_products_1 (id=?)"},
	} {
		plan, err := store.QueryPlan(db.R(), c.query, `["x"]`)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(plan, "INDEX "+c.index) {
			t.Errorf("%s\nplan:\n%s\nwant a search of %s", c.query, plan, c.index)
		}
	}
}
