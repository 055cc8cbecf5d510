package catalog

// EmbeddedData exposes the embedded bytes to the external tests.
func EmbeddedData() []byte { return embedded }

// DecodeEmbeddedNames exposes the set of the embedded action names to the
// external tests.
func DecodeEmbeddedNames() (any, error) { return decodeNames(embedded) }
