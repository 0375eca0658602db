// Package catalog keeps the product catalog and where goods can be stored: products,
// categories, storage zones (luxury, cosmetics, …) and locations within zones (a shelf, a bin,
// "Alice's suitcase"). Every change goes through store.DB.Write; reads are plain SQL.
//
// It imports domain, store and importer (the .csv/.xlsx product file, file.go).
package catalog
