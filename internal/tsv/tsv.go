// Package tsv reads entente's tab-separated data files. In: a file of an
// fs.FS. Out: the tab-separated fields of each entry line, with its line
// number; blank lines and lines starting with # are skipped, and a trailing
// \r is dropped.
package tsv

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
)

// Each calls fn with the fields and 1-based line number of every entry of the
// file name in fsys. It stops at the first error fn returns and returns it
// as is. A missing file gives an error that wraps fs.ErrNotExist.
func Each(fsys fs.FS, name string, fn func(fields []string, line int) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if err := fn(strings.Split(line, "\t"), n); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
