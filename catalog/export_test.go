package catalog

// EmbeddedData exposes the embedded bytes to the external tests.
func EmbeddedData() []byte { return embedded }
