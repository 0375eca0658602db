// Package app is the desktop app: the only package that imports the Wails runtime. It binds
// one facade per area (Catalog, Stock, Settings, …) whose methods the frontend calls, turns
// errors into {code, message, …} for JavaScript (errors.go), and forwards store changes to the
// UI as namespaced events (events.go). The facades hold no logic of their own: they call the
// backend services that the command line uses too.
package app
