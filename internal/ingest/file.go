package ingest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

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

// bom is the UTF-8 byte order mark, which Parse skips.
const bom = "\uFEFF"

// ReadFile reads the file at path and parses it (see Parse). The document's
// ID is the file's base name. The bytes are decoded by Decode: UTF-8 is kept
// as it is (a byte order mark stays in Text, and Parse skips it, so offsets
// are those of the file), UTF-16, windows-1251 and KOI8-R are decoded and
// named in Meta["encoding"]. It fails, naming the path, when the file cannot
// be read, is larger than the parser's MaxBytes (ErrTooLarge), holds NUL
// bytes (ErrBinary) or is no text Decode knows (ErrNotUTF8).
func (pr *Parser) ReadFile(path string, published model.Point) (*model.Document, error) {
	return pr.readFile(filepath.Base(path), path, published)
}

func (pr *Parser) readFile(id, path string, published model.Point) (*model.Document, error) {
	if pr.MaxBytes > 0 {
		if st, err := os.Stat(path); err == nil && st.Size() > pr.MaxBytes {
			return nil, pr.tooLarge(path, st.Size(), true)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	defer f.Close()
	return pr.Read(f, id, path, published)
}

// Read reads all of r and parses it as one document with the given ID and
// path, checking and decoding the bytes as ReadFile does; it stops reading
// past MaxBytes.
func (pr *Parser) Read(r io.Reader, id, path string, published model.Point) (*model.Document, error) {
	if pr.MaxBytes > 0 {
		r = io.LimitReader(r, pr.MaxBytes+1)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("ingest: read %s: %w", path, err)
	}
	if pr.MaxBytes > 0 && int64(len(b)) > pr.MaxBytes {
		return nil, pr.tooLarge(path, int64(len(b)), false)
	}
	return pr.fromBytes(id, path, b, published)
}

// tooLarge reports a document over MaxBytes: of size bytes when exact, or
// of more than MaxBytes when it was read from a stream.
func (pr *Parser) tooLarge(path string, size int64, exact bool) error {
	what := fmt.Sprintf("%.1f MB", float64(size)/(1<<20))
	if !exact {
		what = "more than that"
	}
	return fmt.Errorf("ingest: %s: %w: the limit is %.1f MB (--max-size), the document %s", path, ErrTooLarge, float64(pr.MaxBytes)/(1<<20), what)
}

func (pr *Parser) fromBytes(id, path string, b []byte, published model.Point) (*model.Document, error) {
	text, enc, err := Decode(b)
	if err != nil {
		return nil, fmt.Errorf("ingest: %s: %w", path, err)
	}
	doc := pr.Parse(id, path, text, published)
	if enc != "" {
		if doc.Meta == nil {
			doc.Meta = map[string]string{}
		}
		doc.Meta["encoding"] = enc
	}
	return doc, nil
}

// textExt lists the extensions read from directories ("" is no extension).
var textExt = map[string]bool{".txt": true, ".md": true, ".text": true, "": true}

// Walk calls fn for every document found in paths, one at a time, in order.
// A path is a file (read whatever its extension), a directory (walked
// recursively in lexical order, skipping names that start with a dot and
// reading only *.txt, *.md, *.text and extension-less regular files; a
// file's ID is its path relative to the directory) or "-" for standard input
// (ID "stdin"). A file that cannot be read, or a missing
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

// relID is the ID of a file found in the folder dir: its path relative to
// dir with forward slashes ("2024/article.txt"), so that two files of the
// same name in different folders are told apart.
func relID(dir, path string) string {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		return filepath.Base(path)
	}
	return filepath.ToSlash(rel)
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
		if e := fn(pr.readFile(relID(p, path), path, published)); e != nil {
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
