package orders

// SetSortWholeMax changes the largest result the list sorts whole, for a test to run every
// filter both ways; it returns the function that restores it.
func SetSortWholeMax(n int) (restore func()) {
	old := sortWholeMax
	sortWholeMax = n
	return func() { sortWholeMax = old }
}
