//go:build !bindings

package app

// GeneratingBindings is true in the build that `wails generate module` runs to write the
// TypeScript bindings; main then opens a throwaway data folder, never the user's.
const GeneratingBindings = false
