package purchasing

import (
	"sync"

	"daigoudesk/backend/store"
)

// costCache keeps landed costings and average unit costs between reads: an order's profit
// asks for the average cost of its products, and each average needs every trip or purchase
// order that bought them. Any commit (local or from sync) to a table they are computed from
// empties it; a costing computed while such a commit happened is not kept.
type costCache struct {
	mu     sync.Mutex
	gen    uint64
	landed map[string]Landed
	avg    map[string]int64 // product → average landed unit cost; absent = not cached
	never  map[string]bool  // products never bought (cached absence)
}

// costSources are the tables landed costs are computed from.
var costSources = []string{"trip_buys", "purchase_costs", "purchase_orders", "purchase_order_lines",
	"purchase_receipts", "products", "settings"}

func (c *costCache) watch(db *store.DB) {
	c.reset()
	db.Subscribe(func(ch store.Change) {
		for _, t := range costSources {
			if ch.Tables[t] {
				c.reset()
				return
			}
		}
	})
}

func (c *costCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.landed, c.avg, c.never = map[string]Landed{}, map[string]int64{}, map[string]bool{}
}

// generation is the cache's generation now; keep* store only if it is still the same.
func (c *costCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

func (c *costCache) getLanded(owner string) (Landed, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	l, ok := c.landed[owner]
	return l, ok
}

func (c *costCache) keepLanded(gen uint64, owner string, l Landed) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen == c.gen {
		c.landed[owner] = l
	}
}

// getAverages returns the cached averages of products and the products not cached.
func (c *costCache) getAverages(products []string) (map[string]int64, []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := map[string]int64{}
	var missing []string
	for _, p := range products {
		if v, ok := c.avg[p]; ok {
			out[p] = v
		} else if !c.never[p] {
			missing = append(missing, p)
		}
	}
	return out, missing
}

func (c *costCache) keepAverages(gen uint64, asked []string, avg map[string]int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	for _, p := range asked {
		if v, ok := avg[p]; ok {
			c.avg[p] = v
		} else {
			c.never[p] = true
		}
	}
}
