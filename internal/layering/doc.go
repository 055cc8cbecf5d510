// Package layering holds no code, only a test that keeps iameval's import
// graph as drawn in the README: every package imports only packages below
// it, and the library stays free of dependencies beyond gjson.
package layering
