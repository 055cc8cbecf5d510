//go:build race

package lint

// raceEnabled reports that the race detector is on; it allocates, so
// allocation budgets are not checked.
const raceEnabled = true
