//go:build race

package variables

const raceEnabled = true
