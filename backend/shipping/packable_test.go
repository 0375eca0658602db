package shipping

import (
	"slices"
	"strings"
	"testing"

	"daigoudesk/backend/orders"
)

// TestPackableStatusesAreTheRanksToPack: the status list the packing queries seek by is the
// statuses ranked rankConfirmed to rankPacked, as orders ranks them.
func TestPackableStatusesAreTheRanksToPack(t *testing.T) {
	var want []string
	for _, s := range orders.Statuses {
		if s.Rank >= rankConfirmed && s.Rank <= rankPacked {
			want = append(want, "'"+s.Status+"'")
		}
	}
	got := strings.Split(packableStatuses, ", ")
	if !slices.Equal(got, want) {
		t.Fatalf("packableStatuses %v, want %v", got, want)
	}
}
