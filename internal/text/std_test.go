package text

import "sync"

// std is the Analyzer over the embedded data that the package's tests share.
var std = sync.OnceValue(func() *Analyzer {
	a, err := New()
	if err != nil {
		panic(err)
	}
	return a
})
