package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"entente/internal/model"
)

// Errors for files that are not UTF-8 text. ReadFile and Walk wrap them with
// the path; test with errors.Is.
var (
	ErrBinary  = errors.New("binary file (NUL byte)")
	ErrNotUTF8 = errors.New("not valid UTF-8")
)

// StdinID is the document ID given to standard input.
const StdinID = "stdin"

const bom = "\uFEFF"

// ReadFile reads the file at path and parses it (see Parse). The document's
// ID is the file's base name. A leading UTF-8 byte order mark is dropped from
// Text. It fails, naming the path, when the file cannot be read, holds a NUL
// byte (ErrBinary) or is not valid UTF-8 (ErrNotUTF8).
func (pr *Parser) ReadFile(path string, published model.Point) (*model.Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	return pr.fromBytes(filepath.Base(path), path, b, published)
}

// Read reads all of r and parses it as one document with the given ID and
// path, checking the bytes as ReadFile does.
func (pr *Parser) Read(r io.Reader, id, path string, published model.Point) (*model.Document, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("ingest: read %s: %w", path, err)
	}
	return pr.fromBytes(id, path, b, published)
}

func (pr *Parser) fromBytes(id, path string, b []byte, published model.Point) (*model.Document, error) {
	if bytes.IndexByte(b, 0) >= 0 {
		return nil, fmt.Errorf("ingest: %s: %w", path, ErrBinary)
	}
	b = bytes.TrimPrefix(b, []byte(bom))
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("ingest: %s: %w", path, ErrNotUTF8)
	}
	return pr.Parse(id, path, string(b), published), nil
}

// textExt lists the extensions read from directories ("" is no extension).
var textExt = map[string]bool{".txt": true, ".md": true, ".text": true, "": true}

// Walk calls fn for every document found in paths, one at a time, in order.
// A path is a file (read whatever its extension), a directory (walked
// recursively in lexical order, skipping names that start with a dot and
// reading only *.txt, *.md, *.text and extension-less regular files) or "-"
// for standard input (ID "stdin"). A file that cannot be read, or a missing
// path, is reported as fn(nil, err) and the walk goes on; when fn returns an
// error Walk stops and returns it.
func (pr *Parser) Walk(paths []string, published model.Point, stdin io.Reader, fn func(doc *model.Document, err error) error) error {
	for _, p := range paths {
		if err := pr.walkOne(p, published, stdin, fn); err != nil {
			return err
		}
	}
	return nil
}

// stop marks an error returned by fn, so that it passes through WalkDir.
type stop struct{ err error }

func (s stop) Error() string { return s.err.Error() }

func (pr *Parser) walkOne(p string, published model.Point, stdin io.Reader, fn func(*model.Document, error) error) error {
	if p == "-" {
		if stdin == nil {
			return fn(nil, errors.New("ingest: -: no standard input"))
		}
		return fn(pr.Read(stdin, StdinID, "-", published))
	}
	info, err := os.Stat(p)
	if err != nil {
		return fn(nil, fmt.Errorf("ingest: %w", err))
	}
	if !info.IsDir() {
		return fn(pr.ReadFile(p, published))
	}
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if e := fn(nil, fmt.Errorf("ingest: %w", err)); e != nil {
				return stop{e}
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if path != p && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !textExt[strings.ToLower(filepath.Ext(name))] {
			return nil
		}
		if !d.Type().IsRegular() {
			// Follow symbolic links to files; skip devices, pipes and links to
			// directories (which could loop).
			if d.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			fi, err := os.Stat(path)
			if err != nil {
				if e := fn(nil, fmt.Errorf("ingest: %w", err)); e != nil {
					return stop{e}
				}
				return nil
			}
			if !fi.Mode().IsRegular() {
				return nil
			}
		}
		if e := fn(pr.ReadFile(path, published)); e != nil {
			return stop{e}
		}
		return nil
	})
	var s stop
	if errors.As(err, &s) {
		return s.err
	}
	return err
}
