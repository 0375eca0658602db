// Package domain holds Daigou Desk's shared vocabulary: the error type every layer returns to
// the user, ids, money, and validation helpers such as barcode check digits. It imports only
// the standard library, so every other package may import it.
package domain
