package clean

import "entente/internal/ingest"

// parser reads the test documents with the embedded metadata keys.
var parser = func() *ingest.Parser {
	p, err := ingest.NewParser()
	if err != nil {
		panic(err)
	}
	return p
}()
