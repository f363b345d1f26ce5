// Package pgtest starts a throwaway PostgreSQL server for tests and
// benchmarks: on a free localhost port, in a temporary folder, with trust
// authentication and without durability (fsync off), as a non-root user
// (PostgreSQL refuses to run as root: as root it runs the server as the
// postgres user, else nobody).
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

// pgBin finds a PostgreSQL server program: on PATH, else in Debian's
// versioned folders.
func pgBin(name string) string {
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/" + name)
	if len(m) > 0 {
		return m[len(m)-1]
	}
	return ""
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Start starts a server and returns the URL prefix of its databases
// ("postgres://postgres@127.0.0.1:PORT/") and a function that stops it and
// removes its files. ENTENTE_TEST_PG, when set, names a running server
// instead. settings are more server settings ("name=value", passed as -c),
// e.g. "shared_preload_libraries=pg_stat_statements".
func Start(settings ...string) (string, func(), error) {
	if url := os.Getenv("ENTENTE_TEST_PG"); url != "" {
		return url, func() {}, nil
	}
	initdb, pgctl := pgBin("initdb"), pgBin("pg_ctl")
	if initdb == "" || pgctl == "" {
		return "", nil, fmt.Errorf("no PostgreSQL server found (install the postgresql package)")
	}
	dir, err := os.MkdirTemp("", "entente-pg-")
	if err != nil {
		return "", nil, err
	}
	os.Chmod(dir, 0o755)
	data := filepath.Join(dir, "data")
	// As root, run the server as the postgres user (or nobody).
	var asUser []string
	if os.Geteuid() == 0 {
		name := "postgres"
		u, err := user.Lookup(name)
		if err != nil {
			name = "nobody"
			if u, err = user.Lookup(name); err != nil {
				return "", nil, fmt.Errorf("running as root and no postgres or nobody user: %w", err)
			}
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return "", nil, err
		}
		asUser = []string{"runuser", "-u", name, "--"}
		if _, err := exec.LookPath("runuser"); err != nil {
			asUser = []string{"su", name, "-s", "/bin/sh", "-c"}
		}
	}
	run := func(args ...string) ([]byte, error) {
		full := append(append([]string{}, asUser...), args...)
		if len(asUser) > 0 && asUser[0] == "su" {
			full = append(append([]string{}, asUser...), shellJoin(args))
		}
		cmd := exec.Command(full[0], full[1:]...)
		cmd.Dir = dir
		return cmd.CombinedOutput()
	}
	if out, err := run(initdb, "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"); err != nil {
		if out2, err2 := run(initdb, "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"); err2 != nil {
			return "", nil, fmt.Errorf("initdb: %v\n%s\n%s", err, out, out2)
		}
	}
	port, err := freePort()
	if err != nil {
		return "", nil, err
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", port, dir)
	for _, kv := range settings {
		opts += " -c " + kv
	}
	if out, err := run(pgctl, "-D", data, "-l", filepath.Join(dir, "log"), "-o", opts, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		return "", nil, fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	stop := func() {
		run(pgctl, "-D", data, "-m", "immediate", "-w", "stop")
		os.RemoveAll(dir)
	}
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/", port), stop, nil
}

func shellJoin(args []string) string {
	s := ""
	for i, a := range args {
		if i > 0 {
			s += " "
		}
		s += strconv.Quote(a)
	}
	return s
}

// CreateDB creates a database on the server at base (a URL prefix from
// Start) and returns its URL.
func CreateDB(base, name string) (string, error) {
	admin, err := sql.Open("pgx", base+"postgres?sslmode=disable")
	if err != nil {
		return "", err
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		return "", fmt.Errorf("pgtest: create database %s: %w", name, err)
	}
	return base + name + "?sslmode=disable", nil
}
