package langid

import "sync"

// std is the Identifier over the embedded data that the package's tests share.
var std = sync.OnceValue(func() *Identifier {
	id, err := New()
	if err != nil {
		panic(err)
	}
	return id
})
