package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dustin/go-humanize"

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
	b, err := pr.readAll(path)
	if err != nil {
		return nil, err
	}
	return pr.fromBytes(filepath.Base(path), path, b, published)
}

// readAll reads a file of at most MaxBytes.
func (pr *Parser) readAll(path string) ([]byte, error) {
	var size int64
	if st, err := os.Stat(path); err == nil {
		size = st.Size()
		if pr.MaxBytes > 0 && size > pr.MaxBytes {
			return nil, pr.tooLarge(path, size, true)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	defer f.Close()
	return pr.readLimited(f, path, size)
}

// readLimited reads all of r, but no more than MaxBytes; size, when above
// 0, is what r is expected to hold (a file's size), so that a long file is
// read into one buffer of its size rather than into ever larger copies.
func (pr *Parser) readLimited(r io.Reader, path string, size int64) ([]byte, error) {
	if pr.MaxBytes > 0 {
		r = io.LimitReader(r, pr.MaxBytes+1)
		size = min(size, pr.MaxBytes+1)
	}
	var buf bytes.Buffer
	if size > 0 {
		buf.Grow(int(size) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(r)
	b := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("ingest: read %s: %w", path, err)
	}
	if pr.MaxBytes > 0 && int64(len(b)) > pr.MaxBytes {
		return nil, pr.tooLarge(path, int64(len(b)), false)
	}
	return b, nil
}

// Read reads all of r and parses it as one document with the given ID and
// path, checking and decoding the bytes as ReadFile does; it stops reading
// past MaxBytes.
func (pr *Parser) Read(r io.Reader, id, path string, published model.Point) (*model.Document, error) {
	b, err := pr.readLimited(r, path, 0)
	if err != nil {
		return nil, err
	}
	return pr.fromBytes(id, path, b, published)
}

// tooLarge reports a document over MaxBytes: of size bytes when exact, or
// of more than MaxBytes when it was read from a stream.
func (pr *Parser) tooLarge(path string, size int64, exact bool) error {
	what := humanize.Bytes(uint64(size))
	if !exact {
		what = "more than that"
	}
	return fmt.Errorf("ingest: %s: %w: the limit is %s (--max-size), the document %s", path, ErrTooLarge, humanize.Bytes(uint64(pr.MaxBytes)), what)
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

// readExt lists the extensions read from directories ("" is no extension).
var readExt = map[string]bool{".txt": true, ".md": true, ".text": true, "": true,
	".html": true, ".htm": true, ".xhtml": true, ".jsonl": true, ".ndjson": true}

// Walk calls fn for every document found in paths, one at a time, in order;
// see WalkWith. It reads by extension and sniffing, and fetches nothing.
func (pr *Parser) Walk(paths []string, published model.Point, stdin io.Reader, fn func(doc *model.Document, err error) error) error {
	return pr.WalkWith(paths, Options{Published: published, Stdin: stdin}, fn)
}

// WalkWith calls fn for every document found in args, one at a time, in
// order. An argument is a file (read whatever its extension), a directory
// (walked recursively in lexical order, skipping names that start with a
// dot and reading only *.txt, *.md, *.text, *.html, *.htm, *.xhtml, *.jsonl,
// *.ndjson and extension-less regular files, each known by its path relative
// to the directory: "sub/a.txt"), "-" for standard input (ID "stdin"), or an http(s) URL when o.Fetch is set. A file is read as
// o.Format says: text (UTF-8, metadata lines), a web page (package html),
// or JSONL (ReadJSONL: one document a line). A file, line or URL that
// cannot be read, or a missing path, is reported as fn(nil, err) and the
// walk goes on; when fn returns an error WalkWith stops and returns it.
func (pr *Parser) WalkWith(args []string, o Options, fn func(doc *model.Document, err error) error) error {
	if err := CheckFormat(o.Format); err != nil {
		return fn(nil, err)
	}
	for _, p := range args {
		if err := pr.walkOne(p, o, fn); err != nil {
			return err
		}
	}
	return nil
}

// IsURL reports whether an argument is an http or https URL.
func IsURL(arg string) bool {
	l := strings.ToLower(arg)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// candidate says whether the walk of the folder dir reads the entry at
// path (not a dot name, not a folder, an extension of readExt), and what
// WalkDir should do with it when not (skip a dot folder whole).
func candidate(dir, path string, d fs.DirEntry) (read bool, skip error) {
	name := d.Name()
	if path != dir && strings.HasPrefix(name, ".") {
		if d.IsDir() {
			return false, fs.SkipDir
		}
		return false, nil
	}
	return !d.IsDir() && readExt[strings.ToLower(filepath.Ext(name))], nil
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

// readFile reads one file by format.
func (pr *Parser) readFile(id, path string, o Options, fn func(*model.Document, error) error) error {
	b, err := pr.readAll(path)
	if err != nil {
		return fn(nil, err)
	}
	return pr.readBytes(id, path, b, o, fn)
}

func (pr *Parser) walkOne(p string, o Options, fn func(*model.Document, error) error) error {
	if p == "-" {
		if o.Stdin == nil {
			return fn(nil, errors.New("ingest: -: no standard input"))
		}
		if o.Format == FormatJSONL {
			return pr.ReadJSONL(o.Stdin, "-", o.Published, fn)
		}
		b, err := pr.readLimited(o.Stdin, "-", 0)
		if err != nil {
			return fn(nil, err)
		}
		return pr.readBytes(StdinID, "-", b, o, fn)
	}
	if IsURL(p) {
		if o.Fetch == nil {
			return fn(nil, fmt.Errorf("ingest: %s: URLs are not read here", p))
		}
		ctx := o.Context
		if ctx == nil {
			ctx = context.Background()
		}
		return o.Fetch(ctx, p, fn)
	}
	info, err := os.Stat(p)
	if err != nil {
		return fn(nil, fmt.Errorf("ingest: %w", err))
	}
	if !info.IsDir() {
		return pr.readFile(filepath.Base(p), p, o, fn)
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
		if read, skip := candidate(p, path, d); !read {
			return skip
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
		if e := pr.readFile(relID(p, path), path, o, fn); e != nil {
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

// Count returns how many documents WalkWith would read from args with the
// input format, without reading them: one per file a folder holds (the
// same names WalkWith reads), per file, per URL and for standard input. It
// returns -1 when that cannot be known (a JSONL file holds a document a
// line), for a progress bar to show a count without a total.
func Count(args []string, format string) int {
	n := 0
	for _, p := range args {
		if p == "-" || IsURL(p) {
			if format == FormatJSONL {
				return -1
			}
			n++
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			n++ // reported as one failure
			continue
		}
		if !info.IsDir() {
			if formatOf(p, format) == FormatJSONL {
				return -1
			}
			n++
			continue
		}
		jsonl := false
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if read, skip := candidate(p, path, d); !read {
				return skip
			}
			if formatOf(path, format) == FormatJSONL {
				jsonl = true
				return fs.SkipAll
			}
			n++
			return nil
		})
		if jsonl {
			return -1
		}
	}
	return n
}
