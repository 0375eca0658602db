package customers

import (
	"path/filepath"
	"strings"
	"testing"

	"daigoudesk/backend/store"
)

// TestCustomerPageReadsTheCustomersOrdersOnly: the customer page's queries find the orders
// through orders_customer, not by reading every live order.
func TestCustomerPageReadsTheCustomersOrdersOnly(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "daigou.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{lifetimeQuery, latestQuery} {
		plan, err := store.QueryPlan(db.R(), q, "c", 20)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(plan, "INDEX orders_customer (customer_id=?)") {
			t.Errorf("%s\nplan:\n%s\nwant a search of orders_customer", q, plan)
		}
	}
}
