package ingest

import "sync"

// std is the Parser over the embedded data that the package's tests share.
var std = sync.OnceValue(func() *Parser {
	p, err := NewParser()
	if err != nil {
		panic(err)
	}
	return p
})
