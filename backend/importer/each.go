package importer

import (
	"runtime"
	"sync"
)

// EachRow calls fn(i) for every i in [0, n), spread over the machine's cores in contiguous
// chunks: for the per-row work of a big file (parsing and checking cells, building fields),
// which is independent from row to row. fn may only write row i's own results. Small files
// (under a few thousand rows) are done in the calling goroutine.
func EachRow(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n/2000)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	per := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += per {
		hi := min(lo+per, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				fn(i)
			}
		}()
	}
	wg.Wait()
}
