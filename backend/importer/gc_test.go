package importer

import (
	"runtime/debug"
	"testing"
)

func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// Imports running at once share the raised target; the last to end puts back what was set
// before, and a higher target (or none) set before is kept.
func TestFewerGCsNestsAndRestores(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	a := FewerGCs()
	b := FewerGCs()
	if p := gcPercent(); p != importGC {
		t.Fatalf("during two imports: %d", p)
	}
	a()
	a() // twice is once
	if p := gcPercent(); p != importGC {
		t.Fatalf("one import still running: %d", p)
	}
	b()
	if p := gcPercent(); p != 100 {
		t.Fatalf("after both: %d, want 100 back", p)
	}
	for _, before := range []int{importGC + 200, -1} {
		debug.SetGCPercent(before)
		done := FewerGCs()
		if p := gcPercent(); p != before {
			t.Fatalf("with %d set before: %d during the import", before, p)
		}
		done()
		if p := gcPercent(); p != before {
			t.Fatalf("with %d set before: %d after", before, p)
		}
	}
}
